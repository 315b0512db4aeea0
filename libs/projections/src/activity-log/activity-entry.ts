import { ActivityCategory } from '@app/domain';
import { ActorType } from '@app/event-store';

/** One Activity Log line per logged event, keyed by event id (re-applying it is a no-op). */
export interface ActivityEntry {
  eventId: string;
  position: bigint;
  occurredAt: string;
  eventType: string;
  category: ActivityCategory;
  mspId: string | null;
  orgId: string | null;
  /** Who did it: the actor of the event, or the member a service recorded it for. */
  initiator: { type: ActorType; id: string; email: string | null; name: string | null; role: string | null };
  ip: string | null;
  userAgent: string | null;
  target: { type: string; id: string; name: string | null };
  /** The vault item or folder the action was about; its type and name are shown to owners only. */
  item: { id: string; type: string | null; name: string | null } | null;
  /** The event's data, kept whole: summaries are rendered (and redacted) at query time. */
  data: Record<string, unknown>;
}

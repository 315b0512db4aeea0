import { RecordedEvent } from '@app/event-store';
import { Reveal } from '@app/privacy';
import { toActivityEntry } from './activity-log.projection';
import { AudienceName } from './audience';
import { PresentedEntry, presentEntry } from './present-entry';

/**
 * An event as one audience may receive it outside the log queries (Kafka, SIEM pushes): the
 * envelope's routing fields, and the Activity Log line exactly as that audience's API view
 * shows it. Never the event's data or its raw actor.
 */
export interface AudienceEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: string;
  position: string;
  occurredAt: string;
  tenant: { mspId: string | null; orgId: string | null };
  entry: PresentedEntry;
}

/**
 * The one rule for what `audience` may see of an event, on every channel: the line the
 * projection writes (toActivityEntry), presented for the audience (presentEntry), as the log
 * queries, exports and live tails present stored lines. Undefined for an event the Activity
 * Log does not show (or whose payload passed its retention), which such an audience is then not
 * sent either. Personal values are revealed by `reveal`, loaded for the event beforehand
 * (PersonalData.revealerFor): an erased member shows as their pseudonym here too.
 * Throws MalformedEventError when the envelope names no actor or tenant that can be trusted.
 */
export function viewEvent(event: RecordedEvent, audience: AudienceName, reveal: Reveal): AudienceEvent | undefined {
  const entry = toActivityEntry(event);
  if (!entry) return undefined;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: event.position.toString(),
    occurredAt: event.occurredAt,
    tenant: { mspId: entry.mspId, orgId: entry.orgId },
    entry: presentEntry(entry, audience, reveal),
  };
}

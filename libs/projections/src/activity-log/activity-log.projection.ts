import { describerFor, EventDescriber } from '@app/domain';
import { ActorType, RecordedEvent } from '@app/event-store';
import { MalformedEventError } from '../shared/projection-errors';
import { ActivityEntry } from './activity-entry';

type Initiator = ActivityEntry['initiator'];
type Client = { ip: string | null; userAgent: string | null };
/** The member a describer says an event was recorded for, as the line can take it. */
type Person = Omit<Initiator, 'type' | 'role'> & { client?: Client };

/** The target of a line whose describer could not read the event's data: the event's stream. */
export const UNREADABLE_TARGET_TYPE = 'stream';

/**
 * The Activity Log line of one event, or undefined for events the log does not show (no
 * describer). Describers read the event's data, which may not have the shape its type declares
 * (an old writer, a bad token): whatever a describer throws or returns that is not a valid
 * target, item or person, the line falls back to a generic one (the stream as target, no item,
 * the actor as initiator). Personal values stay sealed here, as the event holds them: they are
 * revealed only when a line is presented (presentEntry). The envelope is different: an actor id or a tenant that is not a
 * string is nothing a line can be trusted with, so it throws MalformedEventError.
 */
export function toActivityEntry(event: RecordedEvent): ActivityEntry | undefined {
  const describer = describerFor(event.type);
  // An event past its retention has no payload left: it has no line either.
  if (!describer || event.expired) return undefined;
  const { actor, tenant } = trustedEnvelope(event);
  const onBehalfOf = guarded(() => describer.initiator?.(event.data), personOf);
  return {
    eventId: event.id,
    position: event.position,
    occurredAt: event.occurredAt,
    eventType: event.type,
    category: describer.category,
    mspId: tenant.mspId,
    orgId: tenant.orgId,
    initiator: onBehalfOf ? { type: 'member', id: onBehalfOf.id, email: onBehalfOf.email, name: onBehalfOf.name, role: null } : actor,
    ...clientOfInitiator(actor.id, clientOf(event.metadata.client), onBehalfOf),
    target: guarded(() => describer.target(event.data), targetOf) ?? { type: UNREADABLE_TARGET_TYPE, id: event.streamId, name: null },
    item: itemOf(describer, event.data),
    data: event.data,
  };
}

function trustedEnvelope(event: RecordedEvent): { actor: Initiator; tenant: { mspId: string | null; orgId: string | null } } {
  const metadata = (event.metadata ?? {}) as unknown as Record<string, Record<string, unknown> | undefined>;
  const actor = metadata.actor ?? {};
  const tenant = metadata.tenant ?? {};
  if (typeof actor.id !== 'string' || actor.id === '') throw malformed(event, 'metadata.actor.id', actor.id);
  if (typeof actor.type !== 'string') throw malformed(event, 'metadata.actor.type', actor.type);
  for (const key of ['mspId', 'orgId']) {
    if (tenant[key] !== undefined && typeof tenant[key] !== 'string') throw malformed(event, `metadata.tenant.${key}`, tenant[key]);
  }
  return {
    actor: { type: actor.type as ActorType, id: actor.id, email: text(actor.email), name: text(actor.name), role: text(actor.role) },
    tenant: { mspId: (tenant.mspId as string | undefined) ?? null, orgId: (tenant.orgId as string | undefined) ?? null },
  };
}

/**
 * The client of the person who acted: the request's, unless someone else (a sign-in service)
 * recorded the event for the member, whose client is then what the recorder reported, if anything.
 */
function clientOfInitiator(actorId: string, client: Client, onBehalfOf: Person | undefined): Client {
  const own = !onBehalfOf || onBehalfOf.id === actorId;
  return own ? client : onBehalfOf.client ?? { ip: null, userAgent: null };
}

function clientOf(value: unknown): Client {
  return isRecord(value) ? { ip: text(value.ip), userAgent: text(value.userAgent) } : { ip: null, userAgent: null };
}

function malformed(event: RecordedEvent, field: string, value: unknown): MalformedEventError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return new MalformedEventError(`event ${event.id} (${event.type}): ${field} must be a non-empty string, got ${got}`);
}

/** What a describer returns, if it is what `validate` accepts; undefined when it throws or is not. */
function guarded<T>(describe: () => unknown, validate: (value: unknown) => T | undefined): T | undefined {
  try {
    return validate(describe());
  } catch {
    return undefined;
  }
}

function itemOf(describer: EventDescriber, data: unknown): ActivityEntry['item'] {
  if (!describer.item) return null;
  return (
    guarded(
      () => describer.item!(data),
      (ref) => (isRecord(ref) && isId(ref.id) ? { id: ref.id, type: text(ref.type), name: text(ref.name) } : undefined),
    ) ?? null
  );
}

function targetOf(ref: unknown): ActivityEntry['target'] | undefined {
  return isRecord(ref) && isId(ref.type) && isId(ref.id) ? { type: ref.type, id: ref.id, name: text(ref.name) } : undefined;
}

function personOf(ref: unknown): Person | undefined {
  if (!isRecord(ref) || !isId(ref.id)) return undefined;
  return { id: ref.id, email: text(ref.email), name: text(ref.name), ...(ref.client !== undefined && { client: clientOf(ref.client) }) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

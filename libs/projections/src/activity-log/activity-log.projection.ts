import { describerFor, OnBehalfOf } from '@app/domain';
import { ClientInfo, RecordedEvent } from '@app/event-store';
import { ActivityEntry } from './activity-entry';

/**
 * The client of the person who acted: the request's, unless someone else (a sign-in service)
 * recorded the event for the member, whose client is then what the recorder reported, if anything.
 */
function clientOfInitiator(actorId: string, client: ClientInfo | undefined, onBehalfOf: OnBehalfOf | undefined) {
  const own = !onBehalfOf || onBehalfOf.id === actorId;
  const used = own ? client : onBehalfOf.client;
  return { ip: used?.ip ?? null, userAgent: used?.userAgent ?? null };
}

/** The Activity Log line of one event, or undefined for events the log does not show (no describer). */
export function toActivityEntry(event: RecordedEvent): ActivityEntry | undefined {
  const describer = describerFor(event.type);
  if (!describer) return undefined;
  const { actor, tenant, client } = event.metadata;
  const onBehalfOf = describer.initiator?.(event.data);
  const target = describer.target(event.data);
  const item = describer.item?.(event.data) ?? null;
  return {
    eventId: event.id,
    position: event.position,
    occurredAt: event.occurredAt,
    eventType: event.type,
    category: describer.category,
    mspId: tenant.mspId ?? null,
    orgId: tenant.orgId ?? null,
    initiator: onBehalfOf
      ? { type: 'member', id: onBehalfOf.id, email: onBehalfOf.email ?? null, name: onBehalfOf.name ?? null, role: null }
      : { type: actor.type, id: actor.id, email: actor.email ?? null, name: actor.name ?? null, role: actor.role ?? null },
    ...clientOfInitiator(actor.id, client, onBehalfOf),
    target: { type: target.type, id: target.id, name: target.name ?? null },
    item: item && { id: item.id, type: item.type ?? null, name: item.name ?? null },
    data: event.data,
  };
}

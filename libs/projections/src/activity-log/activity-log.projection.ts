import { describerFor } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { ActivityEntry } from './activity-entry';

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
    ip: client?.ip ?? null,
    userAgent: client?.userAgent ?? null,
    target: { type: target.type, id: target.id, name: target.name ?? null },
    item: item && { id: item.id, type: item.type ?? null, name: item.name ?? null },
    data: event.data,
  };
}

import { organizationDecider, OrganizationEvent, organizationsDescribers, OrganizationState } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { OrganizationEntry } from './organization-directory.store';

/**
 * The organization events, read off the area's catalog page (its describers are typed to cover
 * exactly them): the directory follows every one through the decider's own `evolve`, so there
 * is nothing to decide per event and no second list to keep.
 */
const ORGANIZATION_EVENTS: ReadonlySet<string> = new Set(Object.keys(organizationsDescribers));

/** The organization an event is about, when it is an organization event. */
export function organizationIdOf(event: RecordedEvent): string | undefined {
  if (!ORGANIZATION_EVENTS.has(event.type)) return undefined;
  const id = event.data.organizationId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The entries a batch changes, given the stored ones it touches. Name and status follow the
 * organization decider's own `evolve`, so the directory never disagrees with the write side;
 * events at or below an entry's position (a replayed batch) are skipped.
 */
export function projectOrganizations(events: RecordedEvent[], stored: ReadonlyMap<string, OrganizationEntry>): OrganizationEntry[] {
  const changed = new Map<string, OrganizationEntry>();
  for (const event of events) {
    const orgId = organizationIdOf(event);
    if (!orgId) continue;
    const current = changed.get(orgId) ?? stored.get(orgId);
    if (current && current.position >= event.position) continue;
    const next = applyEvent(current, event);
    if (next) changed.set(orgId, next);
  }
  return [...changed.values()];
}

function applyEvent(entry: OrganizationEntry | undefined, event: RecordedEvent): OrganizationEntry | undefined {
  const state = organizationDecider.evolve(stateOf(entry), { type: event.type, data: event.data } as OrganizationEvent);
  if (!state.exists) return undefined;
  const { organizationId, mspId, name, status } = state;
  const createdAt = entry?.createdAt ?? event.occurredAt;
  return { orgId: organizationId, mspId, name, status, createdAt, updatedAt: event.occurredAt, position: event.position };
}

function stateOf(entry: OrganizationEntry | undefined): OrganizationState {
  if (!entry) return { exists: false };
  return { exists: true, organizationId: entry.orgId, mspId: entry.mspId, name: entry.name, status: entry.status };
}

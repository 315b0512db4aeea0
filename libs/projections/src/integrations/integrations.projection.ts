import {
  IntegrationEvent, integrationDecider, IntegrationState, SiemIntegrationEvent, siemIntegrationDecider, SiemIntegrationState,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { IntegrationEntry } from './integrations.store';

/** The configuration events of each family; syncs change no entry (a sync must not restart a worker). */
const MSP_EVENTS = new Set<string>(['IntegrationSetUp', 'IntegrationEdited', 'IntegrationDisconnected'] satisfies IntegrationEvent['type'][]);
const ORG_EVENTS = new Set<string>(['SiemIntegrationSetUp', 'SiemIntegrationEdited', 'SiemIntegrationDisconnected'] satisfies SiemIntegrationEvent['type'][]);

/** The integration a configuration event is about, if it is one. */
export function integrationIdOf(event: RecordedEvent): string | undefined {
  if (!MSP_EVENTS.has(event.type) && !ORG_EVENTS.has(event.type)) return undefined;
  const id = event.data.integrationId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The entries a batch changes, given the stored ones it touches. Each entry follows its decider's
 * own `evolve`, so the view never disagrees with the write side; events at or below an entry's
 * position (a replayed batch) are skipped.
 */
export function projectIntegrations(events: RecordedEvent[], stored: ReadonlyMap<string, IntegrationEntry>): IntegrationEntry[] {
  const changed = new Map<string, IntegrationEntry>();
  for (const event of events) {
    const id = integrationIdOf(event);
    if (!id) continue;
    const current = changed.get(id) ?? stored.get(id);
    if (current && current.position >= event.position) continue;
    const next = MSP_EVENTS.has(event.type) ? applyMspEvent(current, event) : applyOrgEvent(current, event);
    if (next) changed.set(id, next);
  }
  return [...changed.values()];
}

function applyMspEvent(entry: IntegrationEntry | undefined, event: RecordedEvent): IntegrationEntry | undefined {
  const state = integrationDecider.evolve(mspStateOf(entry), { type: event.type, data: event.data } as IntegrationEvent);
  if (!state.exists) return undefined;
  return entryOf(entry, event, state, { type: 'msp', mspId: state.mspId });
}

function applyOrgEvent(entry: IntegrationEntry | undefined, event: RecordedEvent): IntegrationEntry | undefined {
  const state = siemIntegrationDecider.evolve(orgStateOf(entry), { type: event.type, data: event.data } as SiemIntegrationEvent);
  if (!state.exists) return undefined;
  const mspId = entry?.owner.mspId ?? event.metadata.tenant.mspId ?? null;
  return entryOf(entry, event, state, { type: 'organization', orgId: state.orgId, mspId });
}

type Existing = Extract<IntegrationState, { exists: true }> | Extract<SiemIntegrationState, { exists: true }>;

function entryOf(entry: IntegrationEntry | undefined, event: RecordedEvent, state: Existing, owner: IntegrationEntry['owner']): IntegrationEntry {
  const { integrationId, kind, name, settings, secretLast4, secretVersion, disconnected } = state;
  return {
    integrationId, streamId: event.streamId, owner, kind, name, settings, secretLast4, secretVersion,
    status: disconnected ? 'disconnected' : 'connected',
    setUpPosition: entry?.setUpPosition ?? event.position,
    createdAt: entry?.createdAt ?? event.occurredAt,
    updatedAt: event.occurredAt,
    position: event.position,
  };
}

const configurationOf = (e: IntegrationEntry) => ({
  integrationId: e.integrationId, name: e.name, settings: e.settings, secretLast4: e.secretLast4, secretVersion: e.secretVersion,
  disconnected: e.status === 'disconnected',
});

function mspStateOf(entry: IntegrationEntry | undefined): IntegrationState {
  if (!entry || entry.owner.type !== 'msp') return { exists: false };
  return { exists: true, ...configurationOf(entry), mspId: entry.owner.mspId, kind: entry.kind };
}

function orgStateOf(entry: IntegrationEntry | undefined): SiemIntegrationState {
  if (!entry || entry.owner.type !== 'organization' || (entry.kind !== 'splunk' && entry.kind !== 'microsoft_sentinel')) return { exists: false };
  return { exists: true, ...configurationOf(entry), orgId: entry.owner.orgId, kind: entry.kind };
}

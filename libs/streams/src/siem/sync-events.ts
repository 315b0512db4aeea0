import {
  DomainEvent, Initiator, integrationDecider, IntegrationCommand, Refused, siemIntegrationDecider, SiemIntegrationCommand,
} from '@app/domain';
import { EventMetadata, EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { IntegrationEntry } from '@app/projections';

export type SyncOutcome = { kind: 'success'; eventsSent: number } | { kind: 'failure'; error: string };

/** Who records the syncs: the delivery worker, as a service of the integration's tenant. */
export const SIEM_DELIVERY_ACTOR = { type: 'service', id: 'siem-delivery', name: 'SIEM delivery', role: 'service' } as const;

const MAX_ATTEMPTS = 3;

/**
 * Records IntegrationSyncSucceeded / Failed (or the organization-side SiemIntegrationSync*) through
 * the integration's own decider, with the expected revision: a disconnected integration records
 * nothing more (the decider refuses, and that is not an error here).
 */
export async function appendSyncOutcome(store: EventStore, entry: IntegrationEntry, outcome: SyncOutcome): Promise<void> {
  const { owner } = entry;
  const tenant = owner.type === 'msp' ? { mspId: owner.mspId } : { orgId: owner.orgId, ...(owner.mspId && { mspId: owner.mspId }) };
  const by: Initiator = { memberId: SIEM_DELIVERY_ACTOR.id, role: 'service', ...tenant };
  const metadata: EventMetadata = { actor: { ...SIEM_DELIVERY_ACTOR }, tenant, client: { ip: '127.0.0.1', userAgent: 'activity-log/siem-delivery' } };
  for (let attempt = 1; ; attempt += 1) {
    const past = await store.readStream(entry.streamId);
    const history = past.map((e) => ({ type: e.type, data: e.data }) as DomainEvent);
    let events: DomainEvent[];
    try {
      events = decide(entry, outcome, by, history);
    } catch (error) {
      if (error instanceof Refused) return;
      throw error;
    }
    try {
      const expected = past.length === 0 ? 'no_stream' : past[past.length - 1].revision;
      await store.append(entry.streamId, events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })), expected);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
}

function decide(entry: IntegrationEntry, outcome: SyncOutcome, by: Initiator, history: DomainEvent[]): DomainEvent[] {
  const integrationId = entry.integrationId;
  if (entry.owner.type === 'msp') {
    const command: IntegrationCommand = outcome.kind === 'success'
      ? { type: 'RecordIntegrationSyncSuccess', integrationId, eventsSent: outcome.eventsSent, by }
      : { type: 'RecordIntegrationSyncFailure', integrationId, error: outcome.error.slice(0, 1000), by };
    const state = history.reduce((s, e) => integrationDecider.evolve(s, e as never), integrationDecider.initialState);
    return integrationDecider.decide(command, state);
  }
  const command: SiemIntegrationCommand = outcome.kind === 'success'
    ? { type: 'RecordSiemIntegrationSyncSuccess', integrationId, eventsSent: outcome.eventsSent, by }
    : { type: 'RecordSiemIntegrationSyncFailure', integrationId, error: outcome.error.slice(0, 1000), by };
  const state = history.reduce((s, e) => siemIntegrationDecider.evolve(s, e as never), siemIntegrationDecider.initialState);
  return siemIntegrationDecider.decide(command, state);
}

const SYNC_EVENT_TYPES = new Set(['IntegrationSyncSucceeded', 'IntegrationSyncFailed', 'SiemIntegrationSyncSucceeded', 'SiemIntegrationSyncFailed']);

/** A sync record is pushed like any event, but never counts as activity worth another record (no feedback loop). */
export function isSyncEvent(type: string): boolean {
  return SYNC_EVENT_TYPES.has(type);
}

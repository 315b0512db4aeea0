import { SIEM_KINDS } from '@app/domain';
import { EventStore } from '@app/event-store';
import { CheckpointLagMetrics, DeliveryStateSample } from '@app/metrics';
import { CheckpointStore, deliveryCheckpointName, IntegrationEntry, IntegrationsStore } from '@app/projections';

const PAGE = 500;

/**
 * The samples of `siem_delivery_*`, read from the stored statuses and checkpoints at each scrape, so
 * they are right wherever the delivery workers run (this API or the worker process). Each connected
 * integration's checkpoint is also tracked as a `siem` subscriber of `subscription_lag_events`.
 */
export function siemDeliverySamples(deps: {
  integrations: IntegrationsStore;
  checkpoints: CheckpointStore;
  store: EventStore;
  lag: CheckpointLagMetrics;
}): () => Promise<DeliveryStateSample[]> {
  return async () => {
    const entries = await allSiemIntegrations(deps.integrations);
    const deliveries = new Map((await deps.integrations.deliveries(entries.map((e) => e.integrationId))).map((d) => [d.integrationId, d]));
    const head = await deps.store.headPosition();
    return Promise.all(entries.map(async (entry) => {
      const name = deliveryCheckpointName(entry.integrationId);
      const delivery = deliveries.get(entry.integrationId);
      const sample: DeliveryStateSample = { integration: entry.integrationId, sink: entry.kind, state: delivery?.state ?? 'idle' };
      if (entry.status === 'disconnected') {
        deps.lag.untrack(name);
        return { ...sample, state: 'disconnected', behind: 0n };
      }
      deps.lag.track(name, 'siem', () => deps.checkpoints.get(name));
      const checkpoint = (await deps.checkpoints.get(name)) ?? entry.setUpPosition;
      return {
        ...sample,
        behind: head > checkpoint ? head - checkpoint : 0n,
        ...(delivery?.lastSuccessAt && { lastSuccessAt: new Date(delivery.lastSuccessAt) }),
        ...(delivery && { bytesSent: delivery.bytesSent }),
      };
    }));
  };
}

async function allSiemIntegrations(integrations: IntegrationsStore): Promise<IntegrationEntry[]> {
  const all: IntegrationEntry[] = [];
  for (let page = await integrations.listByKind({ kinds: SIEM_KINDS, limit: PAGE }); ; page = await integrations.listByKind({ kinds: SIEM_KINDS, afterId: all[all.length - 1].integrationId, limit: PAGE })) {
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

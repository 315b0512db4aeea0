import { Inject, Injectable } from '@nestjs/common';
import { isSiemKind } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CHECKPOINT_STORE, CheckpointStore } from '../shared/checkpoint-store';
import { inIntegrationScope } from './integration-audience';
import { DeliveryState, deliveryCheckpointName, IntegrationEntry, INTEGRATIONS_STORE, IntegrationsStore } from './integrations.store';

/** How far the status looks past the checkpoint to count the events still to send. */
export const BEHIND_SCAN_LIMIT = 5_000;

export interface IntegrationStatus {
  integrationId: string;
  kind: IntegrationEntry['kind'];
  name: string;
  state: DeliveryState | 'disconnected';
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  /** Events of the integration's scope after its checkpoint, counted in the next BEHIND_SCAN_LIMIT store events. */
  eventsBehind: number;
  /** True when the scan stopped at its limit before the head: at least `eventsBehind` then. */
  eventsBehindIsLowerBound: boolean;
  eventsSent: number;
  bytesSent: number;
  /** Position up to which everything in scope was delivered (a string of digits). */
  checkpoint: string;
  updatedAt: string | null;
}

/** Reads an integration's delivery status: the view, the worker's status and checkpoint, and the store beyond it. */
@Injectable()
export class IntegrationStatusReader {
  constructor(
    @Inject(INTEGRATIONS_STORE) private readonly integrations: IntegrationsStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The statuses of these entries (SIEM kinds only: nothing else pushes), in their order. */
  async statuses(entries: readonly IntegrationEntry[]): Promise<IntegrationStatus[]> {
    const siem = entries.filter((e) => isSiemKind(e.kind));
    const deliveries = new Map((await this.integrations.deliveries(siem.map((e) => e.integrationId))).map((d) => [d.integrationId, d]));
    return Promise.all(siem.map(async (entry) => {
      const delivery = deliveries.get(entry.integrationId);
      const checkpoint = (await this.checkpoints.get(deliveryCheckpointName(entry.integrationId))) ?? entry.setUpPosition;
      const behind = entry.status === 'disconnected' ? { count: 0, lowerBound: false } : await this.behind(entry, checkpoint);
      const stored = delivery?.state ?? 'idle';
      const state = entry.status === 'disconnected' ? 'disconnected' : stored === 'idle' && behind.count > 0 ? 'delivering' : stored;
      return {
        integrationId: entry.integrationId, kind: entry.kind, name: entry.name, state,
        lastSuccessAt: delivery?.lastSuccessAt ?? null, lastError: delivery?.lastError ?? null,
        eventsBehind: behind.count, eventsBehindIsLowerBound: behind.lowerBound,
        eventsSent: delivery?.eventsSent ?? 0, bytesSent: delivery?.bytesSent ?? 0,
        checkpoint: checkpoint.toString(), updatedAt: delivery?.updatedAt ?? null,
      };
    }));
  }

  /** Counts in-scope events after the checkpoint; exact when the head is within the scan. */
  private async behind(entry: IntegrationEntry, checkpoint: bigint): Promise<{ count: number; lowerBound: boolean }> {
    const events = await this.store.readAll({ fromPosition: checkpoint, limit: BEHIND_SCAN_LIMIT });
    const count = events.filter((e) => inIntegrationScope(entry.owner, e)).length;
    if (events.length < BEHIND_SCAN_LIMIT) return { count, lowerBound: false };
    return { count, lowerBound: events[events.length - 1].position < (await this.store.headPosition()) };
  }
}

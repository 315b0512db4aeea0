import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { integrationIdOf, projectIntegrations } from './integrations.projection';
import { INTEGRATIONS_PROJECTOR, IntegrationsStore } from './integrations.store';

/** Feeds the integrations view: loads the entries a batch touches, applies it, saves with the checkpoint. */
export class IntegrationsProjector implements Projector {
  readonly name = INTEGRATIONS_PROJECTOR;

  constructor(private readonly store: IntegrationsStore) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map(integrationIdOf).filter((id): id is string => id !== undefined))];
    const stored = ids.length === 0 ? [] : await this.store.load(ids);
    const entries = projectIntegrations(events, new Map(stored.map((e) => [e.integrationId, e])));
    await this.store.save({ entries, checkpoint: events[events.length - 1].position });
  }

  advanceTo(position: bigint): Promise<void> {
    return this.store.save({ entries: [], checkpoint: position });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }
}

import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { ActivityEntry } from './activity-entry';
import { toActivityEntry } from './activity-log.projection';
import { ActivityLogStore } from './activity-log.store';

/** Feeds the activity entries from the event store; idempotent by event id. */
export class ActivityLogProjector implements Projector {
  readonly name = 'activity-log';

  constructor(private readonly store: ActivityLogStore) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const entries = events.map(toActivityEntry).filter((e): e is ActivityEntry => e !== undefined);
    await this.store.applyBatch(entries, events[events.length - 1].position);
  }

  advanceTo(position: bigint): Promise<void> {
    return this.store.applyBatch([], position);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }

  async beforeRebuild(): Promise<void> {
    await this.store.beforeRebuild?.();
  }

  async afterRebuild(): Promise<void> {
    await this.store.afterRebuild?.();
  }
}

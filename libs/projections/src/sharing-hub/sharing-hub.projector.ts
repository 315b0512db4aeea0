import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { projectBatch, recordKeyOf } from './sharing-hub.projection';
import { keyOf, SharingHubKey } from './sharing-hub.record';
import { SHARING_HUB_PROJECTOR, SharingHubStore } from './sharing-hub.store';

/**
 * Feeds the Sharing Hub from the event store: loads the records a batch touches, applies the
 * events in order, and saves records, history, policies and the checkpoint in one `save`.
 * Idempotent: records are guarded by lastPosition, history by event id.
 */
export class SharingHubProjector implements Projector {
  readonly name = SHARING_HUB_PROJECTOR;

  constructor(private readonly store: SharingHubStore) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const keys = new Map<string, SharingHubKey>();
    for (const event of events) {
      const key = recordKeyOf(event);
      if (key) keys.set(keyOf(key), key);
    }
    const loaded = keys.size === 0 ? [] : await this.store.load([...keys.values()]);
    const batch = projectBatch(events, new Map(loaded.map((r) => [keyOf(r), r])));
    await this.store.save({ ...batch, checkpoint: events[events.length - 1].position });
  }

  advanceTo(position: bigint): Promise<void> {
    return this.store.save({ records: [], history: [], policies: [], checkpoint: position });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }
}

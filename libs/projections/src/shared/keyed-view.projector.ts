import { RecordedEvent } from '@app/event-store';
import { Projector } from './projector';

/** What KeyedViewProjector needs of a view's store: entries by id, saved with the checkpoint. */
export interface KeyedViewStore<E> {
  load(ids: readonly string[]): Promise<E[]>;
  save(batch: { entries: E[]; checkpoint: bigint }): Promise<void>;
  checkpoint(): Promise<bigint | undefined>;
  reset(): Promise<void>;
}

/** How events map to a keyed view: the entry an event touches, an entry's id, and the fold of a batch. */
export interface KeyedViewProjection<E> {
  idOf(event: RecordedEvent): string | undefined;
  keyOf(entry: E): string;
  project(events: RecordedEvent[], current: Map<string, E>): E[];
}

/**
 * Feeds a view of entries keyed by id: loads the entries a batch touches, applies the batch, and
 * saves the changed entries with the checkpoint. The checkpoint moves on every batch (and past a
 * dead-lettered event), so a reader can tell the view has seen everything up to a position.
 */
export class KeyedViewProjector<E> implements Projector {
  constructor(
    readonly name: string,
    private readonly store: KeyedViewStore<E>,
    private readonly projection: KeyedViewProjection<E>,
  ) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => this.projection.idOf(e)).filter((id): id is string => id !== undefined))];
    const stored = ids.length === 0 ? [] : await this.store.load(ids);
    const entries = this.projection.project(events, new Map(stored.map((e) => [this.projection.keyOf(e), e])));
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

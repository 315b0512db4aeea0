import { RecordedEvent } from '@app/event-store';

/**
 * A read model fed by the event store. `applyBatch` must be idempotent (an event applied twice
 * changes nothing) and must advance the checkpoint together with the writes: in one
 * transaction where the store allows it, otherwise after the writes, each guarded by event id.
 */
export interface Projector {
  readonly name: string;
  applyBatch(events: RecordedEvent[]): Promise<void>;
  /** Last applied position, or undefined when nothing was applied yet. */
  checkpoint(): Promise<bigint | undefined>;
  /**
   * Moves the checkpoint to `position` without applying anything: past an event the view could
   * not apply and dead-lettered. Never moves it backwards.
   */
  advanceTo?(position: bigint): Promise<void>;
  /** Drops everything the projector wrote, checkpoint included (for a rebuild). */
  reset(): Promise<void>;
  /** Around a rebuild: after reset, and once every event was replayed. */
  beforeRebuild?(): Promise<void>;
  afterRebuild?(): Promise<void>;
}

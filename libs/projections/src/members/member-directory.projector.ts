import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { memberKeysOf, projectMembers } from './member-directory.projection';
import { MEMBER_DIRECTORY_PROJECTORS, MemberDirectoryStore } from './member-directory.store';

/**
 * Feeds one roster (MSP or organization members): loads the members a batch touches, applies its
 * roster events, and saves the changed entries with the checkpoint, which moves on every batch.
 */
export class MemberDirectoryProjector implements Projector {
  readonly name: string;

  constructor(private readonly store: MemberDirectoryStore) {
    this.name = MEMBER_DIRECTORY_PROJECTORS[store.kind];
  }

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const keys = memberKeysOf(this.store.kind, events);
    const stored = keys.length === 0 ? [] : await this.store.load(keys);
    const entries = projectMembers(this.store.kind, events, stored);
    await this.store.save({ entries, checkpoint: events[events.length - 1].position });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }
}

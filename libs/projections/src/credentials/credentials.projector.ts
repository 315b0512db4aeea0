import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { credentialIdOf, projectCredentials } from './credentials.projection';
import { CREDENTIALS_PROJECTOR, CredentialsStore } from './credentials.store';

/** Feeds the credential directory: loads the records a batch touches, applies it, saves with the checkpoint. */
export class CredentialsProjector implements Projector {
  readonly name = CREDENTIALS_PROJECTOR;

  constructor(private readonly store: CredentialsStore) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map(credentialIdOf).filter((id): id is string => id !== undefined))];
    const stored = ids.length === 0 ? [] : await this.store.load(ids);
    const records = projectCredentials(events, new Map(stored.map((r) => [r.id, r])));
    await this.store.save({ records, checkpoint: events[events.length - 1].position });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }
}

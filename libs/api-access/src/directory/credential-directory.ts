import { ServiceUnavailableException } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { CredentialEntry, CredentialsStore, waitForPosition } from '@app/projections';
import { CredentialEventWatcher } from './credential-event-watcher';

export interface DirectoryOptions {
  /** A request sees every credential event committed this long before it (see CredentialEventWatcher.current). */
  freshnessMs: number;
  /** How long a lookup waits for the directory to catch up (a key generated a moment ago). */
  catchUpTimeoutMs: number;
}

/**
 * Credentials as of now: the directory's record (a read model, which may lag: its projector may
 * run in another process), corrected by what this process's watcher has read from the event
 * store itself. A revocation the watcher saw wins at once. A record older than the credential's
 * latest event (a rotation not applied yet), or no record at all (a credential created a moment
 * ago, or none), waits, bounded, for the directory to catch up, as the tenant directory does.
 */
export class CredentialDirectory {
  constructor(
    private readonly records: CredentialsStore,
    private readonly events: EventStore,
    private readonly watcher: CredentialEventWatcher,
    private readonly options: DirectoryOptions,
  ) {}

  byId(id: string): Promise<CredentialEntry | undefined> {
    return this.lookUp(() => this.records.get(id));
  }

  byTokenHash(tokenHash: string): Promise<CredentialEntry | undefined> {
    return this.lookUp(() => this.records.findByTokenHash(tokenHash));
  }

  /** Notes a use (not an event: the directory's lastUsedAt, written coarsely by the caller). */
  recordUse(id: string, at: string): Promise<void> {
    return this.records.recordUse(id, at);
  }

  private async lookUp(find: () => Promise<CredentialEntry | undefined>): Promise<CredentialEntry | undefined> {
    await this.watcher.current(this.options.freshnessMs).catch(() => {
      throw new ServiceUnavailableException('Cannot confirm the credential is still valid (the event store is unavailable); try again shortly');
    });
    let record = await find();
    if (record && this.watcher.isRevoked(record.id)) return { ...record, status: 'revoked' };
    const needed = record ? this.watcher.latestChange(record.id) : await this.events.headPosition();
    if (needed === undefined || needed < 0n || (record && record.position >= needed)) return record;
    if (!(await waitForPosition(this.records, needed, this.options.catchUpTimeoutMs))) {
      throw new ServiceUnavailableException('The credential directory has not caught up with the event store yet; try again shortly');
    }
    record = await find();
    return record && this.watcher.isRevoked(record.id) ? { ...record, status: 'revoked' } : record;
  }
}

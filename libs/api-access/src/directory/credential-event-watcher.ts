import { Logger } from '@nestjs/common';
import { EventFilter, EventStore } from '@app/event-store';
import { credentialIdOf } from '@app/projections';

const CREDENTIAL_EVENTS: EventFilter = { eventTypePrefixes: ['MspApiKey', 'ActivityLogToken'] };
const PAGE = 500;
const REVOCATIONS = new Set(['MspApiKeyRevoked', 'ActivityLogTokenRevoked']);

export interface WatcherOptions {
  /** How often the store is read in the background. */
  pollMs: number;
}

/**
 * Reads the credential events of the event store itself, in every API process, so that a
 * revocation or a rotation counts here within moments whether or not (and however late) the
 * credential directory's projector has applied it: that projector may run in the worker, or be
 * stopped. It remembers which credentials were revoked and the position of each credential's
 * latest event; the directory's records say the rest.
 *
 * `current(maxAgeMs)` makes a request wait for a read that started at most that long ago, so the
 * bound holds even when this process's event loop was held up and the background reads lagged.
 */
export class CredentialEventWatcher {
  private readonly logger = new Logger('CredentialEventWatcher');
  private readonly revoked = new Set<string>();
  private readonly latest = new Map<string, bigint>();
  /** Every credential event at or below this position has been seen; undefined before the first read. */
  private scannedTo: bigint | undefined;
  private started = false;
  private lastReadStartedAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly store: EventStore,
    /** Where to start: the directory's checkpoint (everything up to it is in the records already). */
    private readonly startAfter: () => Promise<bigint | undefined>,
    private readonly options: WatcherOptions,
  ) {}

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.read().catch(() => undefined).finally(tick), this.options.pollMs);
      this.timer.unref();
    };
    tick();
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.reading?.catch(() => undefined) ?? Promise.resolve();
  }

  /** Resolves once a read that started at most `maxAgeMs` ago has finished; throws when the event store cannot be read. */
  async current(maxAgeMs: number): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.started && Date.now() - this.lastReadStartedAt <= maxAgeMs) return;
      await this.read();
    }
  }

  isRevoked(credentialId: string): boolean {
    return this.revoked.has(credentialId);
  }

  /** Position of the latest event of the credential this process has seen, if any. */
  latestChange(credentialId: string): bigint | undefined {
    return this.latest.get(credentialId);
  }

  /** One read at a time; callers join the one in flight. */
  private read(): Promise<void> {
    this.reading ??= this.readNew().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readNew(): Promise<void> {
    const startedAt = Date.now();
    try {
      if (!this.started) this.scannedTo = await this.startAfter();
      const head = await this.store.headPosition();
      for (;;) {
        const events = await this.store.readAll({ fromPosition: this.scannedTo, filter: CREDENTIAL_EVENTS, limit: PAGE });
        for (const event of events) this.note(event.type, credentialIdOf(event), event.position);
        if (events.length > 0) this.scannedTo = events[events.length - 1].position;
        if (events.length < PAGE) break;
      }
      if (head >= 0n && (this.scannedTo === undefined || head > this.scannedTo)) this.scannedTo = head;
      this.started = true;
      this.lastReadStartedAt = startedAt;
      if (this.failing) this.logger.log('reading credential events again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot read credential events: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
      throw error;
    }
  }

  private note(type: string, credentialId: string | undefined, position: bigint): void {
    if (!credentialId) return;
    if (REVOCATIONS.has(type)) this.revoked.add(credentialId);
    if ((this.latest.get(credentialId) ?? -1n) < position) this.latest.set(credentialId, position);
  }
}

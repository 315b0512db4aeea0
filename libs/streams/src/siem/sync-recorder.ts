import { SyncOutcome } from './sync-events';

export interface SyncRecorderOptions {
  intervalMs: number;
  now?: () => number;
}

/**
 * Decides when a delivery's outcome becomes an event: when it changes (failing after succeeding, or
 * back), and while it succeeds at most once per interval, with the events sent since the last
 * record; never once per batch. A change inside the interval is deferred to its end (then the latest
 * outcome is recorded), so a flapping SIEM cannot flood the log; parking is recorded at once, since
 * it waits for someone. Records are written one at a time, in order; a failed write is reported and
 * dropped (the status route has the state anyway).
 */
export class SyncRecorder {
  private readonly now: () => number;
  private lastAt: number | undefined;
  private lastKind: SyncOutcome['kind'] | undefined;
  private unrecorded = 0;
  private failure: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (outcome: SyncOutcome) => Promise<void>,
    private readonly options: SyncRecorderOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A batch was delivered; `countable` leaves out sync records themselves. */
  succeeded(countable: number): void {
    this.failure = undefined;
    this.unrecorded += countable;
    this.consider();
  }

  failed(reason: string): void {
    this.failure = reason;
    this.consider();
  }

  parked(reason: string): void {
    this.failure = reason;
    this.record();
  }

  /** Waits for the records in flight; cancels a deferred one. */
  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
  }

  private consider(): void {
    const kind = this.failure === undefined ? 'success' : 'failure';
    const worth = kind === 'failure' ? this.lastKind !== 'failure' : this.unrecorded > 0 || this.lastKind === 'failure';
    if (!worth || this.timer) return;
    const wait = this.lastAt === undefined ? 0 : this.lastAt + this.options.intervalMs - this.now();
    if (wait <= 0) return this.record();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.consider();
    }, wait);
  }

  private record(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const outcome: SyncOutcome = this.failure === undefined ? { kind: 'success', eventsSent: this.unrecorded } : { kind: 'failure', error: this.failure };
    this.lastAt = this.now();
    this.lastKind = outcome.kind;
    if (outcome.kind === 'success') this.unrecorded = 0;
    this.writing = this.writing.then(() => this.write(outcome)).catch(this.onError);
  }
}

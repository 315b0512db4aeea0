import { RecordedEvent } from './event-envelope';
import { Subscription } from './event-store.port';

export interface CatchUpPage {
  events: RecordedEvent[];
  /** Position up to which the store was scanned (filtered-out events included), if any. */
  scannedTo?: bigint;
}

/** What a store offers a polling catch-up subscription. */
export interface CatchUpSource {
  /** Events after `after` (exclusive), in order, a bounded page. */
  readPage(after: bigint | undefined): Promise<CatchUpPage>;
  /** An opaque token taken before a read... */
  changeToken(): number;
  /** ...that makes this resolve as soon as anything was appended since it was taken. */
  waitForChange(token: number): Promise<void>;
}

/**
 * Catch-up then live: reads pages until it reaches the head, then sleeps until the store
 * reports a change. Resumes are exclusive of the starting position.
 */
export class CatchUpSubscription implements Subscription {
  private stopped = false;
  private wakeStopped: (() => void) | undefined;
  private readonly stoppedSignal = new Promise<void>((resolve) => (this.wakeStopped = resolve));

  constructor(
    private readonly source: CatchUpSource,
    private readonly fromPosition: bigint | undefined,
    private readonly onEnd: (subscription: CatchUpSubscription) => void = () => undefined,
  ) {}

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeStopped?.();
    this.onEnd(this);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let cursor = this.fromPosition;
    try {
      while (!this.stopped) {
        const token = this.source.changeToken();
        const { events, scannedTo } = await this.source.readPage(cursor);
        for (const event of events) {
          if (this.stopped) return;
          yield event;
          cursor = event.position;
        }
        if (scannedTo !== undefined && (cursor === undefined || scannedTo > cursor)) cursor = scannedTo;
        if (events.length === 0) await Promise.race([this.source.waitForChange(token), this.stoppedSignal]);
      }
    } finally {
      this.stopped = true;
      this.onEnd(this);
    }
  }
}

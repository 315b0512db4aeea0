import { Metrics } from '../metrics';

/** What trails the event store from a checkpoint: projectors, relays, SIEM pushers. */
export type SubscriberKind = 'projector' | 'relay' | 'siem';

interface Subscriber {
  kind: SubscriberKind;
  /** The last position it applied, or undefined before its first batch. */
  checkpoint: () => Promise<bigint | undefined>;
}

/**
 * `eventstore_head_position` and, per subscriber, `subscription_checkpoint_position` and
 * `subscription_lag_events` (head − checkpoint): read from the stores on each scrape, so they
 * are right whichever process runs the subscriber. A source that fails leaves its series out of
 * that scrape rather than failing the scrape.
 */
export class CheckpointLagMetrics {
  private head: (() => Promise<bigint>) | undefined;
  private readonly subscribers = new Map<string, Subscriber>();

  constructor(metrics: Metrics) {
    const labelNames = ['subscriber', 'kind'] as const;
    // collect() runs with the gauge as `this`: these reach the tracker.
    const readHead = () => this.readHead();
    const readCheckpoints = () => this.readCheckpoints();
    metrics.gauge({
      name: 'eventstore_head_position',
      help: 'Last global position in the event store (-1 when empty)',
      async collect() {
        this.reset();
        const head = await readHead();
        if (head !== undefined) this.set(Number(head));
      },
    });
    metrics.gauge({
      name: 'subscription_checkpoint_position',
      help: 'Last position a subscriber applied (-1 before its first batch)',
      labelNames,
      async collect() {
        this.reset();
        for (const [subscriber, { kind, position }] of await readCheckpoints()) this.set({ subscriber, kind }, Number(position));
      },
    });
    metrics.gauge({
      name: 'subscription_lag_events',
      help: 'Positions a subscriber trails the event store head by (head - checkpoint)',
      labelNames,
      async collect() {
        this.reset();
        const head = await readHead();
        if (head === undefined) return;
        for (const [subscriber, { kind, position }] of await readCheckpoints()) {
          this.set({ subscriber, kind }, Number(head > position ? head - position : 0n));
        }
      },
    });
  }

  /** Where the head comes from: the event store module sets it. */
  setHead(head: () => Promise<bigint>): void {
    this.head = head;
  }

  /** Registers (or replaces) a subscriber by name: the hook projectors, relays and SIEM pushers call. */
  track(name: string, kind: SubscriberKind, checkpoint: () => Promise<bigint | undefined>): void {
    this.subscribers.set(name, { kind, checkpoint });
  }

  untrack(name: string): void {
    this.subscribers.delete(name);
  }

  private async readHead(): Promise<bigint | undefined> {
    return this.head?.().catch(() => undefined);
  }

  private async readCheckpoints(): Promise<Map<string, { kind: SubscriberKind; position: bigint }>> {
    const read = await Promise.all(
      [...this.subscribers].map(async ([name, s]) => {
        const position = await s.checkpoint().then((p) => p ?? -1n, () => undefined);
        return position === undefined ? undefined : ([name, { kind: s.kind, position }] as const);
      }),
    );
    return new Map(read.filter((r) => r !== undefined));
  }
}

import { Logger } from '@nestjs/common';
import { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { CheckpointStore, deliveryCheckpointName, IntegrationEntry, presentForIntegration } from '@app/projections';
import { BackoffPolicy, deliverWithRetry, SiemRecord, SiemSink } from '@app/siem';
import { Reveal, RevealerSource } from '@app/privacy';
import { DeliveryStatusTracker } from './delivery-status-tracker';
import { isSyncEvent } from './sync-events';
import { SyncRecorder } from './sync-recorder';

/** Why a worker ended. */
export type WorkerExit =
  | { kind: 'stopped' }
  /** A setting must change (the reason is in the status); it waits for an edit. */
  | { kind: 'parked'; reason: string }
  /** It met its own disconnection in the stream: everything before it was delivered, nothing after. */
  | { kind: 'disconnected'; at: bigint }
  /** Something of ours failed (event store, read store): the supervisor starts it again later. */
  | { kind: 'failed'; error: string };

export interface DeliveryWorkerOptions {
  batchSize: number;
  backoff: BackoffPolicy;
}

export interface DeliveryWorkerDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  status: DeliveryStatusTracker;
  recorder: SyncRecorder;
  sink: SiemSink;
  /** Reveals each batch's personal values as the owner's view shows them (pseudonyms for erased members). */
  personalData: RevealerSource;
}

const DISCONNECTIONS = new Set(['IntegrationDisconnected', 'SiemIntegrationDisconnected']);
const IDLE = Symbol('idle');
/** Over events of other tenants only, the checkpoint moves at most this often (or once caught up): fewer writes, nothing resent. */
const SKIP_CHECKPOINT_EVERY_MS = 1_000;

/**
 * Delivers one integration's events to its SIEM: a checkpointed catch-up subscription to the whole
 * store from its checkpoint (at first, the set-up), each batch filtered to the integration's scope
 * and presented as its owner sees it, then pushed with retries (backoff, Retry-After) until the sink
 * accepts it or parks. The checkpoint moves only after the sink accepted everything before it, so a
 * SIEM that is down loses nothing: the event store is the buffer, and delivery resumes in order.
 * At least once: a batch cut off by a crash is sent again, with the same event ids.
 */
export class SiemDeliveryWorker {
  private readonly logger: Logger;
  private readonly abort = new AbortController();
  private subscription: Subscription | undefined;
  private readonly checkpointName: string;
  private lastSkipCheckpoint = 0;
  readonly done: Promise<WorkerExit>;

  constructor(
    readonly entry: IntegrationEntry,
    private readonly deps: DeliveryWorkerDeps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.logger = new Logger(`SiemDelivery:${entry.integrationId}`);
    this.checkpointName = deliveryCheckpointName(entry.integrationId);
    this.done = this.run().catch((error: unknown) => ({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }));
  }

  /** Stops between requests (one in flight finishes); resolves with how it ended. */
  async stop(): Promise<WorkerExit> {
    this.abort.abort();
    await this.subscription?.stop();
    return this.done;
  }

  private async run(): Promise<WorkerExit> {
    await this.deps.status.started();
    const from = (await this.deps.checkpoints.get(this.checkpointName)) ?? this.entry.setUpPosition;
    if (this.abort.signal.aborted) return { kind: 'stopped' };
    const subscription = this.deps.store.subscribeToAll({ fromPosition: from });
    this.subscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      let next = iterator.next();
      while (!this.abort.signal.aborted) {
        const first = await next;
        if (first.done) break;
        const batch: RecordedEvent[] = [first.value];
        next = iterator.next();
        while (batch.length < this.options.batchSize) {
          const ready = await Promise.race([next, nextTick()]);
          if (ready === IDLE || ready.done) break;
          batch.push(ready.value);
          next = iterator.next();
        }
        const exit = await this.deliver(batch, batch.length < this.options.batchSize);
        if (exit) return exit;
      }
      return { kind: 'stopped' };
    } finally {
      await subscription.stop();
    }
  }

  /** One batch of the store, up to (not including) this integration's disconnection. */
  private async deliver(batch: RecordedEvent[], caughtUp: boolean): Promise<WorkerExit | undefined> {
    const end = batch.findIndex((e) => e.streamId === this.entry.streamId && DISCONNECTIONS.has(e.type));
    const events = end < 0 ? batch : batch.slice(0, end);
    const { records, bytes, countable } = this.recordsOf(events, await this.deps.personalData.revealerFor(events));
    if (records.length > 0) {
      await this.deps.status.delivering();
      const result = await deliverWithRetry(this.deps.sink, records, {
        policy: this.options.backoff,
        signal: this.abort.signal,
        onRetry: (notice) => {
          void this.deps.status.retrying(notice.reason);
          this.deps.recorder.failed(notice.reason);
        },
      });
      if (result.kind === 'stopped') return { kind: 'stopped' };
      if (result.kind === 'parked') {
        this.logger.warn(`parked: ${result.reason}`);
        await this.deps.status.parked(result.reason);
        this.deps.recorder.parked(result.reason);
        return { kind: 'parked', reason: result.reason };
      }
      await this.deps.checkpoints.advance(this.checkpointName, events[events.length - 1].position);
      await this.deps.status.delivered(records.length, bytes, caughtUp && end < 0);
      this.deps.recorder.succeeded(countable);
    } else if (events.length > 0 && (caughtUp || Date.now() - this.lastSkipCheckpoint >= SKIP_CHECKPOINT_EVERY_MS)) {
      this.lastSkipCheckpoint = Date.now();
      await this.deps.checkpoints.advance(this.checkpointName, events[events.length - 1].position);
      if (caughtUp) await this.deps.status.idle();
    }
    return end < 0 ? undefined : { kind: 'disconnected', at: batch[end].position };
  }

  private recordsOf(events: RecordedEvent[], reveal: Reveal): { records: SiemRecord[]; bytes: number; countable: number } {
    const records: SiemRecord[] = [];
    let bytes = 0;
    let countable = 0;
    for (const event of events) {
      const entry = presentForIntegration(this.entry.owner, event, reveal);
      if (!entry) continue;
      records.push({ eventId: event.id, occurredAt: event.occurredAt, entry: entry as unknown as Record<string, unknown> });
      bytes += Buffer.byteLength(JSON.stringify(entry));
      if (!isSyncEvent(event.type)) countable += 1;
    }
    return { records, bytes, countable };
  }
}

/** Lets already-buffered events join the batch without waiting for new ones. */
function nextTick(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}

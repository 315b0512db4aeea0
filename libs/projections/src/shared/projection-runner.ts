import { Logger } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@app/event-store';
import { applyOrDeadLetter } from '../dead-letters/dead-lettering';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { Projector } from './projector';

export interface RunnerOptions {
  /** Most events applied in one batch (one transaction). */
  batchSize?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Where events the projector cannot apply go, so that it goes on past them (see
   * applyOrDeadLetter). Without it a failing event is retried for as long as it fails.
   */
  deadLetters?: DeadLetterStore;
  /** Tries of one failing event on its own before it is dead-lettered, and the wait between them. */
  deadLetterAttempts?: number;
  deadLetterBackoffMs?: number;
}

const IDLE = Symbol('idle');

/**
 * Runs one projector as a checkpointed catch-up subscription: reads its checkpoint, subscribes
 * after it, applies events in batches (all that are ready, up to batchSize). On a failure it
 * backs off, then resumes from the stored checkpoint, so nothing is lost and, the projector
 * being idempotent, nothing is doubled. With a dead-letter store, an event that fails on its
 * own (and not because an engine is down) is dead-lettered and the projector goes on.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private stopped = false;
  private stopSubscription: (() => Promise<void>) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    readonly projector: Projector,
    private readonly options: RunnerOptions = {},
  ) {
    this.logger = new Logger(`Projector:${projector.name}`);
  }

  start(): void {
    this.stopped = false;
    this.loop ??= this.runWithRetries();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stopSubscription?.();
    await this.loop;
    this.loop = undefined;
  }

  private async runWithRetries(): Promise<void> {
    let backoff = this.options.backoffMs ?? 200;
    while (!this.stopped) {
      try {
        await this.runOnce(() => (backoff = this.options.backoffMs ?? 200));
      } catch (error) {
        if (this.stopped) break;
        this.logger.error(`failed, retrying in ${backoff} ms: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }

  private apply(batch: RecordedEvent[]): Promise<void> {
    const { deadLetters, deadLetterAttempts, deadLetterBackoffMs } = this.options;
    if (!deadLetters) return this.projector.applyBatch(batch);
    return applyOrDeadLetter(this.projector, batch, {
      deadLetters, attempts: deadLetterAttempts, backoffMs: deadLetterBackoffMs, logger: this.logger,
    });
  }

  private async runOnce(onProgress: () => void): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: await this.projector.checkpoint() });
    this.stopSubscription = () => subscription.stop();
    const iterator = subscription[Symbol.asyncIterator]();
    const batchSize = this.options.batchSize ?? 500;
    try {
      let next = iterator.next();
      while (!this.stopped) {
        const first = await next;
        if (first.done) return;
        const batch: RecordedEvent[] = [first.value];
        next = iterator.next();
        while (batch.length < batchSize) {
          const ready = await Promise.race([next, nextTick()]);
          if (ready === IDLE || ready.done) break;
          batch.push(ready.value);
          next = iterator.next();
        }
        await this.apply(batch);
        onProgress();
      }
    } finally {
      await subscription.stop();
    }
  }
}

/** Lets already-buffered events join the batch without waiting for new ones. */
function nextTick(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}

import { AppendMetrics } from '@app/metrics';
import { NewEvent, RecordedEvent } from '../event-envelope';
import { WrongExpectedRevisionError } from '../event-store.errors';
import {
  AppendResult, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription,
} from '../event-store.port';

/** Wraps any adapter so that every append is counted and timed (see AppendMetrics); reads pass through. */
export class MeteredEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: AppendMetrics,
  ) {}

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.metrics.observe(() => this.inner.append(streamId, events, expected), events.length, (error) =>
      error instanceof WrongExpectedRevisionError ? 'conflict' : 'error',
    );
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

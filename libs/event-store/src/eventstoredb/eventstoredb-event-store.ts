import {
  AllStreamResolvedEvent, AllStreamSubscription, BACKWARDS, DeadlineExceededError, END, EventStoreDBClient, FORWARDS,
  ReadPosition, ResolvedEvent, START, StreamNotFoundError, StreamingRead, UnavailableError, WrongExpectedVersionError,
  convertToCommandError,
} from '@eventstore/db-client';
import { NewEvent, RecordedEvent } from '../event-envelope';
import {
  AppendResult, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription,
} from '../event-store.port';
import {
  EventStoreClosedError, EventStoreError, EventStoreUnavailableError, WrongExpectedRevisionError,
} from '../event-store.errors';
import { assertExpectedRevision, limitOf, prepareEvents } from '../input-validation';
import {
  matchesFilter, positionOf, redactConnectionString, toActualRevision, toClientFilter, toClientPosition,
  toEventData, toRecordedEvent,
} from './eventstoredb-mapping';

type ClientRead = StreamingRead<ResolvedEvent | AllStreamResolvedEvent>;

/** The event store on an EventStoreDB server (gRPC client v6), chosen when EVENTSTORE_URL is set. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;

  constructor(private readonly connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    assertExpectedRevision(expected);
    const prepared = prepareEvents(streamId, events);
    const occurredAt = new Date().toISOString();
    const data = prepared.map((event) => toEventData(event, occurredAt));
    const result = await this.client.appendToStream(streamId, data, { expectedRevision: expected }).catch((error) => {
      const failure = this.translate(error);
      if (!(failure instanceof WrongExpectedVersionError)) throw failure;
      throw new WrongExpectedRevisionError(streamId, expected, toActualRevision(failure.actualVersion));
    });
    const nextExpectedRevision = BigInt(result.nextExpectedRevision);
    const position = await this.positionOfRevision(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position, eventIds: prepared.map((event) => event.id) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = limitOf(options.limit);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    if (limit === 0 || (backwards && from !== undefined && from < 0n)) return [];
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === undefined || from < 0n ? (backwards ? END : START) : from,
      maxCount: limit < 0 ? undefined : limit,
    });
    return this.collect(read, limit).catch((error) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
  }

  /**
   * Client v6 cannot filter reads of `$all` on the server (only subscriptions), so this scans
   * `$all` and filters here; `fromPosition` bounds the scan, and it stops once `limit` match.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = limitOf(options.limit);
    const backwards = options.direction === 'backwards';
    const after = options.fromPosition;
    if (limit === 0 || (backwards && after !== undefined && after <= 0n)) return [];
    // ESDB may include the event at `fromPosition`; ours is exclusive.
    const beyond = (position: bigint) => after === undefined || (backwards ? position < after : position > after);
    const read = this.client.readAll({
      direction: backwards ? BACKWARDS : FORWARDS,
      fromPosition: startOf(after, backwards),
    });
    return this.collect(read, limit, (event) => beyond(event.position) && matchesFilter(event, options.filter));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const after = options.fromPosition;
    const source = this.client.subscribeToAll({
      fromPosition: startOf(after, false),
      filter: toClientFilter(options.filter),
    });
    const subscription = new EventStoreDbSubscription(
      source,
      (event) => (after === undefined || event.position > after) && matchesFilter(event, options.filter),
      (error) => this.translate(error),
      (ended) => this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const [last] = await this.readAll({ direction: 'backwards', limit: 1 });
    return last?.position ?? -1n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * The append result carries a position, but nothing promises it is the one the last event is
   * read back with (the server calls it "not technically correct"), so read that event back.
   */
  private async positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    const read = this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: revision, maxCount: 1 });
    try {
      for await (const resolved of read) return positionOf(resolved);
    } catch (error) {
      throw this.translate(error);
    }
    throw new EventStoreError(`Event ${revision} of stream '${streamId}' was written but cannot be read back`);
  }

  /** Maps a read to our events, keeping those `keep` accepts, and ends it once `limit` (-1: none) are kept. */
  private async collect(
    read: ClientRead,
    limit: number,
    keep: (event: RecordedEvent) => boolean = () => true,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event && keep(event)) events.push(event);
        if (events.length === limit) {
          await read.cancel();
          break;
        }
      }
    } catch (error) {
      throw this.translate(error);
    }
    return events;
  }

  /** Our error for a client one; some reach us as raw gRPC errors, so convert those first. */
  private translate(error: unknown): unknown {
    if (this.closed) return new EventStoreClosedError();
    if (!(error instanceof Error)) return error;
    const failure = convertToCommandError(error);
    const unreachable = failure instanceof UnavailableError || failure instanceof DeadlineExceededError;
    if (unreachable || failure.message.startsWith('Failed to discover')) {
      const where = redactConnectionString(this.connectionString);
      return new EventStoreUnavailableError(`EventStoreDB at ${where} is unavailable: ${failure.message}`);
    }
    return failure;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

/** Where a read or subscription of `$all` starts for an exclusive `after` position. */
function startOf(after: bigint | undefined, backwards: boolean): ReadPosition {
  if (after === undefined) return backwards ? END : START;
  return after < 0n ? START : toClientPosition(after);
}

const STOPPED = Symbol('stopped');

/** ESDB's catch-up subscription as ours: a pending `next()` resolves `done` when stopped. */
class EventStoreDbSubscription implements Subscription {
  private stopped = false;
  private wake: () => void = () => undefined;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly keep: (event: RecordedEvent) => boolean,
    private readonly translate: (error: unknown) => unknown,
    private readonly onEnd: (subscription: EventStoreDbSubscription) => void,
  ) {
    // The iterator reports errors; this keeps one raised before iteration starts from crashing the process.
    source.on('error', () => undefined);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake();
    this.onEnd(this);
    await this.source.unsubscribe().catch(() => undefined);
    this.source.destroy();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const resolved = this.source[Symbol.asyncIterator]();
    try {
      while (!this.stopped) {
        const next = await this.nextOrStopped(resolved);
        if (next === STOPPED || next.done) return;
        const event = toRecordedEvent(next.value);
        if (event && this.keep(event)) yield event;
      }
    } catch (error) {
      if (!this.stopped) throw this.translate(error);
    } finally {
      await this.stop();
    }
  }

  /** The client's stream does not end on unsubscribe, so a wait for the next event must also end on stop. */
  private nextOrStopped(
    resolved: AsyncIterator<AllStreamResolvedEvent>,
  ): Promise<IteratorResult<AllStreamResolvedEvent> | typeof STOPPED> {
    return new Promise((resolve, reject) => {
      this.wake = () => resolve(STOPPED);
      resolved.next().then(resolve, reject);
    });
  }
}

import { NewEvent, RecordedEvent } from './event-envelope';

/** Token to inject the event store in NestJS modules. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * What the writer expects of the stream before its append:
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: it must exist;
 * - `any`: no check;
 * - a bigint: the stream's current (last) revision must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendResult {
  /** The revision of the last event written: the expectation for the next append. */
  nextExpectedRevision: bigint;
  /** The global position of the last event written. */
  position: bigint;
  /** Ids of the events written, in order. */
  eventIds: string[];
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive starting revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  limit?: number;
}

/** Server-side filter on `$all`: by event-type prefix or by stream-id prefix. */
export type EventFilter =
  | { eventTypePrefixes: string[]; streamPrefixes?: never }
  | { streamPrefixes: string[]; eventTypePrefixes?: never };

export interface ReadAllOptions {
  direction?: Direction;
  /**
   * Exclusive: forwards reads events after this position, backwards reads events
   * before it. Absent: from the start (forwards) or the end (backwards).
   */
  fromPosition?: bigint;
  limit?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the subscription yields events after it. Absent: from the start. */
  fromPosition?: bigint;
  filter?: EventFilter;
}

/** A catch-up subscription: replays history, then goes on live until stopped. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration: a pending `next()` resolves with `done`. Idempotent. */
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Last global position in the store, or -1n when it is empty. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

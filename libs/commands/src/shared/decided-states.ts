import { LRUCache } from 'lru-cache';
import { Decider, DomainEvent } from '@app/domain';
import { EventStore, RecordedEvent } from '@app/event-store';

/** DI token (optional): how many streams' states the executor keeps; 0 turns the cache off. */
export const STATE_CACHE_STREAMS = Symbol('STATE_CACHE_STREAMS');

/**
 * How long a folded state is kept: as long as a process trusts a data key it read (DataKeys' TTL),
 * so a state holding an erased member's revealed values never outlives what the key cache allows
 * for a process that missed the erasure elsewhere. An erasure here clears the cache at once.
 */
const STATE_TTL_MS = 60_000;

/** A stream's state as a decider folded it, and the revision of the last event folded (undefined: no stream yet). */
export interface DecidedState<S> {
  state: S;
  revision: bigint | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one cache serves every decider
type AnyDecider = Decider<any, any, any>;

interface Entry {
  decider: AnyDecider;
  state: unknown;
  revision: bigint;
}

/**
 * Folded states of recently used streams, so a command costs the same on a stream of 10,000
 * events as on a new one. The cache is only a shortcut for reading: `load` always asks the store
 * for the events after the cached revision (one indexed read, usually empty) and folds them in,
 * so it is as fresh as a full read, whatever other processes wrote. The decision is then appended
 * with `expected = revision`, which the store checks as before: a state older than the stream
 * loses that check and the executor drops the entry and retries. Entries are written only from
 * events the store returned or acknowledged, never from a guess. Deciders are pure (their evolve
 * returns a new state), so a cached state is never changed in place.
 */
export class DecidedStates {
  /** Undefined when caching is off (`maxStreams` 0): every load reads the whole stream, as before the cache. */
  private readonly entries?: LRUCache<string, Entry>;

  constructor(
    private readonly store: EventStore,
    /** What the deciders fold: the executor's (personal values revealed, expired payloads left out). */
    private readonly domainEvents: (events: readonly RecordedEvent[]) => Promise<DomainEvent[]> = async (events) => events.map(toDomainEvent),
    maxStreams = 10_000,
  ) {
    if (maxStreams > 0) this.entries = new LRUCache({ max: maxStreams, ttl: STATE_TTL_MS });
  }

  /** The stream's current state: the cached one plus the events after it, or a full read. */
  async load<S>(decider: Decider<unknown, DomainEvent, S>, streamId: string): Promise<DecidedState<S>> {
    const cached = this.entries?.get(streamId);
    const base = cached?.decider === decider ? cached : undefined;
    const from = base ? base.revision + 1n : 0n;
    const tail = await this.store.readStream(streamId, { fromRevision: from });
    if (tail.length > 0 && tail[0].revision !== from) {
      // Not the continuation of what was cached (cannot happen on an append-only store): read it all.
      this.entries?.delete(streamId);
      return this.load(decider, streamId);
    }
    const state = (await this.domainEvents(tail)).reduce((s, e) => decider.evolve(s, e), (base?.state as S | undefined) ?? decider.initialState);
    const revision = tail.length > 0 ? tail[tail.length - 1].revision : base?.revision;
    if (revision !== undefined && tail.length > 0) this.entries?.set(streamId, { decider, state, revision });
    return { state, revision };
  }

  /** After the store acknowledged `events` as the stream's revisions up to `revision`, on top of `before`. */
  remember<S>(decider: Decider<unknown, DomainEvent, S>, streamId: string, before: S, events: readonly DomainEvent[], revision: bigint): void {
    this.entries?.set(streamId, { decider, state: events.reduce((s, e) => decider.evolve(s, e), before), revision });
  }

  /** Forgets every stream (after an erasure: any state may hold the member's revealed values). */
  clear(): void {
    this.entries?.clear();
  }

  /** Forgets a stream (its cached state lost an expected-revision check, or is in doubt). */
  forget(streamId: string): void {
    this.entries?.delete(streamId);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data };
}

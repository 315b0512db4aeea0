import { ExpectedRevision } from './event-store.port';

/** Base class of every error the event store port throws on purpose. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function describeExpectation(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected.replace('_', ' ');
}

/** The stream is not in the state the writer expected: someone else wrote first, or it (does not) exist. */
export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `Conflict on stream '${streamId}': expected ${describeExpectation(expected)}, ` +
        `but the stream ${actual === undefined ? 'does not exist' : `is at revision ${actual}`}`,
    );
  }
}

export class EventStoreClosedError extends EventStoreError {
  constructor() {
    super('The event store is closed');
  }
}

export class InvalidArgumentError extends EventStoreError {}

export class EventStoreUnavailableError extends EventStoreError {}

/** An event with this id is already stored: event ids are unique across the store. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(readonly eventId: string) {
    super(`An event with id ${eventId} is already stored`);
  }
}

import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { NewEvent } from './event-envelope';
import { ExpectedRevision } from './event-store.port';
import { InvalidArgumentError } from './event-store.errors';

/** A NewEvent with its id and schema version settled, ready for any adapter to write. */
export type PreparedEvent = Required<Pick<NewEvent, 'id' | 'schemaVersion'>> & NewEvent;

/** Validates an append and fills in ids (UUID v7) and schema versions. Throws before anything is written. */
export function prepareEvents(streamId: string, events: NewEvent[]): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidArgumentError('streamId must be a non-empty string');
  }
  if (streamId.startsWith('$')) {
    throw new InvalidArgumentError(`streamId '${streamId}' is reserved: it must not start with '$'`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidArgumentError(`append to '${streamId}' needs at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const prepared = prepareOne(event, index);
    if (seen.has(prepared.id)) throw new InvalidArgumentError(`events[${index}].id ${prepared.id} appears twice`);
    seen.add(prepared.id);
    return prepared;
  });
}

function prepareOne(event: NewEvent, index: number): PreparedEvent {
  const where = `events[${index}]`;
  if (!event.type || typeof event.type !== 'string' || event.type.startsWith('$')) {
    throw new InvalidArgumentError(`${where}.type must be a non-empty string not starting with '$'`);
  }
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidArgumentError(`${where}.schemaVersion must be a positive integer`);
  }
  const id = event.id ?? uuidv7();
  if (!isUuid(id)) throw new InvalidArgumentError(`${where}.id must be a UUID`);
  if (event.data === null || typeof event.data !== 'object') {
    throw new InvalidArgumentError(`${where}.data must be an object`);
  }
  if (!event.metadata || typeof event.metadata !== 'object') {
    throw new InvalidArgumentError(`${where}.metadata must be an object`);
  }
  return { ...event, id: id.toLowerCase(), schemaVersion };
}

export function assertExpectedRevision(expected: ExpectedRevision): void {
  const named = expected === 'any' || expected === 'no_stream' || expected === 'stream_exists';
  if (!named && !(typeof expected === 'bigint' && expected >= 0n)) {
    throw new InvalidArgumentError(`expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0`);
  }
}

/** A read limit as SQLite wants it: -1 for none. */
export function limitOf(limit: number | undefined): number {
  if (limit === undefined) return -1;
  if (!Number.isInteger(limit) || limit < 0) throw new InvalidArgumentError('limit must be a non-negative integer');
  return limit;
}

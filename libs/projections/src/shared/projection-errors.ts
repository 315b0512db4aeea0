import { EventStoreClosedError, EventStoreUnavailableError } from '@app/event-store';
import { isMongoUnavailable } from '@app/mongo';

/**
 * An event a view cannot take as it is (its envelope names no actor or tenant the view can
 * trust, or its data breaks a rule the view depends on). Deterministic: applying it again
 * fails again, so it is dead-lettered without retries.
 */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/** SQLite result codes of a store that cannot work right now (busy, full, I/O), not of a bad row. */
const TRANSIENT_SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM|INTERRUPT|PROTOCOL)/;

/**
 * A failure of an engine rather than of an event: the read store or the event store is down,
 * unreachable, busy or full. Retried from the checkpoint, never dead-lettered.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError || error instanceof EventStoreClosedError) return true;
  if (isMongoUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_SQLITE_CODES.test(code)) return true;
  // better-sqlite3 on a closed handle: the process is shutting down or the file went away.
  return /database connection is not open/.test(String((error as { message?: unknown } | null)?.message));
}

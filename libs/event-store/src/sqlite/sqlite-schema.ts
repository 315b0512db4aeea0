import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Durability: WAL journal with synchronous=FULL. In WAL mode FULL fsyncs the log on every
 * commit, so a transaction that returned is on disk even after power loss; NORMAL would only
 * survive a process crash. Group commit (see SqliteAppendBatcher) pays that fsync once per
 * batch of appends instead of once per append, which is where the throughput comes from.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'EXTRA' | 'OFF';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  synchronous?: SqliteSynchronous;
  /** How often a subscriber checks for commits made by other processes. */
  pollIntervalMs?: number;
  /** Most appends coalesced into one transaction. */
  maxBatchSize?: number;
  /** The Merkle log written in each append transaction (on unless false: only benchmarks turn it off). */
  integrity?: boolean;
  /** What stamps `occurredAt` (tests move it instead of waiting); the system clock by default. */
  clock?: () => Date;
}

export function openEventDatabase(options: SqliteEventStoreOptions): Database.Database {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position       INTEGER PRIMARY KEY AUTOINCREMENT,
      id             TEXT    NOT NULL UNIQUE,
      stream_id      TEXT    NOT NULL,
      revision       INTEGER NOT NULL,
      type           TEXT    NOT NULL,
      schema_version INTEGER NOT NULL,
      occurred_at    TEXT    NOT NULL,
      data           TEXT    NOT NULL,
      metadata       TEXT    NOT NULL,
      UNIQUE (stream_id, revision)
    );
  `);
  return db;
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BeginOutcome, IDEMPOTENCY_KEY_RETENTION_MS, IDEMPOTENCY_PURGE_EVERY, IdempotencyStore, IdempotencyStoreOptions,
} from './idempotency.store';

/** Idempotency keys in a local SQLite file: enough for one API process. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private calls = 0;

  constructor(file: string, options: IdempotencyStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.now = options.now ?? Date.now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status INTEGER, body TEXT, created_at INTEGER NOT NULL,
      PRIMARY KEY (scope, key)) WITHOUT ROWID`);
  }

  async begin(scope: string, key: string, fingerprint: string): Promise<BeginOutcome> {
    if (++this.calls % IDEMPOTENCY_PURGE_EVERY === 0) await this.purgeExpired();
    const inserted = this.db
      .prepare('INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)')
      .run(scope, key, fingerprint, this.now());
    if (inserted.changes === 1) return { kind: 'started' };
    const row = this.db
      .prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as { fingerprint: string; status: number | null; body: string | null };
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.status === null) return { kind: 'in_progress' };
    return { kind: 'replay', status: row.status, body: JSON.parse(row.body ?? 'null') };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    this.db
      .prepare('UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?')
      .run(status, JSON.stringify(body ?? null), scope, key);
  }

  async abandon(scope: string, key: string): Promise<void> {
    this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?').run(scope, key);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Forgets keys older than the retention. */
  async purgeExpired(): Promise<void> {
    this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(this.now() - IDEMPOTENCY_KEY_RETENTION_MS);
  }
}

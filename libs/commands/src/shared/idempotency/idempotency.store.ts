import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type BeginOutcome =
  | { kind: 'started' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

const RETENTION_MS = 24 * 60 * 60 * 1000;

/** Remembers, per principal and Idempotency-Key, the request's fingerprint and its first answer. */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private calls = 0;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status INTEGER, body TEXT, created_at INTEGER NOT NULL,
      PRIMARY KEY (scope, key)) WITHOUT ROWID`);
  }

  begin(scope: string, key: string, fingerprint: string): BeginOutcome {
    if (++this.calls % 1000 === 0) this.purge();
    const inserted = this.db
      .prepare('INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)')
      .run(scope, key, fingerprint, Date.now());
    if (inserted.changes === 1) return { kind: 'started' };
    const row = this.db
      .prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as { fingerprint: string; status: number | null; body: string | null };
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.status === null) return { kind: 'in_progress' };
    return { kind: 'replay', status: row.status, body: JSON.parse(row.body ?? 'null') };
  }

  complete(scope: string, key: string, status: number, body: unknown): void {
    this.db
      .prepare('UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?')
      .run(status, JSON.stringify(body ?? null), scope, key);
  }

  /** Forgets a key whose request failed in a way worth retrying (5xx). */
  abandon(scope: string, key: string): void {
    this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?').run(scope, key);
  }

  close(): void {
    this.db.close();
  }

  private purge(): void {
    this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(Date.now() - RETENTION_MS);
  }
}

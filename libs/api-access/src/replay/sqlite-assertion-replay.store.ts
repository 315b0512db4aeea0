import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AssertionReplayStore, REPLAY_PURGE_EVERY, ReplayStoreOptions } from './assertion-replay.store';

/** Assertion ids in a SQLite file that every API process on the same DATA_DIR opens. */
export class SqliteAssertionReplayStore implements AssertionReplayStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly purge: Database.Statement;
  private readonly now: () => number;
  private claims = 0;

  constructor(file: string, options: ReplayStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.now = options.now ?? Date.now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS assertion_ids (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID');
    // A remembered id that has expired may be taken again (its assertion is refused as expired first anyway).
    this.insert = this.db.prepare(`INSERT INTO assertion_ids (id, expires_at) VALUES (?, ?)
      ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE assertion_ids.expires_at <= ?`);
    this.purge = this.db.prepare('DELETE FROM assertion_ids WHERE expires_at <= ?');
  }

  async claim(id: string, expiresAt: number): Promise<boolean> {
    const now = this.now();
    if (++this.claims % REPLAY_PURGE_EVERY === 0) this.purge.run(now);
    return this.insert.run(id, expiresAt, now).changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

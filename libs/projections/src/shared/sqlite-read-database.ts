import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** DI token for the embedded read database (one SQLite file for every view and checkpoint). */
export const READ_DATABASE = Symbol('READ_DATABASE');

/**
 * The embedded read store: one SQLite file for every view, so a view's rows and its
 * checkpoint commit in the same transaction. Views are derived data (rebuildable from the
 * event store), so synchronous=NORMAL is enough: a power cut can only lose the tail, which
 * the projector re-applies from its checkpoint.
 */
export function openReadDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (projector TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID`);
  return db;
}

export class SqliteCheckpoints {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    this.read = db.prepare('SELECT position FROM checkpoints WHERE projector = ?').safeIntegers(true);
    this.write = db.prepare(
      'INSERT INTO checkpoints (projector, position) VALUES (?, ?) ON CONFLICT (projector) DO UPDATE SET position = max(position, excluded.position)',
    );
    this.remove = db.prepare('DELETE FROM checkpoints WHERE projector = ?');
  }

  get(projector: string): bigint | undefined {
    return (this.read.get(projector) as { position: bigint } | undefined)?.position;
  }

  /** Never moves backwards, so a replayed older batch cannot rewind the checkpoint. */
  advance(projector: string, position: bigint): void {
    this.write.run(projector, position);
  }

  clear(projector: string): void {
    this.remove.run(projector);
  }
}

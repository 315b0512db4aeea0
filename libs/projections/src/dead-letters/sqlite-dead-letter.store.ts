import Database from 'better-sqlite3';
import { cutErrorMessage, DeadLetter, DeadLetterStore } from './dead-letter.store';

interface Row {
  projector: string; position: bigint; event_id: string; event_type: string; error: string; failed_at: string; attempts: bigint;
}

/** Dead letters in the embedded read database, beside the views. */
export class SqliteDeadLetterStore implements DeadLetterStore {
  private readonly upsert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS dead_letters (
      projector TEXT NOT NULL, event_id TEXT NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL,
      error TEXT NOT NULL, failed_at TEXT NOT NULL, attempts INTEGER NOT NULL,
      PRIMARY KEY (projector, event_id)) WITHOUT ROWID`);
    this.upsert = db.prepare(`INSERT INTO dead_letters (projector, event_id, position, event_type, error, failed_at, attempts)
      VALUES (@projector, @eventId, @position, @eventType, @error, @failedAt, @attempts)
      ON CONFLICT (projector, event_id) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at, attempts = excluded.attempts`);
  }

  async record(letter: DeadLetter): Promise<void> {
    this.upsert.run({ ...letter, error: cutErrorMessage(letter.error) });
  }

  async list(query: { projector?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const where = query.projector === undefined ? '' : 'WHERE projector = @projector';
    const rows = this.db
      .prepare(`SELECT * FROM dead_letters ${where} ORDER BY projector, position LIMIT @limit`)
      .safeIntegers(true)
      .all({ projector: query.projector, limit: query.limit ?? -1 }) as Row[];
    return rows.map((r) => ({
      projector: r.projector, position: r.position, eventId: r.event_id, eventType: r.event_type,
      error: r.error, failedAt: r.failed_at, attempts: Number(r.attempts),
    }));
  }

  async counts(): Promise<Record<string, number>> {
    const rows = this.db.prepare('SELECT projector, count(*) AS n FROM dead_letters GROUP BY projector').all() as { projector: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.projector, r.n]));
  }

  async remove(projector: string, eventId: string): Promise<void> {
    this.db.prepare('DELETE FROM dead_letters WHERE projector = ? AND event_id = ?').run(projector, eventId);
  }

  async clear(projector: string): Promise<void> {
    this.db.prepare('DELETE FROM dead_letters WHERE projector = ?').run(projector);
  }
}

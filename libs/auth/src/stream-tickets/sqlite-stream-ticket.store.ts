import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StreamTicketRecord, StreamTicketStore } from './stream-ticket.store';

interface TicketRow {
  hash: string;
  principal: string;
  target: string;
  expires_at: number;
  credential_expires_at: number | null;
}

/** Stream tickets in a SQLite file in DATA_DIR: every API process on that directory shares them. */
export class SqliteStreamTicketStore implements StreamTicketStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly purge: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS stream_tickets (
      hash TEXT PRIMARY KEY, principal TEXT NOT NULL, target TEXT NOT NULL,
      expires_at INTEGER NOT NULL, credential_expires_at INTEGER) WITHOUT ROWID`);
    this.insert = this.db.prepare('INSERT INTO stream_tickets VALUES (?, ?, ?, ?, ?)');
    // One statement: of two processes taking the same ticket, only one gets the row back.
    this.remove = this.db.prepare('DELETE FROM stream_tickets WHERE hash = ? RETURNING *');
    this.purge = this.db.prepare('DELETE FROM stream_tickets WHERE expires_at < ?');
  }

  async put(record: StreamTicketRecord): Promise<void> {
    const { hash, principal, target, expiresAt, credentialExpiresAt } = record;
    this.insert.run(hash, JSON.stringify(principal), target, expiresAt, credentialExpiresAt ?? null);
  }

  async take(hash: string): Promise<StreamTicketRecord | undefined> {
    const row = this.remove.get(hash) as TicketRow | undefined;
    if (!row) return undefined;
    return {
      hash: row.hash,
      principal: JSON.parse(row.principal),
      target: row.target,
      expiresAt: row.expires_at,
      ...(row.credential_expires_at !== null && { credentialExpiresAt: row.credential_expires_at }),
    };
  }

  async purgeExpired(now: number): Promise<number> {
    return this.purge.run(now).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

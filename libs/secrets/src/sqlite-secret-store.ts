import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { SecretPosition, SecretStore, StoredSecret } from './secret-store.port';

interface Row {
  owner_id: string;
  version: string;
  sealed: string;
  created_at: string;
}

/**
 * Sealed secrets in their own SQLite file (DATA_DIR/secrets.sqlite), not in the read database:
 * views are rebuilt from events, secrets cannot be. The file is readable by its owner only, and
 * written with synchronous=FULL like the event store (a secret is source data).
 */
export class SqliteSecretStore implements SecretStore {
  private readonly db: Database.Database;
  private readonly statements: Record<'put' | 'get' | 'versions' | 'replace' | 'first' | 'after', Database.Statement>;

  constructor(file: string) {
    if (file !== ':memory:') createPrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS secrets (
      owner_id TEXT NOT NULL, version TEXT NOT NULL, sealed TEXT NOT NULL, created_at TEXT NOT NULL,
      PRIMARY KEY (owner_id, version)) WITHOUT ROWID`);
    this.statements = {
      put: this.db.prepare('INSERT OR IGNORE INTO secrets VALUES (@ownerId, @version, @sealed, @createdAt)'),
      get: this.db.prepare('SELECT * FROM secrets WHERE owner_id = ? AND version = ?'),
      versions: this.db.prepare('SELECT * FROM secrets WHERE owner_id = ? ORDER BY created_at, version'),
      replace: this.db.prepare('UPDATE secrets SET sealed = ? WHERE owner_id = ? AND version = ?'),
      first: this.db.prepare('SELECT * FROM secrets ORDER BY owner_id, version LIMIT ?'),
      after: this.db.prepare('SELECT * FROM secrets WHERE (owner_id, version) > (?, ?) ORDER BY owner_id, version LIMIT ?'),
    };
  }

  async put(secret: StoredSecret): Promise<void> {
    this.statements.put.run(secret);
  }

  async get(ownerId: string, version: string): Promise<StoredSecret | undefined> {
    const row = this.statements.get.get(ownerId, version) as Row | undefined;
    return row && fromRow(row);
  }

  async versions(ownerId: string): Promise<StoredSecret[]> {
    return (this.statements.versions.all(ownerId) as Row[]).map(fromRow);
  }

  async replace({ ownerId, version }: SecretPosition, sealed: string): Promise<void> {
    this.statements.replace.run(sealed, ownerId, version);
  }

  async delete(ownerId: string, versions: readonly string[]): Promise<number> {
    if (versions.length === 0) return 0;
    const marks = versions.map(() => '?').join(', ');
    return this.db.prepare(`DELETE FROM secrets WHERE owner_id = ? AND version IN (${marks})`).run(ownerId, ...versions).changes;
  }

  async page(after: SecretPosition | undefined, limit: number): Promise<StoredSecret[]> {
    const rows = after ? this.statements.after.all(after.ownerId, after.version, limit) : this.statements.first.all(limit);
    return (rows as Row[]).map(fromRow);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Creates the file (and its directory) for its owner only before SQLite opens it; WAL files follow its mode. */
function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

function fromRow(row: Row): StoredSecret {
  return { ownerId: row.owner_id, version: row.version, sealed: row.sealed, createdAt: row.created_at };
}

import Database from 'better-sqlite3';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import {
  MEMBER_DIRECTORY_PROJECTORS, MemberDirectoryBatch, MemberDirectoryStore, MemberEntry, MemberKey, MemberListQuery, RosterKind,
} from './member-directory.store';

const TABLES: Record<RosterKind, string> = { msp: 'msp_members', org: 'org_members' };

const schema = (table: string) => `
  CREATE TABLE IF NOT EXISTS ${table} (
    tenant_id TEXT NOT NULL, member_id TEXT NOT NULL, email TEXT NOT NULL, email_lc TEXT NOT NULL, name TEXT,
    role TEXT NOT NULL, status TEXT NOT NULL, since TEXT NOT NULL, updated_at TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ${table}_by_email ON ${table} (tenant_id, email_lc, member_id);
`;

interface MemberRow {
  tenant_id: string; member_id: string; email: string; name: string | null; role: string; status: string;
  since: string; updated_at: string; position: bigint;
}

/** A roster in the embedded read database: a batch and its checkpoint commit together. */
export class SqliteMemberDirectoryStore implements MemberDirectoryStore {
  private readonly table: string;
  private readonly projector: string;
  private readonly checkpoints: SqliteCheckpoints;
  private readonly getOne: Database.Statement;
  private readonly listFirst: Database.Statement;
  private readonly listAfter: Database.Statement;
  private readonly writeBatch: (batch: MemberDirectoryBatch) => void;

  constructor(private readonly db: Database.Database, readonly kind: RosterKind) {
    this.table = TABLES[kind];
    this.projector = MEMBER_DIRECTORY_PROJECTORS[kind];
    db.exec(schema(this.table));
    this.checkpoints = new SqliteCheckpoints(db);
    const t = this.table;
    this.getOne = db.prepare(`SELECT * FROM ${t} WHERE tenant_id = ? AND member_id = ?`).safeIntegers(true);
    this.listFirst = db.prepare(`SELECT * FROM ${t} WHERE tenant_id = ? ORDER BY email_lc, member_id LIMIT ?`).safeIntegers(true);
    this.listAfter = db
      .prepare(`SELECT * FROM ${t} WHERE tenant_id = ? AND (email_lc, member_id) > (?, ?) ORDER BY email_lc, member_id LIMIT ?`)
      .safeIntegers(true);
    const upsert = db.prepare(`INSERT INTO ${t}
      VALUES (@tenantId, @memberId, @email, @emailLc, @name, @role, @status, @since, @updatedAt, @position)
      ON CONFLICT (tenant_id, member_id) DO UPDATE SET email = excluded.email, email_lc = excluded.email_lc, name = excluded.name,
        role = excluded.role, status = excluded.status, since = excluded.since, updated_at = excluded.updated_at, position = excluded.position
      WHERE excluded.position > ${t}.position`);
    this.writeBatch = db.transaction((batch: MemberDirectoryBatch) => {
      for (const entry of batch.entries) upsert.run({ ...entry, emailLc: entry.email.toLowerCase() });
      this.checkpoints.advance(this.projector, batch.checkpoint);
    });
  }

  async load(keys: readonly MemberKey[]): Promise<MemberEntry[]> {
    return keys
      .map((k) => this.getOne.get(k.tenantId, k.memberId) as MemberRow | undefined)
      .filter((r): r is MemberRow => !!r)
      .map(fromRow);
  }

  async save(batch: MemberDirectoryBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async list({ tenantId, after, limit }: MemberListQuery): Promise<MemberEntry[]> {
    const rows = after ? this.listAfter.all(tenantId, after.email.toLowerCase(), after.memberId, limit) : this.listFirst.all(tenantId, limit);
    return (rows as MemberRow[]).map(fromRow);
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(this.projector);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM ${this.table}`);
      this.checkpoints.clear(this.projector);
    })();
  }
}

function fromRow(row: MemberRow): MemberEntry {
  return {
    tenantId: row.tenant_id, memberId: row.member_id, email: row.email, name: row.name, role: row.role, status: row.status,
    since: row.since, updatedAt: row.updated_at, position: row.position,
  };
}

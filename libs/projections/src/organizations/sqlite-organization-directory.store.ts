import Database from 'better-sqlite3';
import { OrganizationStatus } from '@app/domain';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import {
  ORGANIZATION_DIRECTORY_PROJECTOR, OrganizationDirectoryBatch, OrganizationDirectoryStore, OrganizationEntry, OrganizationListQuery,
} from './organization-directory.store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS organization_directory (
    org_id TEXT PRIMARY KEY, msp_id TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, position INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS organization_directory_msp ON organization_directory (msp_id, org_id);
`;

interface EntryRow {
  org_id: string; msp_id: string; name: string; status: string; created_at: string; updated_at: string; position: bigint;
}

/** The organization directory in the embedded read database: a batch and its checkpoint commit together. */
export class SqliteOrganizationDirectoryStore implements OrganizationDirectoryStore {
  private readonly checkpoints: SqliteCheckpoints;
  private readonly getOne: Database.Statement;
  private readonly listAll: Database.Statement;
  private readonly listAfter: Database.Statement;
  private readonly writeBatch: (batch: OrganizationDirectoryBatch) => void;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.checkpoints = new SqliteCheckpoints(db);
    this.getOne = db.prepare('SELECT * FROM organization_directory WHERE org_id = ?').safeIntegers(true);
    this.listAll = db.prepare('SELECT * FROM organization_directory WHERE msp_id = ? ORDER BY org_id LIMIT ?').safeIntegers(true);
    this.listAfter = db
      .prepare('SELECT * FROM organization_directory WHERE msp_id = ? AND org_id > ? ORDER BY org_id LIMIT ?')
      .safeIntegers(true);
    const upsert = db.prepare(`INSERT INTO organization_directory VALUES (@orgId, @mspId, @name, @status, @createdAt, @updatedAt, @position)
      ON CONFLICT (org_id) DO UPDATE SET msp_id = excluded.msp_id, name = excluded.name, status = excluded.status,
        created_at = excluded.created_at, updated_at = excluded.updated_at, position = excluded.position
      WHERE excluded.position > organization_directory.position`);
    this.writeBatch = db.transaction((batch: OrganizationDirectoryBatch) => {
      for (const entry of batch.entries) upsert.run(entry);
      this.checkpoints.advance(ORGANIZATION_DIRECTORY_PROJECTOR, batch.checkpoint);
    });
  }

  async load(orgIds: readonly string[]): Promise<OrganizationEntry[]> {
    return orgIds.map((id) => this.getOne.get(id) as EntryRow | undefined).filter((r): r is EntryRow => !!r).map(fromRow);
  }

  async save(batch: OrganizationDirectoryBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async get(orgId: string): Promise<OrganizationEntry | undefined> {
    const row = this.getOne.get(orgId) as EntryRow | undefined;
    return row && fromRow(row);
  }

  async list({ mspId, afterOrgId, limit }: OrganizationListQuery): Promise<OrganizationEntry[]> {
    const rows = afterOrgId === undefined ? this.listAll.all(mspId, limit) : this.listAfter.all(mspId, afterOrgId, limit);
    return (rows as EntryRow[]).map(fromRow);
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(ORGANIZATION_DIRECTORY_PROJECTOR);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM organization_directory');
      this.checkpoints.clear(ORGANIZATION_DIRECTORY_PROJECTOR);
    })();
  }
}

function fromRow(row: EntryRow): OrganizationEntry {
  return {
    orgId: row.org_id,
    mspId: row.msp_id,
    name: row.name,
    status: row.status as OrganizationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    position: row.position,
  };
}

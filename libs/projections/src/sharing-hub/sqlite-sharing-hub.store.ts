import Database from 'better-sqlite3';
import { ItemType, Share, SharePrincipal, SharingRights } from '@app/domain';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import {
  SharingChange,
  SharingHistoryEntry,
  SharingHubDetail,
  SharingHubKey,
  SharingHubKind,
  SharingHubRecord,
  SharingHubView,
  SharingPolicyChange,
} from './sharing-hub.record';
import { SHARING_HUB_PROJECTOR, SharingHubBatch, SharingHubQuery, SharingHubStore } from './sharing-hub.store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sharing_hub_records (
    kind TEXT NOT NULL, id TEXT NOT NULL, org_id TEXT NOT NULL, msp_id TEXT, item_type TEXT, name TEXT NOT NULL,
    created_by_id TEXT NOT NULL, created_by_name TEXT, created_by_email TEXT, created_at TEXT NOT NULL,
    owner_id TEXT NOT NULL, owner_name TEXT, shared_with TEXT NOT NULL, folder_id TEXT, folder_name TEXT,
    deleted INTEGER NOT NULL, deleted_at TEXT, updated_at TEXT NOT NULL, last_position INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS sharing_hub_records_org_time ON sharing_hub_records (org_id, updated_at, last_position);
  CREATE INDEX IF NOT EXISTS sharing_hub_records_org_deleted ON sharing_hub_records (org_id, deleted, updated_at, last_position);
  CREATE INDEX IF NOT EXISTS sharing_hub_records_org_kind ON sharing_hub_records (org_id, kind, deleted, updated_at, last_position);
  CREATE INDEX IF NOT EXISTS sharing_hub_records_id ON sharing_hub_records (id);

  CREATE TABLE IF NOT EXISTS sharing_hub_history (
    event_id TEXT PRIMARY KEY, position INTEGER NOT NULL, occurred_at TEXT NOT NULL, org_id TEXT NOT NULL,
    record_kind TEXT NOT NULL, record_id TEXT NOT NULL, change TEXT NOT NULL,
    by_id TEXT NOT NULL, by_name TEXT, by_email TEXT,
    principal TEXT, rights TEXT, previous_rights TEXT, details TEXT
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS sharing_hub_history_record ON sharing_hub_history (record_kind, record_id, position);

  CREATE TABLE IF NOT EXISTS sharing_hub_policies (
    org_id TEXT PRIMARY KEY, restrict_sharing_outside_org INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
`;

const RECORD_COLUMNS = `kind, id, org_id, msp_id, item_type, name, created_by_id, created_by_name, created_by_email,
  created_at, owner_id, owner_name, shared_with, folder_id, folder_name, deleted, deleted_at, updated_at, last_position`;

interface RecordRow {
  kind: string; id: string; org_id: string; msp_id: string | null; item_type: string | null; name: string;
  created_by_id: string; created_by_name: string | null; created_by_email: string | null; created_at: string;
  owner_id: string; owner_name: string | null; shared_with: string; folder_id: string | null; folder_name: string | null;
  deleted: bigint; deleted_at: string | null; updated_at: string; last_position: bigint;
}
type ViewRow = RecordRow & { restrict_sharing_outside_org: bigint | null };

interface HistoryRow {
  event_id: string; position: bigint; occurred_at: string; org_id: string; record_kind: string; record_id: string;
  change: string; by_id: string; by_name: string | null; by_email: string | null;
  principal: string | null; rights: string | null; previous_rights: string | null; details: string | null;
}

/** Sharing Hub in the embedded read database: a batch's rows and the checkpoint commit in one transaction. */
export class SqliteSharingHubStore implements SharingHubStore {
  private readonly checkpoints: SqliteCheckpoints;
  private readonly loadOne: Database.Statement;
  private readonly upsertRecord: Database.Statement;
  private readonly insertHistory: Database.Statement;
  private readonly upsertPolicy: Database.Statement;
  private readonly getRecord: Database.Statement;
  private readonly getRecordOfKind: Database.Statement;
  private readonly getHistory: Database.Statement;
  private readonly writeBatch: (batch: SharingHubBatch) => void;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.checkpoints = new SqliteCheckpoints(db);
    this.loadOne = db.prepare('SELECT * FROM sharing_hub_records WHERE kind = ? AND id = ?').safeIntegers(true);
    const assignments = RECORD_COLUMNS.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== 'kind' && c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.upsertRecord = db.prepare(`INSERT INTO sharing_hub_records (${RECORD_COLUMNS}) VALUES (
        @kind, @id, @orgId, @mspId, @itemType, @name, @createdById, @createdByName, @createdByEmail,
        @createdAt, @ownerId, @ownerName, @sharedWith, @folderId, @folderName, @deleted, @deletedAt, @updatedAt, @lastPosition)
      ON CONFLICT (kind, id) DO UPDATE SET ${assignments}
      WHERE excluded.last_position > sharing_hub_records.last_position`);
    this.insertHistory = db.prepare(`INSERT INTO sharing_hub_history VALUES (
        @eventId, @position, @occurredAt, @orgId, @kind, @recordId, @change, @byId, @byName, @byEmail,
        @principal, @rights, @previousRights, @details)
      ON CONFLICT (event_id) DO NOTHING`);
    this.upsertPolicy = db.prepare(`INSERT INTO sharing_hub_policies VALUES (@orgId, @restrict, @position, @occurredAt)
      ON CONFLICT (org_id) DO UPDATE SET restrict_sharing_outside_org = excluded.restrict_sharing_outside_org,
        position = excluded.position, updated_at = excluded.updated_at
      WHERE excluded.position > sharing_hub_policies.position`);
    const view = `SELECT r.*, p.restrict_sharing_outside_org FROM sharing_hub_records r
      LEFT JOIN sharing_hub_policies p ON p.org_id = r.org_id`;
    this.getRecord = db.prepare(`${view} WHERE r.id = ? AND r.org_id = ? ORDER BY r.kind DESC LIMIT 1`).safeIntegers(true);
    this.getRecordOfKind = db.prepare(`${view} WHERE r.id = ? AND r.org_id = ? AND r.kind = ?`).safeIntegers(true);
    this.getHistory = db
      .prepare('SELECT * FROM sharing_hub_history WHERE record_kind = ? AND record_id = ? AND org_id = ? ORDER BY position')
      .safeIntegers(true);
    this.writeBatch = db.transaction((batch: SharingHubBatch) => {
      for (const entry of batch.history) this.insertHistory.run(historyToRow(entry));
      for (const policy of batch.policies) this.upsertPolicy.run(policyToRow(policy));
      for (const record of batch.records) this.upsertRecord.run(recordToRow(record));
      this.checkpoints.advance(SHARING_HUB_PROJECTOR, batch.checkpoint);
    });
  }

  async load(keys: readonly SharingHubKey[]): Promise<SharingHubRecord[]> {
    const rows = keys.map((k) => this.loadOne.get(k.kind, k.id) as RecordRow | undefined);
    return rows.filter((r): r is RecordRow => r !== undefined).map(recordFromRow);
  }

  async save(batch: SharingHubBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async query(query: SharingHubQuery): Promise<SharingHubView[]> {
    const { sql, params } = buildSharingHubQuery(query);
    return (this.statement(sql).all(params) as ViewRow[]).map(viewFromRow);
  }

  async get(orgId: string, id: string, kind?: SharingHubKind): Promise<SharingHubDetail | undefined> {
    const row = (kind ? this.getRecordOfKind.get(id, orgId, kind) : this.getRecord.get(id, orgId)) as ViewRow | undefined;
    if (!row) return undefined;
    const history = (this.getHistory.all(row.kind, row.id, orgId) as HistoryRow[]).map(historyFromRow);
    return { ...viewFromRow(row), history };
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(SHARING_HUB_PROJECTOR);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM sharing_hub_records; DELETE FROM sharing_hub_history; DELETE FROM sharing_hub_policies;');
      this.checkpoints.clear(SHARING_HUB_PROJECTOR);
    })();
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql).safeIntegers(true)));
    return stmt;
  }
}

/** One SQL text per combination of filters (so statements are cached), values as named params. */
export function buildSharingHubQuery(q: SharingHubQuery): { sql: string; params: Record<string, unknown> } {
  const where = ['r.org_id = @orgId'];
  const params: Record<string, unknown> = { orgId: q.orgId, limit: q.limit };
  const add = (clause: string, values: Record<string, unknown>) => {
    where.push(clause);
    Object.assign(params, values);
  };
  if (q.kind !== undefined) add('r.kind = @kind', { kind: q.kind });
  if (q.deleted !== undefined) add('r.deleted = @deleted', { deleted: q.deleted ? 1 : 0 });
  if (q.window) add('r.updated_at >= @from AND r.updated_at < @to', { from: q.window.from, to: q.window.to });
  if (q.after) {
    add('(r.updated_at, r.last_position) < (@afterTime, @afterPosition)', {
      afterTime: q.after.occurredAt,
      afterPosition: q.after.position,
    });
  }
  const sql = `SELECT r.*, p.restrict_sharing_outside_org FROM sharing_hub_records r
    LEFT JOIN sharing_hub_policies p ON p.org_id = r.org_id
    WHERE ${where.join(' AND ')} ORDER BY r.updated_at DESC, r.last_position DESC LIMIT @limit`;
  return { sql, params };
}

function recordToRow(r: SharingHubRecord): Record<string, unknown> {
  return {
    kind: r.kind, id: r.id, orgId: r.orgId, mspId: r.mspId, itemType: r.itemType, name: r.name,
    createdById: r.createdBy.id, createdByName: r.createdBy.name, createdByEmail: r.createdBy.email, createdAt: r.createdAt,
    ownerId: r.owner.id, ownerName: r.owner.name, sharedWith: JSON.stringify(r.sharedWith),
    folderId: r.folder?.id ?? null, folderName: r.folder?.name ?? null, deleted: r.deleted ? 1 : 0, deletedAt: r.deletedAt,
    updatedAt: r.updatedAt, lastPosition: r.lastPosition,
  };
}

function recordFromRow(r: RecordRow): SharingHubRecord {
  return {
    kind: r.kind as SharingHubKind, id: r.id, orgId: r.org_id, mspId: r.msp_id, itemType: r.item_type as ItemType | null,
    name: r.name, createdBy: { id: r.created_by_id, name: r.created_by_name, email: r.created_by_email }, createdAt: r.created_at,
    owner: { id: r.owner_id, name: r.owner_name }, sharedWith: JSON.parse(r.shared_with) as Share[],
    folder: r.folder_id === null ? null : { id: r.folder_id, name: r.folder_name ?? r.folder_id },
    deleted: r.deleted !== 0n, deletedAt: r.deleted_at, updatedAt: r.updated_at, lastPosition: r.last_position,
  };
}

function viewFromRow(r: ViewRow): SharingHubView {
  return { ...recordFromRow(r), sharingPolicy: { restrictSharingOutsideOrg: r.restrict_sharing_outside_org === 1n } };
}

function historyToRow(e: SharingHistoryEntry): Record<string, unknown> {
  return {
    eventId: e.eventId, position: e.position, occurredAt: e.occurredAt, orgId: e.orgId, kind: e.kind, recordId: e.recordId,
    change: e.change, byId: e.by.id, byName: e.by.name, byEmail: e.by.email,
    principal: e.principal ? JSON.stringify(e.principal) : null, rights: e.rights ?? null,
    previousRights: e.previousRights ?? null, details: e.details ? JSON.stringify(e.details) : null,
  };
}

function historyFromRow(r: HistoryRow): SharingHistoryEntry {
  return {
    eventId: r.event_id, position: r.position, occurredAt: r.occurred_at, orgId: r.org_id, recordId: r.record_id,
    kind: r.record_kind as SharingHubKind, change: r.change as SharingChange,
    by: { id: r.by_id, name: r.by_name, email: r.by_email },
    ...(r.principal !== null && { principal: JSON.parse(r.principal) as SharePrincipal }),
    ...(r.rights !== null && { rights: r.rights as SharingRights }),
    ...(r.previous_rights !== null && { previousRights: r.previous_rights as SharingRights }),
    ...(r.details !== null && { details: JSON.parse(r.details) as Record<string, unknown> }),
  };
}

function policyToRow(p: SharingPolicyChange): Record<string, unknown> {
  return { orgId: p.orgId, restrict: p.restrictSharingOutsideOrg ? 1 : 0, position: p.position, occurredAt: p.occurredAt };
}

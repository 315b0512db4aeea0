import Database from 'better-sqlite3';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import {
  CREDENTIALS_PROJECTOR, CredentialEntry, CredentialKind, CredentialListQuery, CredentialRecord, CredentialsBatch, CredentialScope,
  CredentialsStore,
} from './credentials.store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS credentials (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, msp_id TEXT, org_id TEXT, name TEXT NOT NULL, status TEXT NOT NULL, scope TEXT NOT NULL,
    algorithm TEXT, public_key TEXT, thumbprint TEXT, token_hash TEXT, expires_at TEXT, created_by TEXT NOT NULL,
    created_at TEXT NOT NULL, rotated_at TEXT, revoked_at TEXT, position INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS credentials_token_hash ON credentials (token_hash) WHERE token_hash IS NOT NULL;
  CREATE INDEX IF NOT EXISTS credentials_msp ON credentials (kind, msp_id, id);
  CREATE INDEX IF NOT EXISTS credentials_org ON credentials (kind, org_id, id);
  CREATE TABLE IF NOT EXISTS credential_usage (id TEXT PRIMARY KEY, last_used_at TEXT NOT NULL) WITHOUT ROWID;
`;

interface Row {
  id: string; kind: string; msp_id: string | null; org_id: string | null; name: string; status: string; scope: string;
  algorithm: string | null; public_key: string | null; thumbprint: string | null; token_hash: string | null; expires_at: string | null;
  created_by: string; created_at: string; rotated_at: string | null; revoked_at: string | null; position: bigint;
}

const SELECT = 'SELECT c.*, u.last_used_at FROM credentials c LEFT JOIN credential_usage u ON u.id = c.id';

/** The credential directory in the embedded read database: a batch and its checkpoint commit together. */
export class SqliteCredentialsStore implements CredentialsStore {
  private readonly checkpoints: SqliteCheckpoints;
  private readonly byId: Database.Statement;
  private readonly byHash: Database.Statement;
  private readonly use: Database.Statement;
  private readonly writeBatch: (batch: CredentialsBatch) => void;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.checkpoints = new SqliteCheckpoints(db);
    this.byId = db.prepare(`${SELECT} WHERE c.id = ?`).safeIntegers(true);
    this.byHash = db.prepare(`${SELECT} WHERE c.token_hash = ?`).safeIntegers(true);
    this.use = db.prepare(`INSERT INTO credential_usage (id, last_used_at) VALUES (?, ?)
      ON CONFLICT (id) DO UPDATE SET last_used_at = max(last_used_at, excluded.last_used_at)`);
    const upsert = db.prepare(`INSERT INTO credentials VALUES (@id, @kind, @msp_id, @org_id, @name, @status, @scope, @algorithm,
        @public_key, @thumbprint, @token_hash, @expires_at, @created_by, @created_at, @rotated_at, @revoked_at, @position)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, msp_id = excluded.msp_id, org_id = excluded.org_id, name = excluded.name,
        status = excluded.status, scope = excluded.scope, algorithm = excluded.algorithm, public_key = excluded.public_key,
        thumbprint = excluded.thumbprint, token_hash = excluded.token_hash, expires_at = excluded.expires_at,
        created_by = excluded.created_by, created_at = excluded.created_at, rotated_at = excluded.rotated_at,
        revoked_at = excluded.revoked_at, position = excluded.position
      WHERE excluded.position > credentials.position`);
    this.writeBatch = db.transaction((batch: CredentialsBatch) => {
      for (const record of batch.entries) upsert.run(toRow(record));
      this.checkpoints.advance(CREDENTIALS_PROJECTOR, batch.checkpoint);
    });
  }

  async load(ids: readonly string[]): Promise<CredentialRecord[]> {
    const rows = ids.map((id) => this.byId.get(id) as (Row & UsageColumn) | undefined).filter((r) => r !== undefined);
    return rows.map((row) => {
      const { lastUsedAt: _, ...record } = fromRow(row);
      return record;
    });
  }

  async save(batch: CredentialsBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async get(id: string): Promise<CredentialEntry | undefined> {
    const row = this.byId.get(id) as (Row & UsageColumn) | undefined;
    return row && fromRow(row);
  }

  async findByTokenHash(tokenHash: string): Promise<CredentialEntry | undefined> {
    const row = this.byHash.get(tokenHash) as (Row & UsageColumn) | undefined;
    return row && fromRow(row);
  }

  async list({ kind, tenant, afterId, limit }: CredentialListQuery): Promise<CredentialEntry[]> {
    const [column, value] = tenant.mspId !== undefined ? ['msp_id', tenant.mspId] : ['org_id', tenant.orgId];
    const rows = this.db
      .prepare(`${SELECT} WHERE c.kind = ? AND c.${column} = ? AND c.id > ? ORDER BY c.id LIMIT ?`)
      .safeIntegers(true)
      .all(kind, value, afterId ?? '', limit);
    return (rows as (Row & UsageColumn)[]).map(fromRow);
  }

  async recordUse(id: string, at: string): Promise<void> {
    this.use.run(id, at);
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(CREDENTIALS_PROJECTOR);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM credentials');
      this.checkpoints.clear(CREDENTIALS_PROJECTOR);
    })();
  }
}

type UsageColumn = { last_used_at: string | null };

function toRow(r: CredentialRecord): Row {
  return {
    id: r.id, kind: r.kind, msp_id: r.mspId, org_id: r.orgId, name: r.name, status: r.status, scope: r.scope, algorithm: r.algorithm,
    public_key: r.publicKey && JSON.stringify(r.publicKey), thumbprint: r.thumbprint, token_hash: r.tokenHash, expires_at: r.expiresAt,
    created_by: r.createdBy, created_at: r.createdAt, rotated_at: r.rotatedAt, revoked_at: r.revokedAt, position: r.position,
  };
}

function fromRow(row: Row & UsageColumn): CredentialEntry {
  return {
    id: row.id, kind: row.kind as CredentialKind, mspId: row.msp_id, orgId: row.org_id, name: row.name,
    status: row.status as CredentialRecord['status'], scope: row.scope as CredentialScope, algorithm: row.algorithm,
    publicKey: row.public_key === null ? null : JSON.parse(row.public_key), thumbprint: row.thumbprint, tokenHash: row.token_hash,
    expiresAt: row.expires_at, createdBy: row.created_by, createdAt: row.created_at, rotatedAt: row.rotated_at, revokedAt: row.revoked_at,
    position: row.position, lastUsedAt: row.last_used_at ?? null,
  };
}

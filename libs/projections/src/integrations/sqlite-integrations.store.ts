import Database from 'better-sqlite3';
import { IntegrationKind } from '@app/domain';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import {
  DeliveryState, DeliveryStatus, INTEGRATIONS_PROJECTOR, IntegrationEntry, IntegrationKindQuery, IntegrationListQuery, IntegrationsBatch,
  IntegrationsStore,
} from './integrations.store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS integrations (
    integration_id TEXT PRIMARY KEY, stream_id TEXT NOT NULL, owner_type TEXT NOT NULL, msp_id TEXT, org_id TEXT,
    kind TEXT NOT NULL, name TEXT NOT NULL, settings TEXT NOT NULL, secret_last4 TEXT, secret_version TEXT,
    status TEXT NOT NULL, set_up_position INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    position INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS integrations_msp ON integrations (msp_id, integration_id) WHERE owner_type = 'msp';
  CREATE INDEX IF NOT EXISTS integrations_org ON integrations (org_id, integration_id) WHERE owner_type = 'organization';
  CREATE INDEX IF NOT EXISTS integrations_kind ON integrations (kind, integration_id);
  CREATE TABLE IF NOT EXISTS integration_deliveries (
    integration_id TEXT PRIMARY KEY, state TEXT NOT NULL, config_position INTEGER NOT NULL, last_success_at TEXT,
    last_error_message TEXT, last_error_at TEXT, events_sent INTEGER NOT NULL, bytes_sent INTEGER NOT NULL, updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
`;

interface EntryRow {
  integration_id: string; stream_id: string; owner_type: string; msp_id: string | null; org_id: string | null; kind: string; name: string;
  settings: string; secret_last4: string | null; secret_version: string | null; status: string; set_up_position: bigint;
  created_at: string; updated_at: string; position: bigint;
}

interface DeliveryRow {
  integration_id: string; state: string; config_position: bigint; last_success_at: string | null; last_error_message: string | null;
  last_error_at: string | null; events_sent: bigint; bytes_sent: bigint; updated_at: string;
}

/** The integrations view in the embedded read database: a batch and its checkpoint commit together. */
export class SqliteIntegrationsStore implements IntegrationsStore {
  private readonly checkpoints: SqliteCheckpoints;
  private readonly getOne: Database.Statement;
  private readonly writeBatch: (batch: IntegrationsBatch) => void;
  private readonly upsertDelivery: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.checkpoints = new SqliteCheckpoints(db);
    this.getOne = db.prepare('SELECT * FROM integrations WHERE integration_id = ?').safeIntegers(true);
    const upsert = db.prepare(`INSERT INTO integrations VALUES (@integration_id, @stream_id, @owner_type, @msp_id, @org_id, @kind, @name,
        @settings, @secret_last4, @secret_version, @status, @set_up_position, @created_at, @updated_at, @position)
      ON CONFLICT (integration_id) DO UPDATE SET stream_id = excluded.stream_id, owner_type = excluded.owner_type, msp_id = excluded.msp_id,
        org_id = excluded.org_id, kind = excluded.kind, name = excluded.name, settings = excluded.settings,
        secret_last4 = excluded.secret_last4, secret_version = excluded.secret_version, status = excluded.status,
        set_up_position = excluded.set_up_position, created_at = excluded.created_at, updated_at = excluded.updated_at,
        position = excluded.position
      WHERE excluded.position > integrations.position`);
    this.writeBatch = db.transaction((batch: IntegrationsBatch) => {
      for (const entry of batch.entries) upsert.run(toRow(entry));
      this.checkpoints.advance(INTEGRATIONS_PROJECTOR, batch.checkpoint);
    });
    this.upsertDelivery = db.prepare(`INSERT INTO integration_deliveries VALUES (@integration_id, @state, @config_position, @last_success_at,
        @last_error_message, @last_error_at, @events_sent, @bytes_sent, @updated_at)
      ON CONFLICT (integration_id) DO UPDATE SET state = excluded.state, config_position = excluded.config_position,
        last_success_at = excluded.last_success_at, last_error_message = excluded.last_error_message, last_error_at = excluded.last_error_at,
        events_sent = excluded.events_sent, bytes_sent = excluded.bytes_sent, updated_at = excluded.updated_at`);
  }

  async load(ids: readonly string[]): Promise<IntegrationEntry[]> {
    return ids.map((id) => this.getOne.get(id) as EntryRow | undefined).filter((r): r is EntryRow => !!r).map(fromRow);
  }

  async save(batch: IntegrationsBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async get(integrationId: string): Promise<IntegrationEntry | undefined> {
    const row = this.getOne.get(integrationId) as EntryRow | undefined;
    return row && fromRow(row);
  }

  async list({ owner, afterId, limit }: IntegrationListQuery): Promise<IntegrationEntry[]> {
    const [column, type, value] = owner.mspId !== undefined ? ['msp_id', 'msp', owner.mspId] : ['org_id', 'organization', owner.orgId];
    const rows = this.db
      .prepare(`SELECT * FROM integrations WHERE owner_type = ? AND ${column} = ? AND integration_id > ? ORDER BY integration_id LIMIT ?`)
      .safeIntegers(true)
      .all(type, value, afterId ?? '', limit);
    return (rows as EntryRow[]).map(fromRow);
  }

  async listByKind({ kinds, afterId, limit }: IntegrationKindQuery): Promise<IntegrationEntry[]> {
    if (kinds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM integrations WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND integration_id > ? ORDER BY integration_id LIMIT ?`)
      .safeIntegers(true)
      .all(...kinds, afterId ?? '', limit);
    return (rows as EntryRow[]).map(fromRow);
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(INTEGRATIONS_PROJECTOR);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM integrations');
      this.checkpoints.clear(INTEGRATIONS_PROJECTOR);
    })();
  }

  async saveDelivery(status: DeliveryStatus): Promise<void> {
    this.upsertDelivery.run({
      integration_id: status.integrationId, state: status.state, config_position: status.configPosition, last_success_at: status.lastSuccessAt,
      last_error_message: status.lastError?.message ?? null, last_error_at: status.lastError?.at ?? null,
      events_sent: status.eventsSent, bytes_sent: status.bytesSent, updated_at: status.updatedAt,
    });
  }

  async deliveries(integrationIds: readonly string[]): Promise<DeliveryStatus[]> {
    if (integrationIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM integration_deliveries WHERE integration_id IN (${integrationIds.map(() => '?').join(', ')})`)
      .safeIntegers(true)
      .all(...integrationIds);
    return (rows as DeliveryRow[]).map(fromDeliveryRow);
  }
}

function toRow(entry: IntegrationEntry): EntryRow {
  return {
    integration_id: entry.integrationId, stream_id: entry.streamId, owner_type: entry.owner.type,
    msp_id: entry.owner.mspId, org_id: entry.owner.type === 'organization' ? entry.owner.orgId : null,
    kind: entry.kind, name: entry.name, settings: JSON.stringify(entry.settings), secret_last4: entry.secretLast4,
    secret_version: entry.secretVersion, status: entry.status, set_up_position: entry.setUpPosition,
    created_at: entry.createdAt, updated_at: entry.updatedAt, position: entry.position,
  };
}

function fromRow(row: EntryRow): IntegrationEntry {
  const owner: IntegrationEntry['owner'] =
    row.owner_type === 'msp' ? { type: 'msp', mspId: row.msp_id as string } : { type: 'organization', orgId: row.org_id as string, mspId: row.msp_id };
  return {
    integrationId: row.integration_id, streamId: row.stream_id, owner, kind: row.kind as IntegrationKind, name: row.name,
    settings: JSON.parse(row.settings), secretLast4: row.secret_last4, secretVersion: row.secret_version,
    status: row.status as IntegrationEntry['status'], setUpPosition: row.set_up_position,
    createdAt: row.created_at, updatedAt: row.updated_at, position: row.position,
  };
}

function fromDeliveryRow(row: DeliveryRow): DeliveryStatus {
  return {
    integrationId: row.integration_id, state: row.state as DeliveryState, configPosition: row.config_position,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error_message === null ? null : { message: row.last_error_message, at: row.last_error_at as string },
    eventsSent: Number(row.events_sent), bytesSent: Number(row.bytes_sent), updatedAt: row.updated_at,
  };
}

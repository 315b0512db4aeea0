import Database from 'better-sqlite3';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import { ActivityEntry } from './activity-entry';
import { ActivityLogQuery, ActivityLogStore, ActivityTailQuery } from './activity-log.store';

const PROJECTOR = 'activity-log';

/** Rows are stored in position order (the rowid), so time-ordered reads touch neighbouring pages. */
const TABLE = `
  CREATE TABLE IF NOT EXISTS activity_entries (
    position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, occurred_at TEXT NOT NULL,
    event_type TEXT NOT NULL, category TEXT NOT NULL, msp_id TEXT, org_id TEXT,
    initiator_type TEXT NOT NULL, initiator_id TEXT NOT NULL, initiator_email TEXT, initiator_email_lc TEXT,
    initiator_name TEXT, initiator_role TEXT, ip TEXT, user_agent TEXT,
    target_type TEXT NOT NULL, target_id TEXT NOT NULL, target_name TEXT,
    item_id TEXT, item_type TEXT, item_name TEXT, data TEXT NOT NULL
  );
`;

/** One index per filter the logs offer; dropped during a rebuild and created again after it. */
const INDEXES: Record<string, string> = {
  activity_msp_time: '(msp_id, occurred_at, position)',
  activity_msp_category: '(msp_id, category, occurred_at, position)',
  activity_msp_email: '(msp_id, initiator_email_lc, occurred_at, position)',
  activity_msp_org: '(msp_id, org_id, occurred_at, position)',
  activity_org_time: '(org_id, occurred_at, position)',
  activity_org_member: '(org_id, initiator_id, occurred_at, position)',
  activity_org_email: '(org_id, initiator_email_lc, occurred_at, position)',
  activity_org_item: '(org_id, item_id, occurred_at, position)',
  activity_msp_position: '(msp_id, position)',
  activity_org_position: '(org_id, position)',
};

const CREATE_INDEXES = Object.entries(INDEXES)
  .map(([name, columns]) => `CREATE INDEX IF NOT EXISTS ${name} ON activity_entries ${columns};`)
  .join('\n');

interface EntryRow {
  event_id: string; position: bigint; occurred_at: string; event_type: string; category: string;
  msp_id: string | null; org_id: string | null; initiator_type: string; initiator_id: string;
  initiator_email: string | null; initiator_name: string | null; initiator_role: string | null;
  ip: string | null; user_agent: string | null; target_type: string; target_id: string; target_name: string | null;
  item_id: string | null; item_type: string | null; item_name: string | null; data: string;
}

/** Activity entries in the embedded read database; rows and checkpoint commit together. */
export class SqliteActivityLogStore implements ActivityLogStore {
  private readonly checkpoints: SqliteCheckpoints;
  private readonly insert: Database.Statement;
  private readonly writeBatch: (entries: ActivityEntry[], checkpoint: bigint) => void;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    db.exec(TABLE + CREATE_INDEXES);
    this.checkpoints = new SqliteCheckpoints(db);
    this.insert = db.prepare(`INSERT OR IGNORE INTO activity_entries (
      position, event_id, occurred_at, event_type, category, msp_id, org_id, initiator_type, initiator_id,
      initiator_email, initiator_email_lc, initiator_name, initiator_role, ip, user_agent,
      target_type, target_id, target_name, item_id, item_type, item_name, data) VALUES (
      @position, @eventId, @occurredAt, @eventType, @category, @mspId, @orgId, @initiatorType, @initiatorId,
      @initiatorEmail, @initiatorEmailLc, @initiatorName, @initiatorRole, @ip, @userAgent,
      @targetType, @targetId, @targetName, @itemId, @itemType, @itemName, @data)`);
    this.writeBatch = db.transaction((entries: ActivityEntry[], checkpoint: bigint) => {
      for (const entry of entries) this.insert.run(toRow(entry));
      this.checkpoints.advance(PROJECTOR, checkpoint);
    });
  }

  async applyBatch(entries: ActivityEntry[], checkpoint: bigint): Promise<void> {
    this.writeBatch(entries, checkpoint);
  }

  async query(query: ActivityLogQuery): Promise<ActivityEntry[]> {
    const { sql, params } = buildQuery(query);
    return (this.statement(sql).all(params) as EntryRow[]).map(fromRow);
  }

  async tail(query: ActivityTailQuery): Promise<ActivityEntry[]> {
    const { sql, params } = buildTailQuery(query);
    return (this.statement(sql).all(params) as EntryRow[]).map(fromRow);
  }

  async checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(PROJECTOR);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM activity_entries');
      this.checkpoints.clear(PROJECTOR);
    })();
  }

  /** A rebuild fills the table without its indexes, then builds each once instead of row by row. */
  async beforeRebuild(): Promise<void> {
    for (const name of Object.keys(INDEXES)) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
  }

  async afterRebuild(): Promise<void> {
    this.db.exec(CREATE_INDEXES);
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql).safeIntegers(true)));
    return stmt;
  }
}

type Clauses = { where: string[]; params: Record<string, unknown>; add(clause: string, values: Record<string, unknown>): void };

function clauses(params: Record<string, unknown>): Clauses {
  const where: string[] = [];
  return {
    where,
    params,
    add(clause, values) {
      where.push(clause);
      Object.assign(params, values);
    },
  };
}

/** The tenant scope and the log's categories: every query and tail starts from these. */
function scoped(q: Pick<ActivityLogQuery, 'scope' | 'categories'>, params: Record<string, unknown>): Clauses {
  const c = clauses(params);
  if (q.scope.mspId !== undefined) c.add('msp_id = @scopeMsp', { scopeMsp: q.scope.mspId });
  if (q.scope.orgId !== undefined) c.add('org_id = @scopeOrg', { scopeOrg: q.scope.orgId });
  if (q.categories) {
    const names = q.categories.map((_, i) => `@cat${i}`);
    c.add(`category IN (${names.join(', ')})`, Object.fromEntries(q.categories.map((cat, i) => [`cat${i}`, cat])));
  }
  return c;
}

function buildTailQuery(q: ActivityTailQuery): { sql: string; params: Record<string, unknown> } {
  const { where, params, add } = scoped(q, { limit: q.limit });
  if (q.afterPosition !== undefined) add('position > @afterPosition', { afterPosition: q.afterPosition });
  const sql = `SELECT * FROM activity_entries WHERE ${where.join(' AND ')} ORDER BY position ASC LIMIT @limit`;
  return { sql, params };
}

/** One SQL text per combination of filters (so statements are cached), values as named params. */
export function buildQuery(q: ActivityLogQuery): { sql: string; params: Record<string, unknown> } {
  const { where, params, add } = scoped(q, { limit: q.limit });
  if (q.category !== undefined) add('category = @category', { category: q.category });
  if (q.organizationId !== undefined) add('org_id = @organizationId', { organizationId: q.organizationId });
  if (q.memberEmail !== undefined) add('initiator_email_lc = @memberEmail', { memberEmail: q.memberEmail.toLowerCase() });
  if (q.memberId !== undefined) add('initiator_id = @memberId', { memberId: q.memberId });
  if (q.itemId !== undefined) add('item_id = @itemId', { itemId: q.itemId });
  add('occurred_at >= @from', { from: q.window.from });
  // A cursor always lies inside the window, and with `< @to` beside it SQLite stops bounding the scan by it.
  if (q.after) add('(occurred_at, position) < (@afterTime, @afterPosition)', { afterTime: q.after.occurredAt, afterPosition: q.after.position });
  else add('occurred_at < @to', { to: q.window.to });
  const sql = `SELECT * FROM activity_entries INDEXED BY ${indexFor(q)} WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, position DESC LIMIT @limit`;
  return { sql, params };
}

/**
 * The index that serves the most selective filter. Named explicitly: without statistics
 * (no ANALYZE on a live file) SQLite picks the time index and scans a whole window for a rare category.
 */
function indexFor(q: ActivityLogQuery): string {
  if (q.scope.mspId !== undefined) {
    if (q.scope.orgId !== undefined || q.organizationId !== undefined) return 'activity_msp_org';
    if (q.memberEmail !== undefined) return 'activity_msp_email';
    if (q.category !== undefined) return 'activity_msp_category';
    return 'activity_msp_time';
  }
  if (q.itemId !== undefined) return 'activity_org_item';
  if (q.memberId !== undefined) return 'activity_org_member';
  if (q.memberEmail !== undefined) return 'activity_org_email';
  return 'activity_org_time';
}

function toRow(e: ActivityEntry): Record<string, unknown> {
  return {
    eventId: e.eventId, position: e.position, occurredAt: e.occurredAt, eventType: e.eventType, category: e.category,
    mspId: e.mspId, orgId: e.orgId, initiatorType: e.initiator.type, initiatorId: e.initiator.id,
    initiatorEmail: e.initiator.email, initiatorEmailLc: e.initiator.email?.toLowerCase() ?? null,
    initiatorName: e.initiator.name, initiatorRole: e.initiator.role, ip: e.ip, userAgent: e.userAgent,
    targetType: e.target.type, targetId: e.target.id, targetName: e.target.name,
    itemId: e.item?.id ?? null, itemType: e.item?.type ?? null, itemName: e.item?.name ?? null, data: JSON.stringify(e.data),
  };
}

function fromRow(r: EntryRow): ActivityEntry {
  return {
    eventId: r.event_id, position: r.position, occurredAt: r.occurred_at, eventType: r.event_type,
    category: r.category as ActivityEntry['category'], mspId: r.msp_id, orgId: r.org_id,
    initiator: {
      type: r.initiator_type as ActivityEntry['initiator']['type'], id: r.initiator_id, email: r.initiator_email,
      name: r.initiator_name, role: r.initiator_role,
    },
    ip: r.ip, userAgent: r.user_agent,
    target: { type: r.target_type, id: r.target_id, name: r.target_name },
    item: r.item_id === null ? null : { id: r.item_id, type: r.item_type, name: r.item_name },
    data: JSON.parse(r.data),
  };
}

import Database from 'better-sqlite3';
import { SqliteCheckpoints } from '../shared/sqlite-read-database';
import { ActivityEntry } from './activity-entry';
import {
  ACTIVITY_INDEX_NAMES,
  ACTIVITY_INDEXES,
  ActivityEquality,
  ActivityField,
  ActivityIndexName,
  filterEqualities,
  INDEX_CATEGORIES,
  indexFor,
  NEWEST_FIRST,
  scopeEqualities,
  TAIL_ORDER,
  WINDOW_FIELD,
} from './activity-log.indexes';
import { ActivityLogQuery, ActivityLogStore, ActivityTailQuery } from './activity-log.store';

const PROJECTOR = 'activity-log';

/** Rows are stored in position order (the rowid), so time-ordered reads touch neighbouring pages. */
const TABLE = `
  CREATE TABLE IF NOT EXISTS activity_entries (
    position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, occurred_at TEXT NOT NULL,
    event_type TEXT NOT NULL, category TEXT NOT NULL, msp_id TEXT, org_id TEXT,
    initiator_type TEXT NOT NULL, initiator_id TEXT NOT NULL, initiator_email TEXT,
    initiator_name TEXT, initiator_role TEXT, ip TEXT, user_agent TEXT,
    target_type TEXT NOT NULL, target_id TEXT NOT NULL, target_name TEXT,
    item_id TEXT, item_type TEXT, item_name TEXT, data TEXT NOT NULL
  );
`;

/** The spec's fields as columns. Personal values (email, name, IP, user agent, data) are stored sealed. */
const COLUMNS: Record<ActivityField, string> = {
  mspId: 'msp_id',
  orgId: 'org_id',
  category: 'category',
  'initiator.id': 'initiator_id',
  'item.id': 'item_id',
  occurredAt: 'occurred_at',
  position: 'position',
};

const columns = (fields: readonly ActivityField[]) => fields.map((f) => COLUMNS[f]).join(', ');

/**
 * `category IN ('…', …)` with the categories as literals, in the declared order: SQLite uses a
 * partial index only where the query's WHERE repeats the index's term as written (a bound
 * parameter never matches a literal inside an IN list).
 */
const categoryTerm = (categories: readonly string[]) =>
  `${COLUMNS.category} IN (${categories.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')})`;

const partialWhere = (name: ActivityIndexName) => {
  const categories = INDEX_CATEGORIES[name];
  return categories ? ` WHERE ${categoryTerm(categories)}` : '';
};

/** The spec's indexes; dropped during a rebuild and created again after it. */
const CREATE_INDEXES = (Object.entries(ACTIVITY_INDEXES) as [ActivityIndexName, readonly ActivityField[]][])
  .map(([name, fields]) => `CREATE INDEX IF NOT EXISTS ${name} ON activity_entries (${columns(fields)})${partialWhere(name)};`)
  .join('\n');

const NEWEST_FIRST_SQL = NEWEST_FIRST.map((f) => `${COLUMNS[f]} DESC`).join(', ');

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
      initiator_email, initiator_name, initiator_role, ip, user_agent,
      target_type, target_id, target_name, item_id, item_type, item_name, data) VALUES (
      @position, @eventId, @occurredAt, @eventType, @category, @mspId, @orgId, @initiatorType, @initiatorId,
      @initiatorEmail, @initiatorName, @initiatorRole, @ip, @userAgent,
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

  async retentionTenants(): Promise<{ mspId: string | null; orgId: string | null }[]> {
    const rows = this.statement('SELECT DISTINCT msp_id, org_id FROM activity_entries').all() as { msp_id: string | null; org_id: string | null }[];
    return rows.map((r) => ({ mspId: r.msp_id, orgId: r.org_id }));
  }

  async deleteBefore(tenant: { mspId: string | null; orgId: string | null }, before: string): Promise<number> {
    const sql = 'DELETE FROM activity_entries WHERE msp_id IS @mspId AND org_id IS @orgId AND occurred_at < @before';
    return Number(this.statement(sql).run({ ...tenant, before }).changes);
  }

  async reset(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM activity_entries');
      this.checkpoints.clear(PROJECTOR);
    })();
  }

  /** A rebuild fills the table without its indexes, then builds each once instead of row by row. */
  async beforeRebuild(): Promise<void> {
    for (const name of ACTIVITY_INDEX_NAMES) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
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

/**
 * The tenant scope and the log's categories: every query and tail starts from these. Categories an
 * index is restricted to are written as that index's own term, so SQLite can prove it applies.
 */
function scoped(q: Pick<ActivityLogQuery, 'scope' | 'categories'>, params: Record<string, unknown>, index?: ActivityIndexName): Clauses {
  const where: string[] = [];
  const c: Clauses = {
    where,
    params,
    add(clause, values) {
      where.push(clause);
      Object.assign(params, values);
    },
  };
  equal(c, scopeEqualities(q.scope));
  const indexCategories = index && INDEX_CATEGORIES[index];
  if (indexCategories) c.add(categoryTerm(indexCategories), {});
  else if (q.categories) {
    const names = q.categories.map((_, i) => `@cat${i}`);
    c.add(`${COLUMNS.category} IN (${names.join(', ')})`, Object.fromEntries(q.categories.map((cat, i) => [`cat${i}`, cat])));
  }
  return c;
}

function equal(c: Clauses, equalities: ActivityEquality[]): void {
  for (const { name, field, value } of equalities) {
    if (typeof value === 'string') c.add(`${COLUMNS[field]} = @${name}`, { [name]: value });
    else if (value.length === 0) c.add('0', {});
    else c.add(`${COLUMNS[field]} IN (${value.map((_, i) => `@${name}${i}`).join(', ')})`, Object.fromEntries(value.map((v, i) => [`${name}${i}`, v])));
  }
}

function buildTailQuery(q: ActivityTailQuery): { sql: string; params: Record<string, unknown> } {
  const { where, params, add } = scoped(q, { limit: q.limit });
  const order = COLUMNS[TAIL_ORDER];
  if (q.afterPosition !== undefined) add(`${order} > @afterPosition`, { afterPosition: q.afterPosition });
  const sql = `SELECT * FROM activity_entries WHERE ${where.join(' AND ')} ORDER BY ${order} ASC LIMIT @limit`;
  return { sql, params };
}

/** One SQL text per combination of filters (so statements are cached), values as named params. */
export function buildQuery(q: ActivityLogQuery): { sql: string; params: Record<string, unknown> } {
  const index = indexFor(q);
  const c = scoped(q, { limit: q.limit }, index);
  equal(c, filterEqualities(q));
  const time = COLUMNS[WINDOW_FIELD];
  c.add(`${time} >= @from`, { from: q.window.from });
  // A cursor always lies inside the window, and with `< @to` beside it SQLite stops bounding the scan by it.
  if (q.after) c.add(`(${columns(NEWEST_FIRST)}) < (@afterTime, @afterPosition)`, { afterTime: q.after.occurredAt, afterPosition: q.after.position });
  else c.add(`${time} < @to`, { to: q.window.to });
  if (q.upToPosition !== undefined) c.add('position <= @upToPosition', { upToPosition: q.upToPosition });
  const sql = `SELECT * FROM activity_entries INDEXED BY ${index} WHERE ${c.where.join(' AND ')} ORDER BY ${NEWEST_FIRST_SQL} LIMIT @limit`;
  return { sql, params: c.params };
}

function toRow(e: ActivityEntry): Record<string, unknown> {
  return {
    eventId: e.eventId, position: e.position, occurredAt: e.occurredAt, eventType: e.eventType, category: e.category,
    mspId: e.mspId, orgId: e.orgId, initiatorType: e.initiator.type, initiatorId: e.initiator.id,
    initiatorEmail: e.initiator.email,
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

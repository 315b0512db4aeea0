import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { ActivityCategory, MSP_CATEGORIES } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { ActivityEntry, ActivityLogQuery, buildQuery, CursorPosition, openReadDatabase, SqliteActivityLogStore, TimeWindow, toActivityEntry } from '@app/projections';
import { envInt, Figure } from './bench-utils';
import { createWorld, DATASET_END_MS, DAY_MS, Msp } from './support/activity-world';
import { cachedFile } from './support/cache';
import { percentile } from './support/stats';

const PAGE = 100;
const DEEP_PAGE = 50;
const BUSY_MSPS = 5;
const SIX = MSP_CATEGORIES.map((c) => `'${c}'`).join(', ');

/** One filter of the MSP Activity Log: its port query and the predicate of its hand-written SQL twin. */
interface Filter {
  name: string;
  /** After `msp_id = ?`: the simplest correct predicate a person would write for this filter. */
  sql: string;
  /** An index the hand-written SQL names where SQLite's planner (no ANALYZE statistics) picks a worse one. */
  indexedBy?: string;
  query(run: number, msp: Msp): { extra: Partial<ActivityLogQuery>; params: unknown[]; window?: TimeWindow };
}

const LAST_30_DAYS: TimeWindow = { from: new Date(DATASET_END_MS - 30 * DAY_MS).toISOString(), to: new Date(DATASET_END_MS).toISOString() };
const rank = (run: number) => Math.floor(run / BUSY_MSPS) % 5;

/** Each run varies the MSP among the busiest, and the member, organization or category within it. */
const FILTERS: Filter[] = [
  { name: 'no filter', sql: `AND category IN (${SIX})`, query: () => ({ extra: {}, params: [] }) },
  {
    // The email is resolved to its member by the key store's keyed hash before the store reads the query.
    name: 'by member email', sql: `AND category IN (${SIX}) AND initiator_id = ?`,
    query: (run, msp) => ({ extra: { initiatorIn: [msp.members[rank(run)].id] }, params: [msp.members[rank(run)].id] }),
  },
  {
    name: 'by organization', sql: `AND category IN (${SIX}) AND org_id = ?`,
    query: (run, msp) => ({ extra: { organizationId: msp.orgs[rank(run)].id }, params: [msp.orgs[rank(run)].id] }),
  },
  {
    name: 'by category', sql: 'AND category = ?', indexedBy: 'activity_msp_category', // one of the six already
    query: (run) => {
      const category: ActivityCategory = MSP_CATEGORIES[run % MSP_CATEGORIES.length];
      return { extra: { category }, params: [category] };
    },
  },
  {
    name: 'by a 7-day range', sql: `AND category IN (${SIX})`,
    query: (run) => {
      const to = DATASET_END_MS - (run % 14) * DAY_MS;
      return { extra: {}, params: [], window: { from: new Date(to - 7 * DAY_MS).toISOString(), to: new Date(to).toISOString() } };
    },
  },
];

/**
 * Figure 4: MSP Activity Log queries on millions of entries. A seeded, skewed dataset (cached in
 * bench/.cache) is queried through the store port (`store.query`, the API's code path) for the
 * first page and the 50th (keyset cursor, 100 per page), beside the same query as hand-written
 * SQL prepared once on the same connection (the floor: no port, no row mapping).
 */
export async function queryBench(): Promise<Figure[]> {
  const entries = envInt('BENCH_QUERY_ENTRIES', 5_000_000);
  const seed = envInt('BENCH_QUERY_SEED', 42);
  const runs = envInt('BENCH_QUERY_RUNS', 50);
  const { file, builtInSeconds } = await cachedFile(`activity-${entries}-seed${seed}.sqlite`, (f) => seedEntries(f, entries, seed));
  const figures: Figure[] = [
    builtInSeconds === undefined
      ? { figure: 'query', variant: 'seeding', value: 0, unit: 's', note: `cached: ${file}` }
      : { figure: 'query', variant: 'seeding', value: builtInSeconds, unit: 's', note: `${entries.toLocaleString('en-US')} entries, ${Math.round(entries / builtInSeconds).toLocaleString('en-US')} entries/s` },
    { figure: 'query', variant: 'read DB file size', value: statSync(file).size / 2 ** 20, unit: 'MiB', note: `${entries.toLocaleString('en-US')} entries, 50 MSPs, 2,000 organizations, 90 days` },
  ];
  const db = openReadDatabase(file);
  try {
    const store = new SqliteActivityLogStore(db);
    const msps = createWorld({ seed }).msps.slice(0, BUSY_MSPS);
    const size = `${entries.toLocaleString('en-US')} entries`;
    for (const filter of FILTERS) figures.push(...(await measure(db, store, filter, msps, runs, size)));
  } finally {
    db.close();
  }
  return figures;
}

async function measure(db: Database.Database, store: SqliteActivityLogStore, filter: Filter, msps: Msp[], runs: number, size: string): Promise<Figure[]> {
  const table = filter.indexedBy ? `activity_entries INDEXED BY ${filter.indexedBy}` : 'activity_entries';
  const where = `SELECT * FROM ${table} WHERE msp_id = ? ${filter.sql} AND occurred_at >= ?`;
  const order = `ORDER BY occurred_at DESC, position DESC LIMIT ${PAGE + 1}`;
  const first = db.prepare(`${where} AND occurred_at < ? ${order}`).safeIntegers(true);
  // Past page 1 the cursor is the upper bound (it lies below the window's end already).
  const next = db.prepare(`${where} AND (occurred_at, position) < (?, ?) ${order}`).safeIntegers(true);
  const example = filter.query(0, msps[0]);
  const port = (after?: CursorPosition) =>
    buildQuery({ scope: { mspId: msps[0].id }, categories: MSP_CATEGORIES, ...example.extra, window: LAST_30_DAYS, after, limit: PAGE + 1 });
  const cursor = { occurredAt: LAST_30_DAYS.to, position: 0n };
  const sqlArgs = [msps[0].id, ...example.params, LAST_30_DAYS.from];
  const plans = `index (page 1 / next pages): port ${indexOf(db, port().sql, port().params)} / ${indexOf(db, port(cursor).sql, port(cursor).params)}, ` +
    `SQL ${indexOf(db, first.source, [...sqlArgs, LAST_30_DAYS.to])} / ${indexOf(db, next.source, [...sqlArgs, cursor.occurredAt, 0])}`;
  const times = { port1: [] as number[], sql1: [] as number[], portN: [] as number[], sqlN: [] as number[] };
  let reached = 0;
  for (let run = 0; run < runs; run++) {
    const msp = msps[run % msps.length];
    const { extra, params, window = LAST_30_DAYS } = filter.query(run, msp);
    const query = (after?: CursorPosition) =>
      store.query({ scope: { mspId: msp.id }, categories: MSP_CATEGORIES, ...extra, window, after, limit: PAGE + 1 });
    const args = [msp.id, ...params, window.from];
    const sql = (after?: CursorPosition) => (after ? next.all(...args, after.occurredAt, after.position) : first.all(...args, window.to));
    // The first page, then walk the cursor to the 50th (or the last page there is) and time that one.
    timePair(times.port1, times.sql1, run, () => query(), () => sql());
    let after: CursorPosition | undefined;
    let page = 1;
    for (let rows = await query(); page < DEEP_PAGE && rows.length > PAGE; page++) {
      after = { occurredAt: rows[PAGE - 1].occurredAt, position: rows[PAGE - 1].position };
      rows = await query(after);
    }
    if (page === DEEP_PAGE) reached++;
    timePair(times.portN, times.sqlN, run, () => query(after), () => sql(after));
  }
  const f = (variant: string, samples: number[], note?: string): Figure[] => [
    { figure: 'query', variant: `${filter.name}, ${variant}: p50`, value: percentile(samples, 50), unit: 'ms', note },
    { figure: 'query', variant: `${filter.name}, ${variant}: p95`, value: percentile(samples, 95), unit: 'ms' },
  ];
  const deep = `page ${DEEP_PAGE}${reached < runs ? ' (or last)' : ''}`;
  return [
    ...f('page 1, port', times.port1, `${size}; ${runs} runs over the ${msps.length} busiest MSPs; ${plans}`),
    ...f('page 1, plain SQL (floor)', times.sql1),
    ...f(`${deep}, port`, times.portN, `${reached}/${runs} runs had ${DEEP_PAGE} pages`),
    ...f(`${deep}, plain SQL (floor)`, times.sqlN),
  ];
}

/** The index SQLite's plan uses for a query, and whether it must sort. */
function indexOf(db: Database.Database, sql: string, params: unknown): string {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array.isArray(params) ? params : [params])) as { detail: string }[]).map((r) => r.detail).join('; ');
  const index = /USING (?:COVERING )?INDEX (\w+)/.exec(plan)?.[1] ?? plan;
  return /TEMP B-TREE/.test(plan) ? `${index} + sort` : index;
}

/**
 * Times both forms of one query, alternating which goes first so cache warmth is shared fairly.
 * The SQLite store does its work synchronously inside `query` (the promise is already settled),
 * so timing the call covers the SQL and the row mapping.
 */
function timePair(portTimes: number[], sqlTimes: number[], run: number, port: () => unknown, sql: () => unknown): void {
  const time = (fn: () => unknown) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  if (run % 2 === 0) {
    portTimes.push(time(port));
    sqlTimes.push(time(sql));
  } else {
    sqlTimes.push(time(sql));
    portTimes.push(time(port));
  }
}

/**
 * Seeds `count` entries through the store port, 10,000 per batch, oldest first. The secondary
 * indexes are dropped first and recreated at the end by the store's own schema (a sorted build:
 * much faster than 5M random index inserts, and slightly denser than an index grown online).
 */
async function seedEntries(file: string, count: number, seed: number): Promise<void> {
  const db = openReadDatabase(file);
  db.pragma('synchronous = OFF'); // a cache file: rebuilt from scratch if a crash interrupts it
  db.pragma('cache_size = -1048576');
  const store = new SqliteActivityLogStore(db);
  const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity_entries' AND sql IS NOT NULL`).pluck().all();
  for (const name of indexes) db.exec(`DROP INDEX "${name}"`);
  let batch: ActivityEntry[] = [];
  const started = performance.now();
  const progress = (done: number) => console.error(`  query: seeded ${done.toLocaleString('en-US')} entries (${Math.round(done / ((performance.now() - started) / 1000))}/s)`);
  for (const event of createWorld({ seed }).events(count)) {
    const entry = toActivityEntry({ ...event, revision: 0n, schemaVersion: 1 } as RecordedEvent);
    if (entry) batch.push(entry);
    if (batch.length === 10_000) {
      await store.applyBatch(batch, batch[batch.length - 1].position);
      batch = [];
      if (event.position % 1_000_000n === 0n) progress(Number(event.position));
    }
  }
  if (batch.length > 0) await store.applyBatch(batch, batch[batch.length - 1].position);
  const indexing = performance.now();
  new SqliteActivityLogStore(db); // CREATE INDEX IF NOT EXISTS: the schema's indexes, built in one pass each
  console.error(`  query: indexed in ${((performance.now() - indexing) / 1000).toFixed(0)} s`);
  db.close();
}

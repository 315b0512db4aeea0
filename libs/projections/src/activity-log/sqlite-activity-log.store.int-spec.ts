import Database from 'better-sqlite3';
import { MSP_CATEGORIES } from '@app/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeActivityLogStoreContract, entry } from './activity-log.store.contract';
import { ACTIVITY_FILTERS, ACTIVITY_INDEX_NAMES, indexFor } from './activity-log.indexes';
import { ActivityLogQuery } from './activity-log.store';
import { buildQuery, SqliteActivityLogStore } from './sqlite-activity-log.store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function openDatabase(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'activity-store-'));
  dirs.push(dir);
  return openReadDatabase(join(dir, 'read-models.sqlite'));
}

/** The secondary indexes of the table, as sqlite_master lists them (not the UNIQUE constraint's own). */
const indexNames = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity_entries' AND sql IS NOT NULL").pluck().all() as string[];

describeActivityLogStoreContract('SQLite', async () => {
  const db = openDatabase();
  return { store: new SqliteActivityLogStore(db), indexNames: async () => indexNames(db) };
});

describe('SqliteActivityLogStore', () => {
  it('drops its secondary indexes for a rebuild, and builds them once after it', async () => {
    const db = openDatabase();
    const store = new SqliteActivityLogStore(db);
    await store.beforeRebuild();
    expect(indexNames(db)).toEqual([]);
    await store.applyBatch([entry()], 1n);
    await store.afterRebuild();
    expect(indexNames(db).sort()).toEqual([...ACTIVITY_INDEX_NAMES].sort());
  });

  it('reads every filter combination through the index the spec names, in index order (no sort step)', () => {
    const db = openDatabase();
    new SqliteActivityLogStore(db);
    const filters = [...(Object.keys(ACTIVITY_FILTERS) as (keyof typeof ACTIVITY_FILTERS)[]), 'initiatorIn'] as const;
    const values = { category: 'Billing', organizationId: 'org-2', memberId: 'm-1', itemId: 'i-1', initiatorIn: ['m-1'] } as const;
    const scopes: ActivityLogQuery['scope'][] = [{ mspId: 'msp-a' }, { mspId: 'msp-a', orgId: 'org-1' }, { orgId: 'org-1' }];
    for (const scope of scopes) {
      for (let mask = 0; mask < 2 ** filters.length; mask++) {
        const set = Object.fromEntries(filters.filter((_, i) => mask & (2 ** i)).map((f) => [f, values[f]]));
        for (const [after, categories] of [
          [undefined, ['Billing']], [{ occurredAt: '2026-02-01T00:00:00.000Z', position: 5n }, ['Billing']], [undefined, MSP_CATEGORIES],
        ] as const) {
          const q: ActivityLogQuery = { scope, categories, window: { from: '2026-01-01', to: '2026-03-01' }, limit: 10, after, ...set };
          const { sql, params } = buildQuery(q);
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('; ');
          expect([q, plan]).toEqual([q, expect.stringContaining(`USING INDEX ${indexFor(q)}`)]);
          expect([q, plan]).toEqual([q, expect.not.stringContaining('TEMP B-TREE')]);
        }
      }
    }
  });

  it("plans the MSP log filtered by organization on the partial index of the MSP log's categories, page 1 and past it", () => {
    const db = openDatabase();
    new SqliteActivityLogStore(db);
    const definition = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'activity_msp_log_org'").pluck().get() as string;
    expect(definition).toMatch(/\(msp_id, org_id, occurred_at, position\) WHERE category IN \('MSP Access', .*'Settings'\)$/);
    // The API's query (ActivityLogService.mspLog) with an organization filter, as the bench's row reads it.
    const mspLog: ActivityLogQuery = {
      scope: { mspId: 'msp-a' }, categories: MSP_CATEGORIES, organizationId: 'org-2', window: { from: '2026-01-01', to: '2026-03-01' }, limit: 101,
    };
    // INDEXED BY a partial index fails to prepare ("no query solution") unless the query repeats its WHERE term.
    for (const q of [mspLog, { ...mspLog, after: { occurredAt: '2026-02-01T00:00:00.000Z', position: 5n } }]) {
      const { sql, params } = buildQuery(q);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('; ');
      expect(plan).toMatch(/^SEARCH activity_entries USING INDEX activity_msp_log_org \(msp_id=\? AND org_id=\? AND /);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});

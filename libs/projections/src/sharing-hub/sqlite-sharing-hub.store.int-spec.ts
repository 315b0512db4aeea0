import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeSharingHubStoreContract } from './sharing-hub.store.contract';
import { SqliteSharingHubStore } from './sqlite-sharing-hub.store';

describe('SqliteSharingHubStore', () => {
  const opened: { db: Database.Database; dir: string }[] = [];

  afterEach(() => {
    for (const { db, dir } of opened.splice(0)) {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function openFresh(): { db: Database.Database; file: string; store: SqliteSharingHubStore } {
    const dir = mkdtempSync(join(tmpdir(), 'sharing-hub-'));
    const file = join(dir, 'read.db');
    const db = openReadDatabase(file);
    opened.push({ db, dir });
    return { db, file, store: new SqliteSharingHubStore(db) };
  }

  describeSharingHubStoreContract('sqlite', async () => openFresh().store);

  it('creates its tables and indexes once, beside other views, and reopens the same file', async () => {
    const { db, file, store } = openFresh();
    await store.save({ records: [], history: [], policies: [], checkpoint: 7n });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['checkpoints', 'sharing_hub_history', 'sharing_hub_policies', 'sharing_hub_records']));
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sharing_hub_%'").pluck().all();
    expect(indexes.length).toBeGreaterThanOrEqual(4);
    const again = openReadDatabase(file);
    try {
      expect(await new SqliteSharingHubStore(again).checkpoint()).toBe(7n);
    } finally {
      again.close();
    }
  });

  it('writes a batch and its checkpoint in one transaction: a failing batch leaves nothing', async () => {
    const { db } = openFresh();
    db.exec(`CREATE TRIGGER fail_policies BEFORE INSERT ON sharing_hub_policies BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    const store = new SqliteSharingHubStore(db); // prepared after the trigger exists
    const entry = {
      eventId: 'e1', position: 1n, occurredAt: '2026-06-01T00:00:00.000Z', orgId: 'o', recordId: 'r', kind: 'item' as const,
      change: 'created' as const, by: { id: 'ann', name: null, email: null },
    };
    const policy = { orgId: 'o', restrictSharingOutsideOrg: true, position: 1n, occurredAt: entry.occurredAt };
    // Not `.rejects.toThrow`: the native addon's SqliteError may come from another jest realm (not `instanceof Error` here).
    await expect(store.save({ records: [], history: [entry], policies: [policy], checkpoint: 1n })).rejects.toMatchObject({
      message: 'disk gone',
    });
    expect(db.prepare('SELECT count(*) FROM sharing_hub_history').pluck().get()).toBe(0);
    expect(await store.checkpoint()).toBeUndefined();
  });

  it('answers the default hub query from an index', () => {
    const { db } = openFresh();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM sharing_hub_records WHERE org_id = 'o' AND deleted = 0
         AND updated_at >= 'a' AND updated_at < 'b' ORDER BY updated_at DESC, last_position DESC LIMIT 10`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX sharing_hub_records_org_/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});

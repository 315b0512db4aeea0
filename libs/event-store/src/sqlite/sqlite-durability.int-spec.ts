import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore: durability and group commit', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-sqlite-'));
    file = join(dir, 'nested', 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses WAL with synchronous=FULL, so a returned append is on disk', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('org-1', [event('A')], 'no_stream');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    db.close();
    const inStore = (store as unknown as { db: Database.Database }).db;
    expect(inStore.pragma('synchronous', { simple: true })).toBe(2n); // 2 = FULL
    await store.close();
  });

  it('holds the write lock from its first read, so another process committing meanwhile never fails an append', async () => {
    const other: { db?: Database.Database } = {};
    // The other process: a connection to the same file that commits (as the worker's indexer does) at
    // the moment the append transaction has read and not yet written. The clock runs at that moment.
    let otherWrote: boolean | undefined;
    const store = new SqliteEventStore({
      file,
      clock: () => {
        if (otherWrote === undefined && other.db) {
          try {
            other.db.prepare('INSERT INTO integrity_index (id, indexed) VALUES (0, 0) ON CONFLICT DO NOTHING').run();
            otherWrote = true;
          } catch (error) {
            otherWrote = (error as { code?: string }).code === 'SQLITE_BUSY' ? false : undefined;
          }
        }
        return new Date();
      },
    });
    await store.append('org-0', [event('A')], 'no_stream');
    other.db = new Database(file, { timeout: 0 });
    await expect(store.append('org-1', [event('A')], 'no_stream')).resolves.toMatchObject({ position: 2n });
    // The other writer waited for the append's lock (here refused at once, for want of a timeout).
    expect(otherWrote).toBe(false);
    expect(await store.readAll()).toHaveLength(2);
    other.db.close();
    await store.close();
  });

  it('keeps every acknowledged append across a reopen', async () => {
    const store = new SqliteEventStore({ file });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`org-${i}`, [event('A')], 'no_stream')));
    await store.close();
    const reopened = new SqliteEventStore({ file });
    expect(await reopened.readAll()).toHaveLength(50);
    expect(await reopened.headPosition()).toBe(50n);
    await reopened.close();
  });

  it('coalesces concurrent appends into few transactions', async () => {
    const store = new SqliteEventStore({ file });
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => store.append(`org-${i}`, [event('A'), event('B')], 'no_stream')),
    );
    expect(store.transactionsCommitted).toBeLessThan(8);
    expect(new Set(results.map((r) => r.position)).size).toBe(64);
    await store.close();
  });

  it('rejects only the losing append of a batch; the others commit', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('org-x', [event('Created')], 'no_stream');
    const [ok1, bad, ok2] = await Promise.allSettled([
      store.append('org-y', [event('A')], 'no_stream'),
      store.append('org-x', [event('B')], 5n),
      store.append('org-z', [event('C')], 'no_stream'),
    ]);
    expect([ok1.status, bad.status, ok2.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['Created', 'A', 'C']);
    await store.close();
  });

  it('refuses a duplicate event id with a clear error and writes nothing of that append', async () => {
    const store = new SqliteEventStore({ file });
    const id = '0190b6a8-7c4d-7e01-9b7a-5c1a2b3c4d5e';
    await store.append('org-1', [event('A', {}, id)], 'no_stream');
    await expect(store.append('org-2', [event('B'), event('C', {}, id)], 'no_stream')).rejects.toThrow(
      `An event with id ${id} is already stored`,
    );
    expect(await store.readStream('org-2')).toEqual([]);
    await store.close();
  });

  it('writes what was accepted before close, then refuses', async () => {
    const store = new SqliteEventStore({ file });
    const pending = store.append('org-1', [event('A')], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore({ file });
    expect(await reopened.readStream('org-1')).toHaveLength(1);
    await reopened.close();
  });
});

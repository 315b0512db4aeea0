import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, waitUntil } from '../contract/event-store.contract';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { describeAuditLogContract } from './audit-log.contract';
import { indexFileOf } from './integrity-schema';
import { IntegrityWriter } from './integrity-writer';
import { SqliteAuditLog } from './sqlite-audit-log';

const temp = () => mkdtempSync(join(tmpdir(), 'audit-log-'));

describeAuditLogContract('inline, in the SQLite append transaction', async () => {
  const dir = temp();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const log = SqliteAuditLog.openEventsFile(join(dir, 'events.sqlite'));
  return {
    store, log, caughtUp: async () => undefined,
    close: async () => {
      await Promise.all([store.close(), log.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The EventStoreDB path, run here over a SQLite store without its inline log.
describeAuditLogContract('the downstream integrity writer (envelope leaves)', async () => {
  const dir = temp();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), integrity: false });
  const writer = IntegrityWriter.openFile(store, join(dir, 'integrity.sqlite'));
  writer.start();
  const log = SqliteAuditLog.openFile(join(dir, 'integrity.sqlite'));
  return {
    store, log,
    caughtUp: async () => {
      const head = await store.headPosition();
      await waitUntil(() => writer.lastPosition === head, 5000);
    },
    close: async () => {
      await writer.stop();
      await Promise.all([store.close(), log.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('the downstream integrity writer', () => {
  it('stops on a batch it cannot log, writes none of it, and resumes after the last one it logged', async () => {
    const dir = temp();
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), integrity: false });
    const db = openEventDatabase({ file: join(dir, 'integrity.sqlite') });
    const writer = new IntegrityWriter(store, db);
    const errors: unknown[] = [];
    writer.onError = (error) => errors.push(error);
    writer.start();
    const append = (stream: string) => store.append(stream, [event('A')], 'no_stream');
    await append('s-1');
    await append('s-2');
    await waitUntil(() => writer.lastPosition === 2n);
    db.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON integrity_nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await append('s-3');
    await waitUntil(() => errors.length === 1);
    expect(writer.lastPosition).toBe(2n);
    db.exec('DROP TRIGGER full_disk');
    writer.start();
    await append('s-4');
    await waitUntil(() => writer.lastPosition === 4n);
    const log = new SqliteAuditLog(db, 'leaf-data');
    expect((await log.state()).size).toBe(4);
    expect(await Promise.all([0, 1, 2, 3].map((i) => log.positionOfLeaf(i)))).toEqual([1n, 2n, 3n, 4n]);
    await writer.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the embedded store’s derived index', () => {
  it('lives in a file of its own: indexing completes while another connection holds the events file’s write lock', async () => {
    const dir = temp();
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const events = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => store.append(`s-${i}`, [{ ...event('A'), metadata: { ...event('A').metadata, tenant: { mspId: 'm1', orgId: `o${i % 3}` } } }], 'no_stream')));
    await events(12);
    const blocker = openEventDatabase({ file });
    blocker.pragma('busy_timeout = 0');
    const log = SqliteAuditLog.openEventsFile(file);
    try {
      blocker.prepare('BEGIN IMMEDIATE').run(); // as an append transaction would
      const { size, heads } = await log.state();
      expect(size).toBe(12);
      expect(heads.map((h) => [h.scope, h.count])).toEqual([['msp:m1', 12], ['org:o0', 4], ['org:o1', 4], ['org:o2', 4]]);
      expect((await log.scopeEntries('org:o1', { limit: 10 })).map((e) => e.seq)).toEqual([0, 1, 2, 3]);
      blocker.prepare('ROLLBACK').run();
      // Nothing derived went to the events file; a store opened afterwards takes its heads from the index file.
      expect(blocker.prepare('SELECT count(*) FROM integrity_links').pluck().get()).toBe(0n);
      expect(existsSync(indexFileOf(file))).toBe(true);
      await store.close();
      const reopened = new SqliteEventStore({ file });
      await reopened.append('s-last', [{ ...event('A'), metadata: { ...event('A').metadata, tenant: { mspId: 'm1', orgId: 'o1' } } }], 'no_stream');
      expect((await log.scopeEntries('org:o1', { limit: 10 })).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
      await reopened.close();
    } finally {
      blocker.close();
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is derived again when the events file is an older copy than the index (a restored backup)', async () => {
    const dir = temp();
    const file = join(dir, 'events.sqlite');
    const ofOrg = (orgId: string) => ({ ...event('A'), metadata: { ...event('A').metadata, tenant: { mspId: 'm1', orgId } } });
    const store = new SqliteEventStore({ file });
    for (let i = 0; i < 12; i++) await store.append(`s-${i}`, [ofOrg(`o${i % 3}`)], 'no_stream');
    const backup = openEventDatabase({ file });
    backup.exec(`VACUUM INTO '${join(dir, 'backup.sqlite')}'`);
    backup.close();
    for (let i = 12; i < 15; i++) await store.append(`s-${i}`, [ofOrg('o1')], 'no_stream');
    const log = SqliteAuditLog.openEventsFile(file);
    expect((await log.state()).size).toBe(15);
    await Promise.all([log.close(), store.close()]);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    copyFileSync(join(dir, 'backup.sqlite'), file);
    const restored = SqliteAuditLog.openEventsFile(file);
    const reopened = new SqliteEventStore({ file });
    try {
      const { size, heads } = await restored.state();
      expect([size, heads.find((h) => h.scope === 'org:o1')?.count]).toEqual([12, 4]);
      await reopened.append('s-next', [ofOrg('o1')], 'no_stream');
      expect((await restored.scopeEntries('org:o1', { limit: 10 })).map((e) => [e.seq, e.leafIndex])).toEqual([[0, 1], [1, 4], [2, 7], [3, 10], [4, 12]]);
    } finally {
      await Promise.all([restored.close(), reopened.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

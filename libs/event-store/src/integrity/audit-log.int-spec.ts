import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event, waitUntil } from '../contract/event-store.contract';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { describeAuditLogContract } from './audit-log.contract';
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

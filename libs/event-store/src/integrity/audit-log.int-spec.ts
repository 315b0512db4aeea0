import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../contract/event-store.contract';
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

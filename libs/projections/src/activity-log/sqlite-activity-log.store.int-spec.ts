import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeActivityLogStoreContract } from './activity-log.store.contract';
import { SqliteActivityLogStore } from './sqlite-activity-log.store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeActivityLogStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'activity-store-'));
  dirs.push(dir);
  return new SqliteActivityLogStore(openReadDatabase(join(dir, 'read-models.sqlite')));
});

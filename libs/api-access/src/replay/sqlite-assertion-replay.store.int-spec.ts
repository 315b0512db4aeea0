import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAssertionReplayStoreContract } from './assertion-replay.store.contract';
import { SqliteAssertionReplayStore } from './sqlite-assertion-replay.store';

describe('SqliteAssertionReplayStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'replay-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describeAssertionReplayStoreContract('sqlite (one file, as API processes on one DATA_DIR share it)', async (now) =>
    new SqliteAssertionReplayStore(join(dir, 'api-access.sqlite'), { now }),
  );
});

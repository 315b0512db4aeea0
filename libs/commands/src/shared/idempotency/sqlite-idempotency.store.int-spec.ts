import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from './idempotency.store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

describe('SqliteIdempotencyStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describeIdempotencyStoreContract('SQLite', async (options) => new SqliteIdempotencyStore(join(dir, 'keys', 'idempotency.sqlite'), options));

  it('keeps keys across a reopen of the same file', async () => {
    const file = join(dir, 'idempotency.sqlite');
    const first = new SqliteIdempotencyStore(file);
    await first.begin('s', 'k', 'fp');
    await first.complete('s', 'k', 201, { id: 1 });
    await first.close();
    const again = new SqliteIdempotencyStore(file);
    expect(await again.begin('s', 'k', 'fp')).toEqual({ kind: 'replay', status: 201, body: { id: 1 } });
    await again.close();
  });
});

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSecretStoreContract } from './secret-store.contract';
import { SqliteSecretStore } from './sqlite-secret-store';

describe('SqliteSecretStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeSecretStoreContract('sqlite', async () => new SqliteSecretStore(join(dir, 'secrets.sqlite')));

  it('keeps its file readable by its owner only, and what it stores across a reopen', async () => {
    const file = join(dir, 'private', 'secrets.sqlite');
    const store = new SqliteSecretStore(file);
    await store.put({ ownerId: 'o', version: 'v', sealed: 'k1.x', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const reopened = new SqliteSecretStore(file);
    expect(await reopened.get('o', 'v')).toMatchObject({ sealed: 'k1.x' });
    await reopened.close();
  });
});

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKeyStoreContract } from './key-store.contract';
import { SqliteKeyStore } from './sqlite-key-store';

describe('SqliteKeyStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeKeyStoreContract('sqlite', async () => new SqliteKeyStore(join(dir, 'keys.sqlite')));

  it('keeps its file readable by its owner only, and its keys across a reopen', async () => {
    const file = join(dir, 'private', 'keys.sqlite');
    const store = new SqliteKeyStore(file);
    await store.putSubjectKey({ keyId: 'a'.repeat(24), scope: 'org:o', memberId: 'm', wrapped: 'k1.x', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const reopened = new SqliteKeyStore(file);
    expect(await reopened.subjectKeys(['a'.repeat(24)])).toHaveLength(1);
    await reopened.close();
  });

  it('sweeps a key that was written beside its tombstone', async () => {
    const store = new SqliteKeyStore(':memory:');
    const s = { keyId: 'b'.repeat(24), scope: 'org:o', memberId: 'm', wrapped: 'k1.x', createdAt: '2026-01-01T00:00:00.000Z' };
    await store.putSubjectKey(s);
    // As a second process might: the tombstone lands while the key is still there.
    (store as unknown as { db: import('better-sqlite3').Database }).db.prepare("INSERT INTO erased_subjects VALUES (?, 'org:o', 'm', 'now')").run(s.keyId);
    expect(await store.sweepErased()).toBe(1);
    expect(await store.subjectKeys([s.keyId])).toEqual([]);
    await store.close();
  });
});

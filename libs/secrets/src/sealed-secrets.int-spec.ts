import { KeyRing, MasterKey } from '@app/crypto';
import { SealedSecrets, SecretUnavailableError } from './sealed-secrets';
import { SqliteSecretStore } from './sqlite-secret-store';

describe('SealedSecrets (on the SQLite store)', () => {
  const oldKey = MasterKey.generate();
  const newKey = MasterKey.generate();
  let store: SqliteSecretStore;
  beforeEach(() => (store = new SqliteSecretStore(':memory:')));
  afterEach(() => store.close());

  const HEC_TOKEN = '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd';

  it('stores only an envelope, and opens it for its owner and version', async () => {
    const secrets = new SealedSecrets(store, new KeyRing(newKey));
    await secrets.seal('int-1', 'v1', HEC_TOKEN);
    const [stored] = await store.versions('int-1');
    expect(stored.sealed).not.toContain(HEC_TOKEN);
    expect(stored.sealed).toMatch(new RegExp(`^k1\\.${newKey.id}\\.`));
    expect(await secrets.open('int-1', 'v1')).toBe(HEC_TOKEN);
  });

  it('refuses an envelope copied to another owner or version', async () => {
    const secrets = new SealedSecrets(store, new KeyRing(newKey));
    await secrets.seal('int-1', 'v1', HEC_TOKEN);
    const [stored] = await store.versions('int-1');
    await store.put({ ...stored, ownerId: 'int-2' });
    await store.put({ ...stored, version: 'v2' });
    await expect(secrets.open('int-2', 'v1')).rejects.toThrow(/cannot be opened/);
    await expect(secrets.open('int-1', 'v2')).rejects.toThrow(SecretUnavailableError);
  });

  it('says what to do when the version is missing or its master key is not configured', async () => {
    await new SealedSecrets(store, new KeyRing(oldKey)).seal('int-1', 'v1', HEC_TOKEN);
    const secrets = new SealedSecrets(store, new KeyRing(newKey));
    await expect(secrets.open('int-1', 'v9')).rejects.toThrow(/no stored secret \(version v9\): enter the secret again/);
    await expect(secrets.open('int-1', 'v1')).rejects.toThrow(new RegExp(`master key ${oldKey.id}, which is not configured: add it to SECRETS_MASTER_KEY_PREVIOUS`));
  });

  it('rotates the master key: opens with the previous key and rewraps, on opening or all at once', async () => {
    const before = new SealedSecrets(store, new KeyRing(oldKey));
    await before.seal('int-1', 'v1', HEC_TOKEN);
    await before.seal('int-2', 'v1', 'sentinel-client-secret');
    const rotated = new SealedSecrets(store, new KeyRing(newKey, [oldKey]));
    expect(await rotated.open('int-1', 'v1')).toBe(HEC_TOKEN);
    expect((await store.get('int-1', 'v1'))?.sealed).toMatch(new RegExp(`^k1\\.${newKey.id}\\.`));
    expect(await rotated.rewrapAll(1)).toEqual({ total: 2, rewrapped: 1, failed: 0 });
    const afterDrop = new SealedSecrets(store, new KeyRing(newKey));
    expect(await afterDrop.open('int-2', 'v1')).toBe('sentinel-client-secret');
  });

  it('prunes the versions no one needs: never the one in use, nor one written a moment ago', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const secrets = new SealedSecrets(store, new KeyRing(newKey), () => now);
    await secrets.seal('int-1', 'v1', 'first-secret');
    now = new Date('2026-01-01T01:00:00.000Z');
    await secrets.seal('int-1', 'v2', 'second-secret');
    now = new Date('2026-01-01T02:00:00.000Z');
    await secrets.seal('int-1', 'v3', 'an-orphan-in-flight');
    expect(await secrets.prune('int-1', { keep: 'v2', writtenBefore: '2026-01-01T01:30:00.000Z' })).toBe(1);
    expect((await store.versions('int-1')).map((s) => s.version)).toEqual(['v2', 'v3']);
    expect(await secrets.prune('int-1', { writtenBefore: '2026-01-01T03:00:00.000Z' })).toBe(2);
    expect(await store.versions('int-1')).toEqual([]);
  });
});

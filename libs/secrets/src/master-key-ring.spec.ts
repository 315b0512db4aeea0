import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKey, MasterKeyConfigError } from '@app/crypto';
import { masterKeyRing } from './master-key-ring';

describe('masterKeyRing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'master-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the primary key from SECRETS_MASTER_KEY and older ones from SECRETS_MASTER_KEY_PREVIOUS', () => {
    const [primary, old] = [MasterKey.generate(), MasterKey.generate()];
    const { ring, source } = masterKeyRing({ SECRETS_MASTER_KEY: primary.toBase64(), SECRETS_MASTER_KEY_PREVIOUS: old.toBase64(), DATA_DIR: dir, embedded: false });
    expect(ring.keyIds).toEqual([primary.id, old.id]);
    expect(source).toBe(`SECRETS_MASTER_KEY (key ${primary.id})`);
    expect(source).not.toContain(primary.toBase64());
  });

  it('generates one key file in embedded mode, mode 600, and reads the same key after', () => {
    const first = masterKeyRing({ DATA_DIR: dir, embedded: true });
    const second = masterKeyRing({ DATA_DIR: dir, embedded: true });
    expect(first.source).toMatch(/^generated .*master\.key/);
    expect(second.ring.primary.id).toBe(first.ring.primary.id);
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('requires SECRETS_MASTER_KEY outside embedded mode', () => {
    expect(() => masterKeyRing({ DATA_DIR: dir, embedded: false })).toThrow(MasterKeyConfigError);
    expect(() => masterKeyRing({ DATA_DIR: dir, embedded: false })).toThrow(/SECRETS_MASTER_KEY is required when EVENTSTORE_URL is set/);
  });
});

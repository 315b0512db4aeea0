import { v7 as uuidv7 } from 'uuid';
import { SecretStore, StoredSecret } from './secret-store.port';

/** What every SecretStore adapter must do. Each test uses owners of its own, so a shared server is fine. */
export function describeSecretStoreContract(adapterName: string, open: () => Promise<SecretStore>): void {
  describe(`SecretStore contract: ${adapterName}`, () => {
    let store: SecretStore;
    let ownerId: string;
    beforeEach(async () => {
      store = await open();
      ownerId = uuidv7();
    });
    afterEach(() => store.close());

    const secret = (version = uuidv7(), overrides: Partial<StoredSecret> = {}): StoredSecret => ({
      ownerId, version, sealed: `k1.sealed-${version}`, createdAt: new Date().toISOString(), ...overrides,
    });

    it('gives back a version as written, and nothing for an unknown one', async () => {
      const s = secret();
      await store.put(s);
      expect(await store.get(ownerId, s.version)).toEqual(s);
      expect(await store.get(ownerId, uuidv7())).toBeUndefined();
      expect(await store.get(uuidv7(), s.version)).toBeUndefined();
    });

    it('keeps the first write of a version', async () => {
      const s = secret();
      await store.put(s);
      await store.put({ ...s, sealed: 'k1.other' });
      expect((await store.get(ownerId, s.version))?.sealed).toBe(s.sealed);
    });

    it('lists one owner’s versions oldest first, and deletes the ones named', async () => {
      const older = secret(uuidv7(), { createdAt: '2026-01-01T00:00:00.000Z' });
      const newer = secret(uuidv7(), { createdAt: '2026-02-01T00:00:00.000Z' });
      await store.put(newer);
      await store.put(older);
      await store.put({ ...secret(), ownerId: uuidv7() });
      expect(await store.versions(ownerId)).toEqual([older, newer]);
      expect(await store.delete(ownerId, [older.version, uuidv7()])).toBe(1);
      expect(await store.versions(ownerId)).toEqual([newer]);
      expect(await store.delete(ownerId, [])).toBe(0);
    });

    it('replaces the envelope of a stored version only', async () => {
      const s = secret();
      await store.put(s);
      await store.replace(s, 'k1.rewrapped');
      await store.replace({ ownerId, version: uuidv7() }, 'k1.nowhere');
      expect(await store.versions(ownerId)).toEqual([{ ...s, sealed: 'k1.rewrapped' }]);
    });

    it('pages through every version in (owner, version) order', async () => {
      const written = [secret(), secret(), secret()];
      for (const s of written) await store.put(s);
      const mine: StoredSecret[] = [];
      for (let page = await store.page(undefined, 2); page.length > 0; page = await store.page(page[page.length - 1], 2)) {
        expect(page.length).toBeLessThanOrEqual(2);
        mine.push(...page.filter((s) => s.ownerId === ownerId));
      }
      expect(mine).toEqual(written);
    });
  });
}

import { v7 as uuidv7 } from 'uuid';
import { CredentialRecord, CredentialsStore } from './credentials.store';
import { atPosition, testKey } from './credentials.test-events';

/**
 * What every credential directory adapter must do. Each test uses ids of its own, so it also runs
 * on a shared server; `open` gives a store whose checkpoint is not set yet.
 */
export function describeCredentialsStoreContract(adapterName: string, open: () => Promise<CredentialsStore>): void {
  describe(`CredentialsStore contract: ${adapterName}`, () => {
    let store: CredentialsStore;
    let mspId: string;
    let orgId: string;
    beforeEach(async () => {
      store = await open();
      mspId = `msp-${uuidv7()}`;
      orgId = `org-${uuidv7()}`;
    });

    const key = (position: bigint, overrides: Partial<CredentialRecord> = {}): CredentialRecord => ({
      id: uuidv7(), kind: 'msp_api_key', mspId, orgId: null, name: 'SIEM', status: 'active', scope: 'msp', ...testKey('a'),
      tokenHash: null, expiresAt: null, createdBy: 'm-1', createdAt: atPosition(position), rotatedAt: null, revokedAt: null, position, ...overrides,
    });
    const token = (position: bigint, overrides: Partial<CredentialRecord> = {}): CredentialRecord => ({
      ...key(position), kind: 'activity_log_token', mspId, orgId, scope: 'org_admin', algorithm: null, publicKey: null, thumbprint: null,
      tokenHash: uuidv7().replace(/-/g, '').padEnd(64, '0'), expiresAt: '2030-01-01T00:00:00.000Z', ...overrides,
    });
    const unused = (r: CredentialRecord) => ({ ...r, lastUsedAt: null });

    it('starts empty, with no checkpoint', async () => {
      expect(await store.checkpoint()).toBeUndefined();
      expect(await store.get(uuidv7())).toBeUndefined();
      expect(await store.findByTokenHash('0'.repeat(64))).toBeUndefined();
      expect(await store.list({ kind: 'msp_api_key', tenant: { mspId }, limit: 10 })).toEqual([]);
    });

    it('stores a batch with its checkpoint and gives records back as written', async () => {
      const k = key(5n);
      const t = token(6n, { scope: 'org_owner' });
      await store.save({ entries: [k, t], checkpoint: 7n });
      expect(await store.get(k.id)).toEqual(unused(k));
      expect(await store.get(t.id)).toEqual(unused(t));
      expect((await store.load([k.id, t.id, uuidv7()])).sort((a, b) => a.id.localeCompare(b.id))).toEqual([k, t].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await store.checkpoint()).toBe(7n);
    });

    it('finds a token by its hash only', async () => {
      const t = token(5n);
      await store.save({ entries: [t, key(6n)], checkpoint: 6n });
      expect(await store.findByTokenHash(t.tokenHash!)).toEqual(unused(t));
      expect(await store.findByTokenHash(t.tokenHash!.replace(/.$/, '1'))).toBeUndefined();
    });

    it('replaces a record only with one of a higher position; keeps positions beyond 2^53 exact; the checkpoint never moves back', async () => {
      const first = key(5n);
      await store.save({ entries: [first], checkpoint: 5n });
      await store.save({ entries: [{ ...first, status: 'revoked', position: 4n }], checkpoint: 5n });
      expect(await store.get(first.id)).toEqual(unused(first));
      const big = 2n ** 60n + 1n;
      const rotated = { ...first, ...testKey('b'), rotatedAt: atPosition(big), position: big };
      await store.save({ entries: [rotated], checkpoint: big });
      await store.save({ entries: [], checkpoint: 3n });
      expect(await store.get(first.id)).toEqual(unused(rotated));
      expect(await store.checkpoint()).toBe(big);
    });

    it('lists one tenant’s credentials of one kind in id order, page by page, apart from other tenants', async () => {
      const keys = [key(1n), key(2n), key(3n)];
      const other = key(4n, { mspId: `msp-${uuidv7()}` });
      const tokens = [token(5n), token(6n)];
      await store.save({ entries: [...keys, other, ...tokens, token(7n, { orgId: `org-${uuidv7()}` })], checkpoint: 7n });
      const first = await store.list({ kind: 'msp_api_key', tenant: { mspId }, limit: 2 });
      expect(first.map((r) => r.id)).toEqual(keys.slice(0, 2).map((r) => r.id));
      expect((await store.list({ kind: 'msp_api_key', tenant: { mspId }, afterId: first[1].id, limit: 2 })).map((r) => r.id)).toEqual([keys[2].id]);
      expect((await store.list({ kind: 'activity_log_token', tenant: { orgId }, limit: 10 })).map((r) => r.id)).toEqual(tokens.map((r) => r.id));
    });

    it('moves a credential’s last use forward only, shows it in reads, and keeps it through a reset', async () => {
      const k = key(5n);
      await store.save({ entries: [k], checkpoint: 5n });
      await store.recordUse(k.id, '2026-06-02T10:00:00.000Z');
      await store.recordUse(k.id, '2026-06-02T09:00:00.000Z');
      expect((await store.get(k.id))?.lastUsedAt).toBe('2026-06-02T10:00:00.000Z');
      expect((await store.list({ kind: 'msp_api_key', tenant: { mspId }, limit: 1 }))[0].lastUsedAt).toBe('2026-06-02T10:00:00.000Z');
      await store.reset();
      expect(await store.get(k.id)).toBeUndefined();
      expect(await store.checkpoint()).toBeUndefined();
      await store.save({ entries: [k], checkpoint: 5n });
      expect((await store.get(k.id))?.lastUsedAt).toBe('2026-06-02T10:00:00.000Z');
    });
  });
}

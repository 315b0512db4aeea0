import { v7 as uuidv7 } from 'uuid';
import { KeyStore, PeriodKeyRecord, SubjectKeyRecord } from './key-store.port';

/** What every KeyStore adapter must do. Each test uses ids of its own, so a shared server is fine. */
export function describeKeyStoreContract(adapterName: string, open: () => Promise<KeyStore>): void {
  describe(`KeyStore contract: ${adapterName}`, () => {
    let store: KeyStore;
    beforeEach(async () => (store = await open()));
    afterEach(() => store.close());

    const hex = () => uuidv7().replace(/-/g, '').slice(8, 32);
    const subject = (overrides: Partial<SubjectKeyRecord> = {}): SubjectKeyRecord => ({
      keyId: hex(), scope: `org:${uuidv7()}`, memberId: uuidv7(), wrapped: `k1.${uuidv7()}`, createdAt: '2026-01-01T00:00:00.000Z', ...overrides,
    });
    const period = (overrides: Partial<PeriodKeyRecord> = {}): PeriodKeyRecord => ({
      keyId: hex(), tenant: `org:${uuidv7()}`, period: '2026-01', wrapped: `k1.${uuidv7()}`, createdAt: '2026-01-01T00:00:00.000Z', ...overrides,
    });

    it('stores a subject key once: the first write wins, and it reads back by id', async () => {
      const first = subject();
      expect(await store.putSubjectKey(first)).toEqual(first);
      expect(await store.putSubjectKey({ ...first, wrapped: 'k1.other' })).toEqual(first);
      expect(await store.subjectKeys([first.keyId, hex()])).toEqual([first]);
      expect(await store.subjectKeys([])).toEqual([]);
    });

    it('erases a subject: its key and email entries go, a tombstone stays, and no key is ever stored for it again', async () => {
      const s = subject();
      await store.putSubjectKey(s);
      await store.indexEmail({ scope: s.scope, emailHash: 'h-1', keyId: s.keyId, memberId: s.memberId });
      expect(await store.membersByEmail(s.scope, 'h-1')).toEqual([s.memberId]);
      expect(await store.eraseSubject(s, '2026-02-01T00:00:00.000Z')).toBe(true);
      expect(await store.eraseSubject(s, '2026-02-02T00:00:00.000Z')).toBe(false);
      expect(await store.subjectKeys([s.keyId])).toEqual([]);
      expect(await store.erasedSubjects([s.keyId, hex()])).toEqual([s.keyId]);
      expect(await store.membersByEmail(s.scope, 'h-1')).toEqual([]);
      expect(await store.putSubjectKey(s)).toBe('erased');
      await store.indexEmail({ scope: s.scope, emailHash: 'h-1', keyId: s.keyId, memberId: s.memberId });
      expect(await store.membersByEmail(s.scope, 'h-1')).toEqual([]);
    });

    it('erases a subject that never had a key, and sweeps a key written beside a tombstone', async () => {
      const never = subject();
      expect(await store.eraseSubject(never, '2026-02-01T00:00:00.000Z')).toBe(false);
      expect(await store.erasedSubjects([never.keyId])).toEqual([never.keyId]);
      expect(await store.sweepErased()).toBe(0);
    });

    it('finds the members of a scope by email hash, and only that scope', async () => {
      const a = subject();
      const b = subject({ scope: a.scope });
      await store.indexEmail({ scope: a.scope, emailHash: 'h-2', keyId: a.keyId, memberId: a.memberId });
      await store.indexEmail({ scope: a.scope, emailHash: 'h-2', keyId: b.keyId, memberId: b.memberId });
      await store.indexEmail({ scope: a.scope, emailHash: 'h-2', keyId: b.keyId, memberId: b.memberId });
      await store.indexEmail({ scope: 'org:other', emailHash: 'h-2', keyId: hex(), memberId: 'elsewhere' });
      expect(await store.membersByEmail(a.scope, 'h-2')).toEqual([a.memberId, b.memberId].sort());
      expect(await store.membersByEmail(a.scope, 'h-3')).toEqual([]);
    });

    it('keeps period keys until they expire, lists them by tenant and period, and never stores an expired one again', async () => {
      const tenant = `msp:${uuidv7()}`;
      const february = period({ tenant, period: '2026-02' });
      const january = period({ tenant, period: '2026-01' });
      expect(await store.putPeriodKey(february)).toEqual(february);
      await store.putPeriodKey(january);
      expect(await store.putPeriodKey({ ...january, wrapped: 'k1.other' })).toEqual(january);
      const mine = (await store.listPeriodKeys()).filter((k) => k.tenant === tenant);
      expect(mine).toEqual([january, february]);
      const before = await store.expiredPeriodCount();
      expect(await store.expirePeriodKey(january.keyId, '2026-06-01T00:00:00.000Z')).toBe(true);
      expect(await store.expirePeriodKey(january.keyId, '2026-06-01T00:00:00.000Z')).toBe(false);
      expect(await store.expiredPeriodCount()).toBe(before + 1);
      expect(await store.periodKeys([january.keyId, february.keyId])).toEqual([february]);
      expect(await store.putPeriodKey(january)).toBe('expired');
    });

    it('keeps meta values: the first of putMetaIfAbsent, the last of setMeta', async () => {
      const name = `meta-${uuidv7()}`;
      expect(await store.getMeta(name)).toBeUndefined();
      expect(await store.putMetaIfAbsent(name, 'a')).toBe('a');
      expect(await store.putMetaIfAbsent(name, 'b')).toBe('a');
      await store.setMeta(name, 'c');
      expect(await store.getMeta(name)).toBe('c');
    });

    it('pages every wrapped key for a rewrap, and replaces one', async () => {
      const s = subject();
      const p = period();
      await store.putSubjectKey(s);
      await store.putPeriodKey(p);
      await store.setMeta(`key:${uuidv7()}`, 'k1.meta');
      await store.setMeta(`status-${uuidv7()}`, '{"not":"a key"}');
      const all = [];
      for (let page = await store.wrappedKeys(undefined, 2); page.length > 0; page = await store.wrappedKeys(page.at(-1), 2)) all.push(...page);
      expect(all).toEqual(expect.arrayContaining([{ kind: 'subject', id: s.keyId, wrapped: s.wrapped }, { kind: 'period', id: p.keyId, wrapped: p.wrapped }]));
      expect(all.filter((r) => r.kind === 'meta').every((r) => r.id.startsWith('key:'))).toBe(true);
      await store.replaceWrapped({ kind: 'subject', id: s.keyId, wrapped: 'k1.rewrapped' });
      expect((await store.subjectKeys([s.keyId]))[0].wrapped).toBe('k1.rewrapped');
    });
  });
}

import { MSP_CATEGORIES } from '@app/domain';
import { ActivityEntry } from './activity-entry';
import { ACTIVITY_INDEX_NAMES } from './activity-log.indexes';
import { ActivityLogQuery, ActivityLogStore } from './activity-log.store';

const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
let sequence = 0;

export function entry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  sequence += 1;
  return {
    eventId: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    position: BigInt(sequence),
    occurredAt: '2026-02-01T10:00:00.000Z',
    eventType: 'OrganizationRenamed',
    category: 'Organization Management',
    mspId: 'msp-a',
    orgId: 'org-1',
    initiator: { type: 'member', id: 'm-1', email: 'Ann@MSP.example', name: 'Ann', role: 'msp_admin' },
    ip: '203.0.113.7',
    userAgent: 'panel',
    target: { type: 'organization', id: 'org-1', name: 'Acme' },
    item: null,
    data: { organizationId: 'org-1', previousName: 'A', newName: 'Acme' },
    ...overrides,
  };
}

/** A store under test, and how to read the names of its secondary indexes back from its engine. */
export interface OpenedActivityLogStore {
  store: ActivityLogStore;
  indexNames(): Promise<string[]>;
}

/** The behaviour every activity-log store must have (SQLite and MongoDB). */
export function describeActivityLogStoreContract(name: string, open: () => Promise<OpenedActivityLogStore>): void {
  describe(`ActivityLogStore contract: ${name}`, () => {
    let store: ActivityLogStore;
    let indexNames: () => Promise<string[]>;
    beforeEach(async () => ({ store, indexNames } = await open()));

    const query = (q: Partial<ActivityLogQuery> = {}) =>
      store.query({ scope: { mspId: 'msp-a' }, window: WINDOW, limit: 1000, ...q });
    const ids = (entries: ActivityEntry[]) => entries.map((e) => e.eventId);

    it('keeps every field, with a position beyond 2^53 as a bigint', async () => {
      const e = entry({ position: 9007199254740993n, item: { id: 'i-1', type: 'password', name: 'Bank' } });
      await store.applyBatch([e], e.position);
      expect(await query()).toEqual([e]);
      expect(await store.checkpoint()).toBe(9007199254740993n);
    });

    it('is idempotent: a batch applied twice changes nothing', async () => {
      const batch = [entry(), entry(), entry()];
      await store.applyBatch(batch, batch[2].position);
      await store.applyBatch(batch, batch[2].position);
      expect(ids(await query())).toHaveLength(3);
    });

    it('never moves the checkpoint backwards, and reset clears everything', async () => {
      expect(await store.checkpoint()).toBeUndefined();
      await store.applyBatch([entry()], 10n);
      await store.applyBatch([], 5n);
      expect(await store.checkpoint()).toBe(10n);
      await store.reset();
      expect(await store.checkpoint()).toBeUndefined();
      expect(await query()).toEqual([]);
    });

    it('answers newest first, ties broken by position, and pages without gaps or repeats', async () => {
      const batch = Array.from({ length: 250 }, (_, i) => entry({ occurredAt: `2026-02-0${1 + (i % 5)}T10:00:00.000Z` }));
      await store.applyBatch(batch, batch[249].position);
      const seen: string[] = [];
      let after: ActivityLogQuery['after'];
      for (;;) {
        const page = await query({ limit: 40, after });
        seen.push(...ids(page));
        if (page.length < 40) break;
        const last = page[page.length - 1];
        after = { occurredAt: last.occurredAt, position: last.position };
      }
      const expected = [...batch].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || Number(b.position - a.position));
      expect(seen).toEqual(ids(expected));
    });

    it('keeps tenants apart: an MSP never sees another MSP’s entries, an organization never another’s', async () => {
      const mine = entry();
      const theirs = entry({ mspId: 'msp-b', orgId: 'org-2' });
      const standalone = entry({ mspId: null, orgId: 'org-3' });
      await store.applyBatch([mine, theirs, standalone], standalone.position);
      expect(ids(await query())).toEqual([mine.eventId]);
      expect(ids(await query({ scope: { orgId: 'org-2' } }))).toEqual([theirs.eventId]);
      expect(ids(await query({ scope: { orgId: 'org-3' } }))).toEqual([standalone.eventId]);
      expect(ids(await query({ scope: { mspId: 'msp-a', orgId: 'org-2' } }))).toEqual([]);
    });

    it('lists its tenants and removes one tenant’s entries older than a cutoff, and nothing else', async () => {
      const old = entry({ occurredAt: '2026-01-10T00:00:00.000Z' });
      const recent = entry({ occurredAt: '2026-03-10T00:00:00.000Z' });
      const otherOrg = entry({ orgId: 'org-2', occurredAt: '2026-01-10T00:00:00.000Z' });
      const mspOwn = entry({ orgId: null, occurredAt: '2026-01-10T00:00:00.000Z' });
      await store.applyBatch([old, recent, otherOrg, mspOwn], mspOwn.position);
      const key = (t: { mspId: string | null; orgId: string | null }) => `${t.mspId}/${t.orgId}`;
      expect((await store.retentionTenants()).map(key).sort()).toEqual(['msp-a/null', 'msp-a/org-1', 'msp-a/org-2']);
      expect(await store.deleteBefore({ mspId: 'msp-a', orgId: 'org-1' }, '2026-02-01T00:00:00.000Z')).toBe(1);
      expect(await store.deleteBefore({ mspId: 'msp-a', orgId: 'org-1' }, '2026-02-01T00:00:00.000Z')).toBe(0);
      expect(ids(await query({ scope: { mspId: 'msp-a' } })).sort()).toEqual([recent.eventId, otherOrg.eventId, mspOwn.eventId].sort());
      expect(await store.deleteBefore({ mspId: 'msp-a', orgId: null }, '2026-02-01T00:00:00.000Z')).toBe(1);
      expect(ids(await query({ scope: { mspId: 'msp-a' } })).sort()).toEqual([recent.eventId, otherOrg.eventId].sort());
    });

    it('filters by the members an email named, organization, category, member id and item', async () => {
      const a = entry();
      const b = entry({ initiator: { ...a.initiator, id: 'm-2', email: 'bob@msp.example' }, orgId: 'org-2', category: 'Billing' });
      const c = entry({ item: { id: 'item-9', type: 'password', name: 'X' }, category: 'Vault Items and Folders' });
      await store.applyBatch([a, b, c], c.position);
      expect(ids(await query({ memberEmail: 'ann@msp.example', initiatorIn: ['m-1'] }))).toEqual([c.eventId, a.eventId]);
      expect(ids(await query({ memberEmail: 'x@msp.example', initiatorIn: ['m-1', 'm-2'] }))).toEqual([c.eventId, b.eventId, a.eventId]);
      expect(ids(await query({ memberEmail: 'nobody@msp.example', initiatorIn: [] }))).toEqual([]);
      expect(ids(await query({ organizationId: 'org-2' }))).toEqual([b.eventId]);
      expect(ids(await query({ category: 'Billing' }))).toEqual([b.eventId]);
      expect(ids(await query({ memberId: 'm-2' }))).toEqual([b.eventId]);
      expect(ids(await query({ itemId: 'item-9' }))).toEqual([c.eventId]);
      expect(ids(await query({ categories: ['Billing', 'Organization Management'] }))).toEqual([b.eventId, a.eventId]);
    });

    it("reads the MSP log of one organization (the six categories, any order) with its cursor, and the MSP's feed of it whole", async () => {
      const billing = entry({ orgId: 'org-2', category: 'Billing', occurredAt: '2026-02-03T10:00:00.000Z' });
      const vault = entry({ orgId: 'org-2', category: 'Vault Items and Folders', occurredAt: '2026-02-02T10:00:00.000Z' });
      const settings = entry({ orgId: 'org-2', category: 'Settings', occurredAt: '2026-02-01T10:00:00.000Z' });
      const otherOrg = entry({ orgId: 'org-1', category: 'Billing' });
      const otherMsp = entry({ mspId: 'msp-b', orgId: 'org-2', category: 'Billing' });
      await store.applyBatch([billing, vault, settings, otherOrg, otherMsp], otherMsp.position);
      const mspLog = (q: Partial<ActivityLogQuery> = {}) => query({ categories: MSP_CATEGORIES, organizationId: 'org-2', ...q });
      expect(ids(await mspLog())).toEqual([billing.eventId, settings.eventId]);
      expect(ids(await mspLog({ categories: [...MSP_CATEGORIES].reverse() }))).toEqual([billing.eventId, settings.eventId]);
      expect(ids(await mspLog({ after: { occurredAt: billing.occurredAt, position: billing.position } }))).toEqual([settings.eventId]);
      expect(ids(await mspLog({ category: 'Settings' }))).toEqual([settings.eventId]);
      expect(ids(await mspLog({ categories: ['Billing'] }))).toEqual([billing.eventId]);
      expect(ids(await query({ scope: { mspId: 'msp-a', orgId: 'org-2' } }))).toEqual([billing.eventId, vault.eventId, settings.eventId]);
      expect(ids(await query({ scope: { mspId: 'msp-a', orgId: 'org-2' }, categories: MSP_CATEGORIES }))).toEqual([billing.eventId, settings.eventId]);
    });

    it('tails entries after a position, oldest first, inside the scope only', async () => {
      const batch = [entry(), entry({ mspId: 'msp-b' }), entry(), entry({ category: 'Members and Access' }), entry()];
      await store.applyBatch(batch, batch[4].position);
      const tail = (after?: bigint, limit = 10) =>
        store.tail({ scope: { mspId: 'msp-a' }, categories: ['Organization Management'], afterPosition: after, limit });
      expect(ids(await tail())).toEqual([batch[0], batch[2], batch[4]].map((e) => e.eventId));
      expect(ids(await tail(batch[0].position, 1))).toEqual([batch[2].eventId]);
      expect(await tail(batch[4].position)).toEqual([]);
    });

    it('creates the named indexes of the spec, the same names in every engine, and no others', async () => {
      expect((await indexNames()).sort()).toEqual([...ACTIVITY_INDEX_NAMES].sort());
    });

    it('answers the same after a rebuild and keeps its indexes', async () => {
      const before = [entry(), entry({ category: 'Billing' })];
      await store.applyBatch(before, before[1].position);
      await store.reset();
      await store.beforeRebuild?.();
      await store.applyBatch(before, before[1].position);
      await store.afterRebuild?.();
      expect(ids(await query({ category: 'Billing' }))).toEqual([before[1].eventId]);
      expect((await indexNames()).sort()).toEqual([...ACTIVITY_INDEX_NAMES].sort());
    });

    it('bounds the window: from inclusive, to exclusive', async () => {
      const atFrom = entry({ occurredAt: WINDOW.from });
      const atTo = entry({ occurredAt: WINDOW.to });
      const before = entry({ occurredAt: '2025-12-31T23:59:59.999Z' });
      await store.applyBatch([atFrom, atTo, before], before.position);
      expect(ids(await query())).toEqual([atFrom.eventId]);
    });

    it('answers as of a position: only entries at or before it (asOf)', async () => {
      const batch = [entry(), entry(), entry()];
      await store.applyBatch(batch, batch[2].position);
      expect(ids(await query({ upToPosition: batch[1].position })).sort()).toEqual([batch[0].eventId, batch[1].eventId].sort());
      expect(await query({ upToPosition: batch[0].position - 1n })).toEqual([]);
    });
  });
}

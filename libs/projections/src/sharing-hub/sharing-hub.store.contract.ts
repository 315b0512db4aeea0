import { v7 as uuidv7 } from 'uuid';
import { SharingHistoryEntry, SharingHubKind, SharingHubRecord, SharingHubView, SharingPolicyChange } from './sharing-hub.record';
import { SharingHubBatch, SharingHubQuery, SharingHubStore } from './sharing-hub.store';

const BOB = { type: 'member' as const, id: 'bob', displayName: 'Bob Builder' };
const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/**
 * The behaviour every Sharing Hub store adapter must have. Each test works in organizations and
 * records of its own (random ids), so it also runs against a shared server that holds other data;
 * `open` gives a store whose checkpoint is not set yet.
 */
export function describeSharingHubStoreContract(adapterName: string, open: () => Promise<SharingHubStore>): void {
  describe(`SharingHubStore contract: ${adapterName}`, () => {
    let store: SharingHubStore;
    let orgA: string;
    let orgB: string;

    beforeEach(async () => {
      store = await open();
      orgA = `org-a-${uuidv7()}`;
      orgB = `org-b-${uuidv7()}`;
    });

    const record = (overrides: Partial<SharingHubRecord> & { lastPosition: bigint }): SharingHubRecord => ({
      kind: 'item',
      id: uuidv7(),
      orgId: orgA,
      mspId: 'msp-1',
      itemType: 'password',
      name: 'Bank',
      createdBy: { id: 'ann', name: 'Ann Archer', email: 'ann@acme.example' },
      createdAt: at(0),
      owner: { id: 'ann', name: 'Ann Archer' },
      sharedWith: [],
      folder: null,
      deleted: false,
      deletedAt: null,
      ...overrides,
      updatedAt: overrides.updatedAt ?? at(Number(overrides.lastPosition % 1_000_000n)),
    });
    const history = (r: SharingHubRecord, position: bigint, change: SharingHistoryEntry['change'] = 'shared'): SharingHistoryEntry => ({
      eventId: uuidv7(),
      position,
      occurredAt: at(Number(position % 1_000_000n)),
      orgId: r.orgId,
      recordId: r.id,
      kind: r.kind,
      change,
      by: { id: 'ann', name: 'Ann Archer', email: null },
      ...(change === 'shared' && { principal: BOB, rights: 'view' as const }),
      ...(change === 'created' && { details: { ownerId: 'ann', ownerName: 'Ann Archer' } }),
    });
    const batch = (b: Partial<SharingHubBatch> & { checkpoint: bigint }): SharingHubBatch => ({
      records: [],
      history: [],
      policies: [],
      ...b,
    });
    const policy = (orgId: string, restrict: boolean, position: bigint): SharingPolicyChange => ({
      orgId,
      restrictSharingOutsideOrg: restrict,
      position,
      occurredAt: at(Number(position)),
    });
    const all = (q: Partial<SharingHubQuery> = {}) => store.query({ orgId: orgA, limit: 10_000, ...q });
    const strip = (view: SharingHubView): SharingHubRecord => {
      const { sharingPolicy, ...r } = view;
      expect(sharingPolicy).toEqual({ restrictSharingOutsideOrg: false });
      return r;
    };

    it('loads stored records by key; missing keys are absent and the kind is part of the key', async () => {
      const item = record({ lastPosition: 1n, sharedWith: [{ principal: BOB, rights: 'edit' }], folder: { id: 'f', name: 'Work' } });
      const folder = record({ kind: 'folder', id: item.id, itemType: null, name: 'Same id', lastPosition: 2n });
      await store.save(batch({ records: [item, folder], checkpoint: 2n }));
      const loaded = await store.load([
        { kind: 'item', id: item.id },
        { kind: 'folder', id: item.id },
        { kind: 'item', id: 'missing' },
      ]);
      expect(loaded.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([folder, item]);
      expect(await store.load([])).toEqual([]);
    });

    it('saving the same batch twice changes nothing', async () => {
      const r = record({ lastPosition: 2n, sharedWith: [{ principal: BOB, rights: 'view' }] });
      const b = batch({ records: [r], history: [history(r, 1n, 'created'), history(r, 2n)], policies: [policy(orgA, true, 2n)], checkpoint: 2n });
      await store.save(b);
      const first = { rows: await all(), detail: await store.get(orgA, r.id), checkpoint: await store.checkpoint() };
      await store.save(b);
      expect(await all()).toEqual(first.rows);
      expect(await store.get(orgA, r.id)).toEqual(first.detail);
      expect(await store.checkpoint()).toBe(2n);
      expect(first.detail!.history).toHaveLength(2);
    });

    it('never lets an older record overwrite a newer one, an older policy a newer one, or the checkpoint go back', async () => {
      const newer = record({ lastPosition: 10n, name: 'Newer', deleted: true, deletedAt: at(10) });
      const older = { ...newer, lastPosition: 5n, name: 'Older', deleted: false, deletedAt: null, updatedAt: at(5) };
      await store.save(batch({ records: [newer], policies: [policy(orgA, true, 10n)], checkpoint: 10n }));
      await store.save(batch({ records: [older], policies: [policy(orgA, false, 5n)], checkpoint: 5n }));
      expect(await store.load([newer])).toEqual([newer]);
      const [view] = await all();
      expect(view.sharingPolicy).toEqual({ restrictSharingOutsideOrg: true });
      expect(await store.checkpoint()).toBe(10n);
      const same = { ...newer, name: 'Same position' };
      await store.save(batch({ records: [same], checkpoint: 10n }));
      expect((await store.load([newer]))[0].name).toBe('Newer');
      const newest = { ...newer, lastPosition: 11n, name: 'Newest', updatedAt: at(11) };
      await store.save(batch({ records: [newest], policies: [policy(orgA, false, 11n)], checkpoint: 11n }));
      expect(await store.load([newer])).toEqual([newest]);
      expect((await all())[0].sharingPolicy).toEqual({ restrictSharingOutsideOrg: false });
    });

    it('keeps history entries unique by event id', async () => {
      const r = record({ lastPosition: 3n });
      const entry = history(r, 3n);
      await store.save(batch({ records: [r], history: [entry], checkpoint: 3n }));
      await store.save(batch({ history: [{ ...entry }], checkpoint: 3n }));
      expect((await store.get(orgA, r.id))!.history).toEqual([entry]);
    });

    it("isolates organizations: org A's queries and lookups never see org B's records or history", async () => {
      const a = record({ lastPosition: 1n });
      const b = record({ lastPosition: 2n, orgId: orgB });
      await store.save(batch({ records: [a, b], history: [history(a, 1n), history(b, 2n)], policies: [policy(orgB, true, 2n)], checkpoint: 2n }));
      expect((await all()).map((r) => r.id)).toEqual([a.id]);
      expect((await all())[0].sharingPolicy).toEqual({ restrictSharingOutsideOrg: false });
      expect((await store.query({ orgId: orgB, limit: 10 })).map((r) => [r.id, r.sharingPolicy.restrictSharingOutsideOrg])).toEqual([[b.id, true]]);
      expect(await store.get(orgA, b.id)).toBeUndefined();
      expect(await store.get(orgA, b.id, 'item')).toBeUndefined();
      expect((await store.get(orgB, b.id))!.history.map((h) => h.orgId)).toEqual([orgB]);
      expect(await store.query({ orgId: `org-none-${uuidv7()}`, limit: 10 })).toEqual([]);
    });

    it('pages through 2,500 records newest first without gaps or repeats, ties broken by position', async () => {
      // Ten records share each updatedAt; org B's records interleave with org A's.
      const mine: SharingHubRecord[] = [];
      const theirs: SharingHubRecord[] = [];
      for (let i = 1; i <= 2_500; i++) {
        const position = BigInt(i * 2);
        mine.push(record({ lastPosition: position, updatedAt: at(Math.ceil(i / 10)), kind: i % 3 === 0 ? 'folder' : 'item' }));
        if (i % 5 === 0) theirs.push(record({ lastPosition: position + 1n, orgId: orgB, updatedAt: at(Math.ceil(i / 10)) }));
      }
      await store.save(batch({ records: [...mine, ...theirs], checkpoint: 5_001n }));
      const pageSize = 333;
      const seen: SharingHubView[] = [];
      let after: SharingHubQuery['after'];
      for (let pages = 0; pages < 20; pages++) {
        const rows = await store.query({ orgId: orgA, after, limit: pageSize + 1 });
        const page = rows.slice(0, pageSize);
        seen.push(...page);
        if (rows.length <= pageSize) break;
        const last = page[page.length - 1];
        after = { occurredAt: last.updatedAt, position: last.lastPosition };
      }
      expect(seen).toHaveLength(2_500);
      expect(new Set(seen.map((r) => r.id)).size).toBe(2_500);
      const expected = [...mine].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || Number(y.lastPosition - x.lastPosition));
      expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(seen.map(strip)).toEqual(expected);
    });

    it('filters by updatedAt (from inclusive, to exclusive), kind and deleted', async () => {
      const rows = [
        record({ lastPosition: 1n, updatedAt: at(100) }),
        record({ lastPosition: 2n, updatedAt: at(200), kind: 'folder', itemType: null }),
        record({ lastPosition: 3n, updatedAt: at(300), deleted: true, deletedAt: at(300) }),
        record({ lastPosition: 4n, updatedAt: at(400), kind: 'folder', itemType: null, deleted: true, deletedAt: at(400) }),
      ];
      await store.save(batch({ records: rows, checkpoint: 4n }));
      const ids = async (q: Partial<SharingHubQuery>) => (await all(q)).map((r) => rows.findIndex((x) => x.id === r.id));
      expect(await ids({})).toEqual([3, 2, 1, 0]);
      expect(await ids({ window: { from: at(200), to: at(400) } })).toEqual([2, 1]);
      expect(await ids({ window: { from: at(201), to: at(401) } })).toEqual([3, 2]);
      expect(await ids({ window: { from: at(500), to: at(600) } })).toEqual([]);
      expect(await ids({ kind: 'folder' })).toEqual([3, 1]);
      expect(await ids({ kind: 'item' })).toEqual([2, 0]);
      expect(await ids({ deleted: false })).toEqual([1, 0]);
      expect(await ids({ deleted: true })).toEqual([3, 2]);
      expect(await ids({ kind: 'item', deleted: false, window: { from: at(0), to: at(1000) } })).toEqual([0]);
      expect(await ids({ limit: 2 })).toEqual([3, 2]);
    });

    it('looks up one record with its whole history, oldest first, across batches', async () => {
      const created = record({ lastPosition: 1n, name: 'Bank' });
      const later = { ...created, lastPosition: 7n, updatedAt: at(7), sharedWith: [{ principal: BOB, rights: 'view' as const }] };
      const h1 = history(created, 1n, 'created');
      const h7 = history(created, 7n);
      const h4: SharingHistoryEntry = { ...history(created, 4n, 'renamed'), details: { previousName: 'B', newName: 'Bank' } };
      await store.save(batch({ records: [created], history: [h1], checkpoint: 1n }));
      await store.save(batch({ records: [later], history: [h7, h4], policies: [policy(orgA, true, 7n)], checkpoint: 7n }));
      const detail = await store.get(orgA, created.id);
      expect(detail).toEqual({ ...later, sharingPolicy: { restrictSharingOutsideOrg: true }, history: [h1, h4, h7] });
      expect(await store.get(orgA, 'missing')).toBeUndefined();
    });

    it('looks up by id preferring the item over a folder with the same id, or by kind', async () => {
      const folder = record({ kind: 'folder', itemType: null, lastPosition: 1n, name: 'Folder' });
      const item = record({ id: folder.id, lastPosition: 2n, name: 'Item' });
      await store.save(batch({ records: [folder, item], history: [history(folder, 1n, 'created'), history(item, 2n, 'created')], checkpoint: 2n }));
      const lookup = async (kind?: SharingHubKind) => {
        const d = await store.get(orgA, folder.id, kind);
        return d && [d.kind, d.name, d.history.map((h) => h.kind)];
      };
      expect(await lookup()).toEqual(['item', 'Item', ['item']]);
      expect(await lookup('item')).toEqual(['item', 'Item', ['item']]);
      expect(await lookup('folder')).toEqual(['folder', 'Folder', ['folder']]);
    });

    it('keeps positions beyond 2^53 exact', async () => {
      const big = 9007199254740993n;
      const r = record({ lastPosition: big, updatedAt: at(1) });
      await store.save(batch({ records: [r], history: [history(r, big)], checkpoint: big }));
      expect((await store.load([r]))[0].lastPosition).toBe(big);
      expect((await store.get(orgA, r.id))!.history[0].position).toBe(big);
      expect(await store.checkpoint()).toBe(big);
    });

    it('reset drops records, history, policies and the checkpoint', async () => {
      const r = record({ lastPosition: 1n });
      await store.save(batch({ records: [r], history: [history(r, 5n)], policies: [policy(orgA, true, 5n)], checkpoint: 5n }));
      await store.reset();
      expect(await store.checkpoint()).toBeUndefined();
      expect(await all()).toEqual([]);
      expect(await store.get(orgA, r.id)).toBeUndefined();
      expect(await store.load([r])).toEqual([]);
      // After a reset the same records and policies are written again from scratch.
      await store.save(batch({ records: [record({ lastPosition: 1n })], policies: [policy(orgA, false, 1n)], checkpoint: 1n }));
      expect((await all())[0].sharingPolicy).toEqual({ restrictSharingOutsideOrg: false });
    });

    it('keeps the checkpoint: unset at first, then the highest position saved', async () => {
      expect(await store.checkpoint()).toBeUndefined();
      await store.save(batch({ checkpoint: 42n }));
      expect(await store.checkpoint()).toBe(42n);
      await store.save(batch({ checkpoint: 43n }));
      expect(await store.checkpoint()).toBe(43n);
      await store.save(batch({ checkpoint: 41n }));
      expect(await store.checkpoint()).toBe(43n);
    });
  });
}

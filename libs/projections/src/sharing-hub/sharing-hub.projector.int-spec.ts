import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@app/event-store';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { SharingHubProjector } from './sharing-hub.projector';
import { SharingHubBatch, SharingHubStore } from './sharing-hub.store';
import { BOB, OPS, TestClock, Timeline } from './sharing-hub.test-events';
import { SqliteSharingHubStore } from './sqlite-sharing-hub.store';

describe('SharingHubProjector on SQLite', () => {
  let dir: string;
  let db: Database.Database;
  let store: SqliteSharingHubStore;
  let projector: SharingHubProjector;
  let x: Timeline;
  let y: Timeline;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sharing-hub-projector-'));
    db = openReadDatabase(join(dir, 'read.db'));
    store = new SqliteSharingHubStore(db);
    projector = new SharingHubProjector(store);
    const clock = new TestClock();
    x = new Timeline('org-x', clock, 'msp-1');
    y = new Timeline('org-y', clock, null);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A realistic interleaving of two organizations, with events the hub ignores. */
  function history(): RecordedEvent[] {
    return [
      x.folderCreated('fx', 'Finance'),
      x.itemCreated('ix1', 'Bank', { folderId: 'fx', folderName: 'Finance' }),
      y.itemCreated('iy1', 'Wifi'),
      x.itemShared('ix1', BOB, 'view'),
      x.event('MemberSignInSucceeded', 'orgMember-ann', { orgId: 'org-x', memberId: 'ann' }),
      y.itemShared('iy1', OPS, 'edit'),
      x.policy(true),
      x.itemRightsChanged('ix1', BOB, 'view', 'manage'),
      x.itemShared('ix1', OPS, 'edit'),
      x.itemCreated('ix2', 'Visa'),
      x.itemUsed('ix1'),
      x.folderShared('fx', OPS, 'view'),
      y.itemRenamed('iy1', 'Wifi', 'Guest Wifi'),
      x.itemOwnerChanged('ix1', { id: 'bob', name: 'Bob Builder' }),
      x.itemMoved('ix2', null, { id: 'fx', name: 'Finance' }),
      x.itemDeleted('ix2'),
      y.policy(false),
      x.itemAccessRevoked('ix1', OPS, 'edit'),
      x.folderAccessRevoked('fx', OPS, 'view'),
      x.itemRestored('ix2'),
      y.itemDeleted('iy1'),
    ];
  }

  /** Everything the hub holds, as the queries read it. */
  async function snapshot(s: SharingHubStore = store) {
    const orgs = ['org-x', 'org-y'];
    const rows = await Promise.all(orgs.map((orgId) => s.query({ orgId, limit: 1000 })));
    const details = await Promise.all(rows.flat().map((r) => s.get(r.orgId, r.id, r.kind)));
    return { rows, details, checkpoint: await s.checkpoint() };
  }

  async function applyInBatches(events: RecordedEvent[], size: number, p: SharingHubProjector = projector) {
    for (let i = 0; i < events.length; i += size) await p.applyBatch(events.slice(i, i + size));
  }

  it('projects the hub: records, shares, policy and history', async () => {
    const events = history();
    await projector.applyBatch(events);
    expect(projector.name).toBe('sharing-hub');
    expect(await projector.checkpoint()).toBe(events[events.length - 1].position);
    const [bank] = (await store.query({ orgId: 'org-x', kind: 'item', limit: 10 })).filter((r) => r.id === 'ix1');
    expect(bank).toMatchObject({
      owner: { id: 'bob', name: 'Bob Builder' },
      sharedWith: [],
      folder: { id: 'fx', name: 'Finance' },
      sharingPolicy: { restrictSharingOutsideOrg: true },
    });
    const detail = await store.get('org-x', 'ix1');
    expect(detail!.history.map((h) => h.change)).toEqual(['created', 'shared', 'rights_changed', 'shared', 'owner_changed', 'access_revoked']);
    expect((await store.get('org-x', 'ix2'))!.history.map((h) => h.change)).toEqual(['created', 'moved', 'deleted', 'restored']);
    expect((await store.get('org-x', 'fx'))!.history.map((h) => h.change)).toEqual(['created', 'shared', 'access_revoked']);
    expect(await store.get('org-y', 'iy1')).toMatchObject({ name: 'Guest Wifi', deleted: true, sharingPolicy: { restrictSharingOutsideOrg: false } });
  });

  it('gives the same hub whatever the batch sizes', async () => {
    const events = history();
    await projector.applyBatch(events);
    const whole = await snapshot();
    for (const size of [1, 3, 7]) {
      await projector.reset();
      expect(await snapshot()).toEqual({ rows: [[], []], details: [], checkpoint: undefined });
      await applyInBatches(events, size);
      expect(await snapshot()).toEqual(whole);
    }
  });

  it('changes nothing when a batch is applied twice, whole or overlapping', async () => {
    const events = history();
    await projector.applyBatch(events.slice(0, 12));
    const half = await snapshot();
    await projector.applyBatch(events.slice(0, 12));
    expect(await snapshot()).toEqual(half);
    await projector.applyBatch(events.slice(8));
    const full = await snapshot();
    await projector.applyBatch(events);
    await projector.applyBatch(events.slice(5, 15));
    expect(await snapshot()).toEqual(full);
  });

  it('advances the checkpoint over batches the hub ignores', async () => {
    const ignored = [x.event('MemberSignInSucceeded', 'orgMember-ann', { orgId: 'org-x' }), x.itemUsed('nowhere')];
    await projector.applyBatch(ignored);
    expect(await projector.checkpoint()).toBe(ignored[1].position);
    await projector.applyBatch([]);
    expect(await projector.checkpoint()).toBe(ignored[1].position);
  });

  it('neither loses nor duplicates history after a crash between the writes and the checkpoint', async () => {
    const events = history();
    const first = events.slice(0, 8);
    const second = events.slice(8);
    await projector.applyBatch(first);
    const old = await projector.checkpoint();
    // The second batch's writes land, then the process dies before the checkpoint moves.
    await projector.applyBatch(second);
    db.prepare('UPDATE checkpoints SET position = ? WHERE projector = ?').run(old, 'sharing-hub');
    expect(await projector.checkpoint()).toBe(old);
    // On restart the subscription resumes after the old checkpoint: the same batch again.
    await projector.applyBatch(events.filter((e) => e.position > old!));

    const reference = await cleanRun(events);
    expect(await snapshot()).toEqual(reference);
    const all = db.prepare('SELECT event_id FROM sharing_hub_history').pluck().all() as string[];
    expect(new Set(all).size).toBe(all.length);
  });

  /**
   * A store without transactions (the MongoDB adapter) writes history, then policies, then records,
   * then the checkpoint. A crash after any prefix of those writes must heal on re-application.
   */
  it.each([
    ['after the history', (b: SharingHubBatch) => ({ ...b, policies: [], records: [] })],
    ['after the history and policies', (b: SharingHubBatch) => ({ ...b, records: [] })],
    ['half-way through the records', (b: SharingHubBatch) => ({ ...b, records: b.records.slice(0, Math.ceil(b.records.length / 2)) })],
    ['after the records', (b: SharingHubBatch) => b],
  ])('heals a crash %s when the store writes in the port order without transactions', async (_, written) => {
    const events = history();
    await projector.applyBatch(events.slice(0, 6));
    const old = await store.checkpoint();
    const crashing: SharingHubStore = Object.assign(Object.create(store) as SharingHubStore, {
      save: async (b: SharingHubBatch) => {
        await store.save({ ...written(b), checkpoint: old! });
        throw new Error('crashed');
      },
    });
    await expect(new SharingHubProjector(crashing).applyBatch(events.slice(6))).rejects.toThrow('crashed');
    expect(await store.checkpoint()).toBe(old);
    await projector.applyBatch(events.filter((e) => e.position > old!));
    expect(await snapshot()).toEqual(await cleanRun(events));
  });

  it("never shows org X's events in org Y's hub, even an event of Y naming X's item", async () => {
    const events = history();
    const forged = y.itemShared('ix1', { type: 'member', id: 'mallory', displayName: 'Mallory' }, 'manage');
    const forgedFolder = y.folderDeleted('fx');
    await projector.applyBatch([...events, forged, forgedFolder]);
    const yRows = await store.query({ orgId: 'org-y', limit: 1000 });
    expect(yRows.map((r) => r.id)).toEqual(['iy1']);
    expect(yRows.every((r) => r.orgId === 'org-y')).toBe(true);
    expect(await store.get('org-y', 'ix1')).toBeUndefined();
    expect(await store.get('org-y', 'fx')).toBeUndefined();
    const bank = await store.get('org-x', 'ix1');
    expect(bank!.sharedWith).toEqual([]);
    expect(bank!.history.some((h) => h.principal?.id === 'mallory')).toBe(false);
    expect((await store.get('org-x', 'fx'))!.deleted).toBe(false);
    const xRows = await store.query({ orgId: 'org-x', limit: 1000 });
    expect(xRows.map((r) => r.id).sort()).toEqual(['fx', 'ix1', 'ix2']);
    expect((await store.get('org-y', 'iy1'))!.history.every((h) => h.orgId === 'org-y')).toBe(true);
  });

  /** The hub a fresh store holds after applying the events once, in one batch. */
  async function cleanRun(events: RecordedEvent[]) {
    const other = openReadDatabase(join(dir, 'reference.db'));
    try {
      const s = new SqliteSharingHubStore(other);
      await new SharingHubProjector(s).applyBatch(events);
      return await snapshot(s);
    } finally {
      other.close();
    }
  }
});

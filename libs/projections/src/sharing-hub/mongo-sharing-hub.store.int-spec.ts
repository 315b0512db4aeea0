import { RecordedEvent } from '@app/event-store';
import { describeWithServer } from '@test/support/real-servers';
import { mongoTestDatabases } from '@app/mongo';
import { MongoSharingHubStore } from './mongo-sharing-hub.store';
import { SharingHubProjector } from './sharing-hub.projector';
import { describeSharingHubStoreContract } from './sharing-hub.store.contract';
import { SharingHubBatch, SharingHubStore } from './sharing-hub.store';
import { BOB, OPS, TestClock, Timeline } from './sharing-hub.test-events';

describeWithServer('MONGO_URL', 'MongoSharingHubStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  async function openFresh(): Promise<MongoSharingHubStore> {
    const store = new MongoSharingHubStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  }

  describeSharingHubStoreContract('MongoDB', openFresh);

  describe('SharingHubProjector without transactions', () => {
    function history(): RecordedEvent[] {
      const clock = new TestClock();
      const x = new Timeline('org-x', clock, 'msp-1');
      const y = new Timeline('org-y', clock, null);
      return [
        x.folderCreated('fx', 'Finance'),
        x.itemCreated('ix1', 'Bank', { folderId: 'fx', folderName: 'Finance' }),
        y.itemCreated('iy1', 'Wifi'),
        x.itemShared('ix1', BOB, 'view'),
        y.itemShared('iy1', OPS, 'edit'),
        x.policy(true),
        x.itemRightsChanged('ix1', BOB, 'view', 'manage'),
        x.itemShared('ix1', OPS, 'edit'),
        x.itemCreated('ix2', 'Visa'),
        x.folderShared('fx', OPS, 'view'),
        y.itemRenamed('iy1', 'Wifi', 'Guest Wifi'),
        x.itemOwnerChanged('ix1', { id: 'bob', name: 'Bob Builder' }),
        x.itemMoved('ix2', null, { id: 'fx', name: 'Finance' }),
        x.itemDeleted('ix2'),
        y.policy(true),
        x.itemAccessRevoked('ix1', OPS, 'edit'),
        x.itemRestored('ix2'),
        y.itemDeleted('iy1'),
      ];
    }

    async function snapshot(s: SharingHubStore) {
      const rows = await Promise.all(['org-x', 'org-y'].map((orgId) => s.query({ orgId, limit: 1000 })));
      const details = await Promise.all(rows.flat().map((r) => s.get(r.orgId, r.id, r.kind)));
      return { rows, details, checkpoint: await s.checkpoint() };
    }

    async function cleanRun(events: RecordedEvent[]) {
      const store = await openFresh();
      await new SharingHubProjector(store).applyBatch(events);
      return snapshot(store);
    }

    it('changes nothing when batches are applied twice, whole or overlapping', async () => {
      const events = history();
      const store = await openFresh();
      const projector = new SharingHubProjector(store);
      await projector.applyBatch(events.slice(0, 10));
      await projector.applyBatch(events.slice(0, 10));
      await projector.applyBatch(events.slice(6));
      await projector.applyBatch(events.slice(3, 12));
      expect(await snapshot(store)).toEqual(await cleanRun(events));
    });

    it.each([
      ['after the history', (b: SharingHubBatch) => ({ ...b, policies: [], records: [] })],
      ['after the history and policies', (b: SharingHubBatch) => ({ ...b, records: [] })],
      ['half-way through the records', (b: SharingHubBatch) => ({ ...b, records: b.records.slice(0, Math.ceil(b.records.length / 2)) })],
      ['after the records', (b: SharingHubBatch) => b],
    ])('heals a crash %s', async (_, written) => {
      const events = history();
      const store = await openFresh();
      await new SharingHubProjector(store).applyBatch(events.slice(0, 6));
      const old = (await store.checkpoint())!;
      const crashing: SharingHubStore = Object.assign(Object.create(store) as SharingHubStore, {
        save: async (b: SharingHubBatch) => {
          await store.save({ ...written(b), checkpoint: old });
          throw new Error('crashed');
        },
      });
      await expect(new SharingHubProjector(crashing).applyBatch(events.slice(6))).rejects.toThrow('crashed');
      expect(await store.checkpoint()).toBe(old);
      await new SharingHubProjector(store).applyBatch(events.filter((e) => e.position > old));
      expect(await snapshot(store)).toEqual(await cleanRun(events));
    });
  });
});

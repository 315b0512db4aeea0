import { Db } from 'mongodb';
import { describeWithServer } from '@test/support/real-servers';
import { mongoTestDatabases } from '@app/mongo';
import { entry } from '../activity-log/activity-log.store.contract';
import { MongoActivityLogStore } from '../activity-log/mongo-activity-log.store';
import { MongoOrganizationDirectoryStore } from '../organizations/mongo-organization-directory.store';
import { OrganizationDirectoryProjector } from '../organizations/organization-directory.projector';
import { atPosition, organizationEvent } from '../organizations/organization-directory.test-events';
import { MongoSharingHubStore } from '../sharing-hub/mongo-sharing-hub.store';
import { SharingHubProjector } from '../sharing-hub/sharing-hub.projector';
import { BOB, Timeline } from '../sharing-hub/sharing-hub.test-events';

/** What MongoDB itself holds, read past the stores: times must be BSON dates with their milliseconds. */
describeWithServer('MONGO_URL', 'read models keep times as BSON dates', (url) => {
  const databases = mongoTestDatabases(url);
  let db: Db;
  beforeAll(async () => {
    db = await databases.fresh();
  });
  afterAll(() => databases.dropAll());

  const raw = (collection: string) => db.collection(collection).find({}, { sort: { _id: 1 } }).toArray();

  it('activity entries: occurredAt, read back as the same ISO string and usable by date operators', async () => {
    const store = new MongoActivityLogStore(db);
    await store.ensureIndexes();
    await store.applyBatch([entry({ occurredAt: '2026-02-01T10:00:00.123Z' }), entry({ occurredAt: '2026-02-03T10:00:00.999Z' })], 10n);
    const docs = await raw('activity_entries');
    expect(docs.map((d) => d.occurredAt)).toEqual([new Date('2026-02-01T10:00:00.123Z'), new Date('2026-02-03T10:00:00.999Z')]);
    expect(await db.collection('activity_entries').countDocuments({ occurredAt: { $gte: new Date('2026-02-02T00:00:00Z') } })).toBe(1);
    const [newest] = await store.query({
      scope: { mspId: 'msp-a' }, window: { from: '2026-02-01T00:00:00.000Z', to: '2026-02-04T00:00:00.000Z' }, limit: 1,
    });
    expect(newest.occurredAt).toBe('2026-02-03T10:00:00.999Z');
  });

  it('organization directory: createdAt and updatedAt', async () => {
    const projector = new OrganizationDirectoryProjector(new MongoOrganizationDirectoryStore(db));
    await projector.applyBatch([
      organizationEvent(1n, { type: 'OrganizationCreated', data: { organizationId: 'org-d', name: 'Dated', mspId: 'msp-1' } }),
      organizationEvent(2n, { type: 'OrganizationDeployed', data: { organizationId: 'org-d', name: 'Dated' } }),
    ]);
    const [doc] = await raw('organization_directory');
    expect(doc).toMatchObject({ createdAt: new Date(atPosition(1n)), updatedAt: new Date(atPosition(2n)) });
  });

  it('Sharing Hub: record, history and policy times (deletedAt too)', async () => {
    const org = new Timeline('org-s');
    const events = [org.policy(true), org.itemCreated('i-1'), org.itemShared('i-1', BOB, 'view'), org.itemDeleted('i-1')];
    await new SharingHubProjector(new MongoSharingHubStore(db)).applyBatch(events);
    const [record] = await raw('sharing_hub_records');
    expect(record).toMatchObject({
      createdAt: new Date(events[1].occurredAt), updatedAt: new Date(events[3].occurredAt), deletedAt: new Date(events[3].occurredAt),
    });
    expect((await raw('sharing_hub_history')).map((h) => h.occurredAt).sort((a, b) => a - b)).toEqual(events.slice(1).map((e) => new Date(e.occurredAt)));
    expect((await raw('sharing_hub_policies'))[0].updatedAt).toEqual(new Date(events[0].occurredAt));
  });
});

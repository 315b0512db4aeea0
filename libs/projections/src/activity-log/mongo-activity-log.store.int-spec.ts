import { Db } from 'mongodb';
import { describeWithServer } from '@test/support/real-servers';
import { mongoTestDatabases } from '@app/mongo';
import { ACTIVITY_INDEX_NAMES } from './activity-log.indexes';
import { describeActivityLogStoreContract } from './activity-log.store.contract';
import { MongoActivityLogStore } from './mongo-activity-log.store';

/** The secondary indexes of the collection, as the server lists them (not _id's own). */
async function indexNames(db: Db): Promise<string[]> {
  const indexes = await db.collection('activity_entries').listIndexes().toArray();
  return indexes.map((i) => String(i.name)).filter((name) => name !== '_id_');
}

describeWithServer('MONGO_URL', 'MongoActivityLogStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeActivityLogStoreContract('MongoDB', async () => {
    const db = await databases.fresh();
    const store = new MongoActivityLogStore(db);
    await store.ensureIndexes();
    return { store, indexNames: () => indexNames(db) };
  });
});

describeWithServer('MONGO_URL', 'Mongo stores booting twice on one database (API and worker)', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  it('creates only the missing indexes, so a second boot keeps its connection', async () => {
    const db = await databases.fresh();
    await new MongoActivityLogStore(db).ensureIndexes();
    await new MongoActivityLogStore(db).ensureIndexes();
    expect((await indexNames(db)).sort()).toEqual([...ACTIVITY_INDEX_NAMES].sort());
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it("keys the MSP log's organization index by category before the time order (FerretDB refuses partial indexes)", async () => {
    const db = await databases.fresh();
    await new MongoActivityLogStore(db).ensureIndexes();
    const index = (await db.collection('activity_entries').listIndexes().toArray()).find((i) => i.name === 'activity_msp_log_org');
    expect(Object.keys(index?.key ?? {})).toEqual(['mspId', 'orgId', 'category', 'occurredAt', 'position']);
    expect(index).not.toHaveProperty('partialFilterExpression');
  });

  it('drops the indexes of the names it used before (msp_time, …) when an upgraded database boots', async () => {
    const db = await databases.fresh();
    const time = { occurredAt: -1, position: -1 } as const;
    await db.collection('activity_entries').createIndexes([
      { key: { mspId: 1, ...time }, name: 'msp_time' },
      { key: { orgId: 1, 'item.id': 1, ...time }, name: 'org_item' },
      { key: { orgId: 1, position: 1 }, name: 'org_position' },
    ]);
    await new MongoActivityLogStore(db).ensureIndexes();
    expect((await indexNames(db)).sort()).toEqual([...ACTIVITY_INDEX_NAMES].sort());
  });
});

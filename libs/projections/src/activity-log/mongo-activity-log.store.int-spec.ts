import { describeWithServer } from '@test/support/real-servers';
import { mongoTestDatabases } from '@app/mongo';
import { describeActivityLogStoreContract } from './activity-log.store.contract';
import { MongoActivityLogStore } from './mongo-activity-log.store';

describeWithServer('MONGO_URL', 'MongoActivityLogStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeActivityLogStoreContract('MongoDB', async () => {
    const store = new MongoActivityLogStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});

describeWithServer('MONGO_URL', 'Mongo stores booting twice on one database (API and worker)', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  it('creates only the missing indexes, so a second boot keeps its connection', async () => {
    const db = await databases.fresh();
    await new MongoActivityLogStore(db).ensureIndexes();
    await new MongoActivityLogStore(db).ensureIndexes();
    const names = (await db.collection('activity_entries').listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['msp_time', 'org_item', 'msp_position']));
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});

import { Db } from 'mongodb';
import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeAssertionReplayStoreContract } from './assertion-replay.store.contract';
import { MongoAssertionReplayStore } from './mongo-assertion-replay.store';

describeWithServer('MONGO_URL', 'MongoAssertionReplayStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  let db: Db;
  beforeEach(async () => (db = await databases.fresh()));
  afterAll(() => databases.dropAll());

  describeAssertionReplayStoreContract('MongoDB', async (now) => {
    const store = new MongoAssertionReplayStore(db, { now });
    await store.ensureIndexes();
    return store;
  });
});

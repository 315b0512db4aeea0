import { describeWithServer } from '@test/support/real-servers';
import { mongoTestDatabases } from '../mongo/mongo-test-database';
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

import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeCredentialsStoreContract } from './credentials.store.contract';
import { MongoCredentialsStore } from './mongo-credentials.store';

describeWithServer('MONGO_URL', 'MongoCredentialsStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeCredentialsStoreContract('MongoDB', async () => {
    const store = new MongoCredentialsStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});

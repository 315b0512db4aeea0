import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { MongoSecretStore } from './mongo-secret-store';
import { describeSecretStoreContract } from './secret-store.contract';

describeWithServer('MONGO_URL', 'MongoSecretStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeSecretStoreContract('MongoDB', async () => {
    const store = new MongoSecretStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});

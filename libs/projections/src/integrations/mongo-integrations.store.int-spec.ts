import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeIntegrationsStoreContract } from './integrations.store.contract';
import { MongoIntegrationsStore } from './mongo-integrations.store';

describeWithServer('MONGO_URL', 'MongoIntegrationsStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeIntegrationsStoreContract('MongoDB', async () => {
    const store = new MongoIntegrationsStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});

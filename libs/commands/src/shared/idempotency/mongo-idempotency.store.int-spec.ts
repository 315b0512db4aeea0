import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeIdempotencyStoreContract } from './idempotency.store.contract';
import { MongoIdempotencyStore } from './mongo-idempotency.store';

describeWithServer('MONGO_URL', 'MongoIdempotencyStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeIdempotencyStoreContract('MongoDB', async (options) => {
    const store = new MongoIdempotencyStore(await databases.fresh(), options);
    await store.ensureIndexes();
    return store;
  });

  it('connects on its own client to the database named in the URL, and closes it', async () => {
    const db = await databases.fresh();
    const named = new URL(url);
    named.pathname = `/${db.databaseName}`;
    const store = await MongoIdempotencyStore.connect(named.toString());
    expect(await store.begin('s', 'k', 'fp')).toEqual({ kind: 'started' });
    expect(await db.collection('idempotency_keys').countDocuments()).toBe(1);
    await store.close();
    await expect(store.begin('s', 'k', 'fp')).rejects.toThrow();
  });
});

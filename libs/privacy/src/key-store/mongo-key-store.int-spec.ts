import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeKeyStoreContract } from './key-store.contract';
import { MongoKeyStore } from './mongo-key-store';

describeWithServer('MONGO_URL', 'MongoKeyStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeKeyStoreContract('MongoDB', async () => {
    const store = new MongoKeyStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });

  it('sweeps a key that was written beside its tombstone', async () => {
    const db = await databases.fresh();
    const store = new MongoKeyStore(db);
    const s = { keyId: 'b'.repeat(24), scope: 'org:o', memberId: 'm', wrapped: 'k1.x', createdAt: '2026-01-01T00:00:00.000Z' };
    await store.putSubjectKey(s);
    await db.collection('erased_subjects').insertOne({ _id: s.keyId as never, scope: 'org:o', memberId: 'm', erasedAt: 'now' });
    expect(await store.sweepErased()).toBe(1);
    expect(await store.subjectKeys([s.keyId])).toEqual([]);
  });
});

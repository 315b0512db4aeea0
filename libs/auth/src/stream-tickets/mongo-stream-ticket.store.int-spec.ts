import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { MongoStreamTicketStore } from './mongo-stream-ticket.store';
import { describeStreamTicketStoreContract } from './stream-ticket.store.contract';

describeWithServer('MONGO_URL', 'MongoStreamTicketStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeStreamTicketStoreContract('MongoDB', async () => {
    const store = new MongoStreamTicketStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });

  it('connects on its own client to the database named in the URL, keeps only the hash, and closes', async () => {
    const db = await databases.fresh();
    const named = new URL(url);
    named.pathname = `/${db.databaseName}`;
    const store = await MongoStreamTicketStore.connect(named.toString());
    const at = Date.now() + 5000;
    await store.put({ hash: 'a'.repeat(64), principal: { subject: 's', role: 'org_owner', orgId: 'o' }, target: 'GET /x?', expiresAt: at });
    const doc = await db.collection('stream_tickets').findOne({});
    expect(doc).toMatchObject({ _id: 'a'.repeat(64), expiresAt: new Date(at), credentialExpiresAt: null });
    await store.close();
    await expect(store.take('a'.repeat(64))).rejects.toThrow();
  });
});

import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { describeMemberDirectoryStoreContract } from './member-directory.store.contract';
import { MongoMemberDirectoryStore } from './mongo-member-directory.store';

describeWithServer('MONGO_URL', 'MongoMemberDirectoryStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeMemberDirectoryStoreContract('MongoDB', async (kind) => {
    const store = new MongoMemberDirectoryStore(await databases.fresh(), kind);
    await store.ensureIndexes();
    return store;
  });

  it('keeps times as BSON dates and creates its index once', async () => {
    const db = await databases.fresh();
    const store = new MongoMemberDirectoryStore(db, 'org');
    await store.ensureIndexes();
    await new MongoMemberDirectoryStore(db, 'org').ensureIndexes();
    const at = '2026-06-01T00:00:00.000Z';
    await store.save({
      entries: [{ tenantId: 'o', memberId: 'm', email: 'M@x.example', name: null, role: 'org_admin', status: 'active', since: at, updatedAt: at, position: 1n }],
      checkpoint: 1n,
    });
    const doc = await db.collection('org_members').findOne({});
    expect(doc?.since).toBeInstanceOf(Date);
    expect(doc?.emailLc).toBe('m@x.example');
    const names = (await db.collection('org_members').listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['tenant_email']));
  });
});

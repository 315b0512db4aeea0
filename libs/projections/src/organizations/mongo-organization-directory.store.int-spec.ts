import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { MongoOrganizationDirectoryStore } from './mongo-organization-directory.store';
import { describeOrganizationDirectoryStoreContract } from './organization-directory.store.contract';

describeWithServer('MONGO_URL', 'MongoOrganizationDirectoryStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeOrganizationDirectoryStoreContract('MongoDB', async () => {
    const store = new MongoOrganizationDirectoryStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });

  it('creates its index once: a second boot asks for nothing', async () => {
    const db = await databases.fresh();
    await new MongoOrganizationDirectoryStore(db).ensureIndexes();
    await new MongoOrganizationDirectoryStore(db).ensureIndexes();
    const names = (await db.collection('organization_directory').listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['msp_org']));
  });
});

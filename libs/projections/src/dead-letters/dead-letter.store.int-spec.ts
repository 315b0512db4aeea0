import { mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeDeadLetterStoreContract } from './dead-letter.store.contract';
import { MongoDeadLetterStore } from './mongo-dead-letter.store';
import { SqliteDeadLetterStore } from './sqlite-dead-letter.store';

describeDeadLetterStoreContract('SQLite', async () => new SqliteDeadLetterStore(openReadDatabase(':memory:')));

describeWithServer('MONGO_URL', 'MongoDeadLetterStore on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());
  describeDeadLetterStoreContract('MongoDB', async () => new MongoDeadLetterStore(await databases.fresh()));
});

import { Db, MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';

/** A throwaway database per test on a real MongoDB-wire server, dropped when the suite ends. */
export function mongoTestDatabases(url: string) {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  const created: Db[] = [];
  return {
    async fresh(): Promise<Db> {
      await client.connect();
      const db = client.db(`test_${uuidv7().replace(/-/g, '')}`);
      created.push(db);
      return db;
    },
    async dropAll(): Promise<void> {
      for (const db of created) await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

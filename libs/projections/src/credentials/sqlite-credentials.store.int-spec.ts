import Database from 'better-sqlite3';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeCredentialsStoreContract } from './credentials.store.contract';
import { SqliteCredentialsStore } from './sqlite-credentials.store';

describe('SqliteCredentialsStore', () => {
  const opened: Database.Database[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  describeCredentialsStoreContract('sqlite', async () => {
    const db = openReadDatabase(':memory:');
    opened.push(db);
    return new SqliteCredentialsStore(db);
  });
});

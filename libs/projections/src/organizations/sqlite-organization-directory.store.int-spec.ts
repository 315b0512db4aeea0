import Database from 'better-sqlite3';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeOrganizationDirectoryStoreContract } from './organization-directory.store.contract';
import { SqliteOrganizationDirectoryStore } from './sqlite-organization-directory.store';

describe('SqliteOrganizationDirectoryStore', () => {
  const opened: Database.Database[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  describeOrganizationDirectoryStoreContract('sqlite', async () => {
    const db = openReadDatabase(':memory:');
    opened.push(db);
    return new SqliteOrganizationDirectoryStore(db);
  });
});

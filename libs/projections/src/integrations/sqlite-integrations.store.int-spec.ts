import Database from 'better-sqlite3';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeIntegrationsStoreContract } from './integrations.store.contract';
import { SqliteIntegrationsStore } from './sqlite-integrations.store';

describe('SqliteIntegrationsStore', () => {
  const opened: Database.Database[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  describeIntegrationsStoreContract('sqlite', async () => {
    const db = openReadDatabase(':memory:');
    opened.push(db);
    return new SqliteIntegrationsStore(db);
  });
});

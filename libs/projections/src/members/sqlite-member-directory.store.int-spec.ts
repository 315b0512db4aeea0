import Database from 'better-sqlite3';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { describeMemberDirectoryStoreContract } from './member-directory.store.contract';
import { SqliteMemberDirectoryStore } from './sqlite-member-directory.store';

describe('SqliteMemberDirectoryStore', () => {
  const opened: Database.Database[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  describeMemberDirectoryStoreContract('sqlite', async (kind) => {
    const db = openReadDatabase(':memory:');
    opened.push(db);
    return new SqliteMemberDirectoryStore(db, kind);
  });

  it('keeps the two rosters apart in one database', async () => {
    const db = openReadDatabase(':memory:');
    opened.push(db);
    const msp = new SqliteMemberDirectoryStore(db, 'msp');
    const org = new SqliteMemberDirectoryStore(db, 'org');
    const at = '2026-06-01T00:00:00.000Z';
    const entry = { tenantId: 't', memberId: 'm', email: 'm@x.example', name: null, role: 'msp_admin', status: 'active', since: at, updatedAt: at, position: 1n };
    await msp.save({ entries: [entry], checkpoint: 1n });
    expect(await msp.list({ tenantId: 't', limit: 5 })).toEqual([entry]);
    expect(await org.list({ tenantId: 't', limit: 5 })).toEqual([]);
    expect(await org.checkpoint()).toBeUndefined();
    expect(await msp.checkpoint()).toBe(1n);
  });
});

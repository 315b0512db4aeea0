import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utf8 } from '../bytes';
import { MerkleLog } from './merkle-log';
import { describeMerkleNodeStoreContract } from './merkle-node-store.contract';
import { leafHash, treeHash } from './rfc9162';
import { SqliteMerkleNodeStore } from './sqlite-merkle-node-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'merkle-nodes-'));
  dirs.push(dir);
  return join(dir, 'nodes.sqlite');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeMerkleNodeStoreContract('SQLite', async () => {
  const store = SqliteMerkleNodeStore.openFile(tempFile());
  return { store, close: async () => store.close() };
});

describe('SqliteMerkleNodeStore', () => {
  const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(utf8(`event ${i}`)));

  it('keeps the log across a reopen of the file', async () => {
    const file = tempFile();
    const first = SqliteMerkleNodeStore.openFile(file);
    const log = await MerkleLog.open(first);
    await log.append(leaves);
    first.close();

    const second = SqliteMerkleNodeStore.openFile(file);
    const reopened = await MerkleLog.open(second);
    expect(reopened.size).toBe(1000);
    expect(reopened.root()).toEqual(treeHash(leaves));
    expect(await reopened.inclusionProof(0, 1000)).toHaveLength(10);
    second.close();
  });

  it('writes inside the caller’s transaction and rolls back with it, on a database with safe integers', async () => {
    const db = new Database(tempFile());
    db.defaultSafeIntegers(true); // as the event store opens its database
    const store = new SqliteMerkleNodeStore(db);
    db.exec('CREATE TABLE events (n INTEGER)');
    const appendBoth = db.transaction((fail: boolean) => {
      db.prepare('INSERT INTO events (n) VALUES (1)').run();
      store.putNodesSync([{ level: 0, index: 0, hash: leaves[0] }]);
      if (fail) throw new Error('the event insert failed');
    });
    expect(() => appendBoth(true)).toThrow('the event insert failed');
    expect(await store.leafCount()).toBe(0);
    appendBoth(false);
    expect(await store.leafCount()).toBe(1);
    expect(await store.getNodes([{ level: 0, index: 0 }])).toEqual([leaves[0]]);
    db.close();
  });

  it('refuses a table name that is not an identifier', () => {
    const db = new Database(':memory:');
    expect(() => new SqliteMerkleNodeStore(db, 'nodes; DROP TABLE events')).toThrow('bad table name');
    db.close();
  });
});

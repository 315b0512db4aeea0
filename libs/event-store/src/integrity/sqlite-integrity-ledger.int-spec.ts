import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoredEventJson } from '@app/integrity';
import { event } from '../contract/event-store.contract';
import { NewEvent } from '../event-envelope';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteIntegrityLedger } from './sqlite-integrity-ledger';
import { openEventDatabase } from '../sqlite/sqlite-schema';

const ofOrg = (orgId: string, id?: string): NewEvent => ({
  ...(id && { id }), type: 'T', data: {}, metadata: { actor: { type: 'member', id: 'u' }, tenant: { orgId }, client: { ip: '192.0.2.1' } },
});

describe('the inline integrity log of the SQLite store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const linksOf = async (log: SqliteAuditLog) => {
    const { size } = await log.state();
    const links = [];
    for (let i = 0; i < size; i++) links.push(...readStoredEventJson(await log.leafBytes(i))!.links.map((l) => `${l.scope}#${l.seq}`));
    return links;
  };

  it('logs nothing of an append its batch rejected, and chains the others of the batch', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('s-x', [ofOrg('o1')], 'no_stream');
    const id = '0190b6a8-7c4d-7e01-9b7a-5c1a2b3c4d5e';
    await store.append('s-dup', [ofOrg('o1', id)], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append('s-y', [ofOrg('o1')], 'no_stream'),
      store.append('s-x', [ofOrg('o1')], 7n), // wrong revision
      store.append('s-z', [ofOrg('o1'), ofOrg('o1', id)], 'no_stream'), // duplicate id on its second event
      store.append('s-w', [ofOrg('o1'), ofOrg('o2')], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(store.transactionsCommitted).toBe(3);
    const log = SqliteAuditLog.openEventsFile(file);
    expect((await log.state()).size).toBe(5);
    expect(await linksOf(log)).toEqual(['org:o1#0', 'org:o1#1', 'org:o1#2', 'org:o1#3', 'org:o2#0']);
    expect(await log.positionsNotInLog(10)).toEqual([]);
    await Promise.all([store.close(), log.close()]);
  });

  it('keeps the links out of what readers get', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('s', [ofOrg('o1')], 'no_stream');
    const [read] = await store.readAll();
    expect(read.metadata).toEqual(ofOrg('o1').metadata);
    const db = new Database(file, { readonly: true });
    expect(JSON.parse((db.prepare('SELECT metadata FROM events').get() as { metadata: string }).metadata).integrity.chains).toEqual([
      { scope: 'org:o1', seq: 0, prev: null },
    ]);
    db.close();
    await store.close();
  });

  it('stores its own links in place of an `integrity` member the caller put in the metadata', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('s', [ofOrg('o1')], 'no_stream');
    const forged = { ...ofOrg('o1'), metadata: { ...ofOrg('o1').metadata, integrity: { chains: [{ scope: 'org:o1', seq: 0, prev: null }] } } };
    await store.append('s', [forged as NewEvent], 0n);
    const db = new Database(file, { readonly: true });
    const stored = (db.prepare('SELECT metadata FROM events ORDER BY position').pluck().all() as string[]).map((m) => JSON.parse(m));
    expect(stored[1].integrity.chains).toEqual([{ scope: 'org:o1', seq: 1, prev: 0 }]);
    expect(stored[1]).toEqual({ ...ofOrg('o1').metadata, integrity: stored[1].integrity });
    db.close();
    await store.close();
    const log = SqliteAuditLog.openEventsFile(file);
    expect(await linksOf(log)).toEqual(['org:o1#0', 'org:o1#1']);
    await log.close();
  });

  it('goes on with one chain across a reopen and across two writers on the file', async () => {
    const first = new SqliteEventStore({ file });
    await first.append('a', [ofOrg('o1')], 'no_stream');
    await first.close();
    const again = new SqliteEventStore({ file });
    const other = new SqliteEventStore({ file }); // as another process would
    await again.append('b', [ofOrg('o1')], 'no_stream');
    await other.append('c', [ofOrg('o1')], 'no_stream');
    await again.append('d', [ofOrg('o1')], 'no_stream');
    const log = SqliteAuditLog.openEventsFile(file);
    expect(await linksOf(log)).toEqual(['org:o1#0', 'org:o1#1', 'org:o1#2', 'org:o1#3']);
    const merkle = await log.merkle();
    expect(merkle.size).toBe(4);
    await Promise.all([again.close(), other.close(), log.close()]);
  });

  it('links each event to the leaf before it when the store opens on an index that is behind, and after another writer', async () => {
    const first = new SqliteEventStore({ file });
    for (const s of ['a', 'b', 'c']) await first.append(s, [ofOrg('o1')], 'no_stream');
    const indexer = SqliteAuditLog.openEventsFile(file);
    expect((await indexer.state()).size).toBe(3); // the index covers three leaves
    await first.append('d', [ofOrg('o1')], 'no_stream');
    await first.append('e', [ofOrg('o2')], 'no_stream');
    await first.close();
    const again = new SqliteEventStore({ file }); // heads: the index's, then the links of leaves 3 and 4
    const other = new SqliteEventStore({ file });
    await again.append('f', [ofOrg('o1')], 'no_stream');
    await other.append('g', [ofOrg('o2')], 'no_stream');
    await again.append('h', [ofOrg('o2')], 'no_stream');
    const log = SqliteAuditLog.openEventsFile(file);
    const { size } = await log.state();
    const leaves = await Promise.all(Array.from({ length: size }, (_, i) => log.leafBytes(i)));
    const chains = leaves.map((bytes) => readStoredEventJson(bytes)!.links[0]);
    expect(chains.map((l) => `${l.scope}#${l.seq}`)).toEqual(['org:o1#0', 'org:o1#1', 'org:o1#2', 'org:o1#3', 'org:o2#0', 'org:o1#4', 'org:o2#1', 'org:o2#2']);
    expect(chains.map((l) => l.prev)).toEqual([null, 0, 1, 2, null, 3, 4, 6]);
    await Promise.all([again.close(), other.close(), log.close(), indexer.close()]);
  });

  it('forgets the links of a batch whose transaction failed', () => {
    const db = openEventDatabase({ file });
    const ledger = new SqliteIntegrityLedger(db);
    const tenant = { mspId: 'm1', orgId: 'o1' };
    const logOne = (position: bigint) => {
      const batch = ledger.begin();
      const { metadata, links } = batch.stamp({ actor: { type: 'member', id: 'u' }, tenant, client: { ip: '192.0.2.1' } });
      batch.record(position, { id: `id-${position}`, type: 'T', schemaVersion: 1, streamId: 's', revision: position, occurredAt: 't', data: '{}', metadata }, links);
      return { batch, links, commit: batch.write() };
    };
    db.transaction(() => logOne(1n).commit)()();
    expect(() =>
      db.transaction(() => {
        logOne(2n);
        throw new Error('the transaction fails after the ledger wrote its batch');
      })(),
    ).toThrow('fails');
    const next = db.transaction(() => logOne(2n))();
    next.commit();
    expect(next.links.map((l) => `${l.scope}#${l.seq}`)).toEqual(['msp:m1#1', 'org:o1#1']);
    expect(ledger.size).toBe(2);
    db.close();
  });

  it('writes no log when turned off (benchmarks only)', async () => {
    const store = new SqliteEventStore({ file, integrity: false });
    await store.append('s', [event('A')], 'no_stream');
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'integrity_nodes'").get()).toBeUndefined();
    db.close();
  });
});

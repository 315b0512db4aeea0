import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NewEvent } from '../event-envelope';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { applyIndex, indexLeaves, LeafReader, planIndex } from './leaf-index';
import { PostOrderNodeStore } from './post-order-node-store';

const tenantEvent = (i: number, extra: Record<string, unknown> = {}): NewEvent => ({
  type: 'OrganizationRenamed',
  data: { i },
  metadata: {
    actor: { type: 'member', id: `m-${i % 3}`, role: 'msp_admin' },
    tenant: { mspId: `msp-${i % 2}`, orgId: `org-${i % 5}` },
    client: { ip: '203.0.113.7' },
    ...extra,
  } as NewEvent['metadata'],
});

const derived = (db: Database.Database) => ({
  nodes: db.prepare('SELECT id, hex(hash) AS hash, position FROM integrity_nodes ORDER BY id').all(),
  links: db.prepare('SELECT * FROM integrity_links ORDER BY scope, seq').all(),
  heads: db.prepare('SELECT scope, count, last_index, hex(last_leaf_hash) AS hash FROM integrity_scope_heads ORDER BY scope').all(),
  indexed: db.prepare('SELECT indexed FROM integrity_index').pluck().get(),
});

describe('indexLeaves', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leaf-index-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    // Members named "integrity" elsewhere in the metadata, and one a caller set at the top (the appender replaces it).
    for (let i = 0; i < 2_300; i++) {
      const extra = i % 7 === 0 ? { note: { integrity: { chains: [] } } } : i % 11 === 0 ? { integrity: { chains: 'forged' } } : {};
      await store.append(`s-${i % 40}`, [tenantEvent(i, extra)], 'any');
    }
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives the same nodes, links and heads in many short runs as in one, over pages of leaves', () => {
    copyFileSync(file, join(dir, 'copy.sqlite'));
    const once = openEventDatabase({ file });
    const inSteps = openEventDatabase({ file: join(dir, 'copy.sqlite') });
    try {
      expect(indexLeaves(once, new LeafReader(once, 'events'))).toBe(2_300);
      const reader = new LeafReader(inSteps, 'events');
      const sizes: number[] = [];
      for (let size = 0; size < 2_300; ) sizes.push((size = inSteps.transaction(() => indexLeaves(inSteps, reader, 333))()));
      expect(sizes).toEqual([333, 666, 999, 1332, 1665, 1998, 2300]);
      expect(derived(inSteps)).toEqual(derived(once));
      const links = derived(once).links as { scope: string; seq: bigint }[];
      // 2 MSPs, 5 organizations: every event has its two links, numbered without gaps.
      expect(links).toHaveLength(4_600);
      expect(links.filter((l) => l.scope === 'org:org-3').map((l) => Number(l.seq))).toEqual([...Array(460).keys()]);
    } finally {
      once.close();
      inSteps.close();
    }
  });

  it('writes a plan read on a snapshot only when no other indexer moved the index since', () => {
    const a = openEventDatabase({ file });
    const b = openEventDatabase({ file });
    try {
      const reader = new LeafReader(a, 'events');
      const stale = a.transaction(() => planIndex(reader, new PostOrderNodeStore(a), 1_000)).deferred()!;
      expect([stale.from, stale.size, stale.links.length / 4]).toEqual([0, 1_000, 2_000]);
      b.transaction(() => indexLeaves(b, new LeafReader(b, 'events'), 500)).immediate();
      expect(a.transaction(() => applyIndex(a, reader, stale)).immediate()).toBe(false);
      expect(reader.indexedSize()).toBe(500);
      expect(a.prepare('SELECT count(*) FROM integrity_links').pluck().get()).toBe(1_000n);
      const fresh = a.transaction(() => planIndex(reader, new PostOrderNodeStore(a), 1_000)).deferred()!;
      expect(a.transaction(() => applyIndex(a, reader, fresh)).immediate()).toBe(true);
      expect([reader.indexedSize(), a.prepare('SELECT count(*) FROM integrity_links').pluck().get()]).toEqual([1_500, 3_000n]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('reads the links of the top-level member only: a nested one in altered metadata is not taken for them', () => {
    const db = openEventDatabase({ file });
    try {
      const metadata = db.prepare('SELECT metadata FROM events WHERE position = 1').pluck().get() as string;
      const { integrity, ...rest } = JSON.parse(metadata);
      // The links moved one level down, still the text's last member: the tail looks the same.
      db.prepare('UPDATE events SET metadata = ? WHERE position = 1').run(JSON.stringify({ ...rest, x: { integrity } }));
      indexLeaves(db, new LeafReader(db, 'events'));
      const first = db.prepare('SELECT scope, seq FROM integrity_links WHERE leaf_index = 0').all();
      expect(first).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM integrity_links').pluck().get()).toBe(4_598n);
    } finally {
      db.close();
    }
  });
});

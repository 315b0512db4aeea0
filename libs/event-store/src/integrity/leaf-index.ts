import Database from 'better-sqlite3';
import { ChainLink, CompactRange, readStoredEventJson, ScopeHead } from '@app/integrity';
import { canonicalEventBytes, StoredEventColumns } from './canonical-event-bytes';
import { postOrder, PostOrderNodeStore } from './post-order-node-store';

/** Where a log's leaf data are: the rows of the events table (inline) or stored with each leaf (downstream writer). */
export type LeafSource = 'events' | 'leaf-data';

type Row = Record<string, unknown>;

export const headOfRow = (r: Row): ScopeHead => ({
  scope: r.scope as string,
  count: Number(r.count),
  lastIndex: Number(r.last_index),
  lastLeafHash: new Uint8Array(r.last_leaf_hash as Buffer),
});

export function columnsOfRow(r: Row): StoredEventColumns {
  return {
    id: r.id as string, type: r.type as string, schemaVersion: r.schema_version as bigint, streamId: r.stream_id as string,
    revision: r.revision as bigint, occurredAt: r.occurred_at as string, data: r.data as string, metadata: r.metadata as string,
  };
}

export interface StoredLeaf {
  leafIndex: number;
  position: bigint;
  committedAt: string;
  hash: Uint8Array;
  /** The leaf data; undefined when its event is no longer in the store. */
  bytes: Uint8Array | undefined;
}

/** Reads leaves of one log: tree size, a leaf's row, its data. */
export class LeafReader {
  private readonly maxId: Database.Statement;
  private readonly row: Database.Statement;
  private readonly event: Database.Statement;

  constructor(db: Database.Database, private readonly source: LeafSource) {
    this.maxId = db.prepare('SELECT max(id) FROM integrity_nodes').pluck();
    this.row = db.prepare('SELECT hash, position, committed_at, leaf_data FROM integrity_nodes WHERE id = ?');
    this.event = db.prepare(source === 'events' ? 'SELECT * FROM events WHERE position = ?' : 'SELECT 1');
  }

  /** How many leaves are written: leaf n − 1 is the last with a post-order number ≤ the largest stored (leaves have no gaps). */
  size(): number {
    const max = this.maxId.get() as bigint | null;
    if (max === null) return 0;
    let low = 0;
    let high = Number(max) + 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (postOrder(0, mid - 1) <= Number(max)) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** A leaf's row without its data (cheap: for binary searches on position and time). */
  meta(leafIndex: number): { position: bigint; committedAt: string; hash: Uint8Array } | undefined {
    const r = this.row.get(postOrder(0, leafIndex)) as Row | undefined;
    return r && { position: r.position as bigint, committedAt: r.committed_at as string, hash: new Uint8Array(r.hash as Buffer) };
  }

  leaf(leafIndex: number): StoredLeaf | undefined {
    const r = this.row.get(postOrder(0, leafIndex)) as Row | undefined;
    if (!r) return undefined;
    const position = r.position as bigint;
    let bytes: Uint8Array | undefined;
    if (this.source === 'leaf-data') bytes = new Uint8Array(r.leaf_data as Buffer);
    else {
      const event = this.event.get(position) as Row | undefined;
      bytes = event && canonicalEventBytes(columnsOfRow(event));
    }
    return { leafIndex, position, committedAt: r.committed_at as string, hash: new Uint8Array(r.hash as Buffer), bytes };
  }
}

/**
 * Brings what derives from the leaves up to the leaves written so far: the tree's inner nodes
 * (from the stored leaf hashes) and the per-scope index (links and heads, read from each leaf's
 * bytes). Idempotent and resumable; call it inside a write transaction (the append's, or an
 * IMMEDIATE one) so two processes never index the same leaves at once. Answers the size indexed.
 */
export function indexLeaves(db: Database.Database, reader: LeafReader): number {
  const indexed = Number((db.prepare('SELECT indexed FROM integrity_index WHERE id = 0').pluck().get() as bigint | undefined) ?? 0);
  const size = reader.size();
  if (indexed >= size) return indexed;
  const nodes = new PostOrderNodeStore(db);
  const range = CompactRange.fromBorder(indexed, CompactRange.borderOf(indexed).map((id) => nodes.get(id)));
  const heads = new Map<string, ScopeHead>();
  const insertLink = db.prepare('INSERT OR IGNORE INTO integrity_links (scope, seq, leaf_index, position) VALUES (?, ?, ?, ?)');
  for (let i = indexed; i < size; i++) {
    const leaf = reader.leaf(i);
    if (!leaf) throw new Error(`leaf ${i} is missing from the integrity log`);
    const [, ...above] = range.append(leaf.hash);
    above.forEach((node) => nodes.putNodeInTransaction(node));
    for (const link of (leaf.bytes && readLinks(leaf.bytes)) || []) {
      insertLink.run(link.scope, link.seq, i, leaf.position);
      heads.set(link.scope, { scope: link.scope, count: link.seq + 1, lastIndex: i, lastLeafHash: leaf.hash });
    }
  }
  const upsert = db.prepare(
    `INSERT INTO integrity_scope_heads (scope, count, last_index, last_leaf_hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope) DO UPDATE SET count = excluded.count, last_index = excluded.last_index, last_leaf_hash = excluded.last_leaf_hash
     WHERE excluded.last_index > integrity_scope_heads.last_index`,
  );
  for (const h of heads.values()) upsert.run(h.scope, h.count, h.lastIndex, Buffer.from(h.lastLeafHash));
  db.prepare('INSERT INTO integrity_index (id, indexed) VALUES (0, ?) ON CONFLICT (id) DO UPDATE SET indexed = excluded.indexed').run(size);
  return size;
}

function readLinks(bytes: Uint8Array): ChainLink[] | undefined {
  try {
    return readStoredEventJson(bytes)?.links;
  } catch {
    return undefined; // altered bytes: audit-check reports them, the index skips their links
  }
}

import Database from 'better-sqlite3';
import { ChainLink, CompactRange, isChainLink, MerkleNode, readStoredEventJson, ScopeHead } from '@app/integrity';
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

/** A leaf's row, with what its links are read from. */
interface LeafRow {
  id: number | bigint;
  hash: Buffer;
  position: bigint;
  /** The event's stored metadata (inline log) or the leaf data (downstream writer); null when the event is gone. */
  source: string | Buffer | null;
}

/** Leaves per page read: each page is one read (and, when indexing, a few multi-row inserts). */
const PAGE = 1_000;

/** Reads leaves of one log: tree size, a leaf's row, its data. */
export class LeafReader {
  private readonly maxId: Database.Statement;
  private readonly row: Database.Statement;
  private readonly event: Database.Statement;
  private readonly page: Database.Statement;
  private readonly indexed: Database.Statement;

  /** `index`: the database of the derived index, when it is not the leaves' own. */
  constructor(db: Database.Database, private readonly source: LeafSource, index: Database.Database = db) {
    this.indexed = index.prepare('SELECT indexed, last_leaf FROM integrity_index WHERE id = 0');
    this.maxId = db.prepare('SELECT max(id) FROM integrity_nodes').pluck();
    this.page = db.prepare(
      source === 'events'
        ? `SELECT n.id, n.hash, n.position, e.metadata AS source FROM integrity_nodes n LEFT JOIN events e ON e.position = n.position
           WHERE n.id BETWEEN ? AND ? AND n.position IS NOT NULL ORDER BY n.id`
        : 'SELECT id, hash, position, leaf_data AS source FROM integrity_nodes WHERE id BETWEEN ? AND ? AND position IS NOT NULL ORDER BY id',
    );
    this.row = db.prepare('SELECT hash, position, committed_at, leaf_data FROM integrity_nodes WHERE id = ?');
    this.event = db.prepare(source === 'events' ? 'SELECT * FROM events WHERE position = ?' : 'SELECT 1');
  }

  /** How many leaves the derived index covers. */
  indexedSize(): number {
    return Number(this.indexRow()?.indexed ?? 0);
  }

  private indexRow(): { indexed: bigint; last_leaf: Buffer | null } | undefined {
    return this.indexed.get() as { indexed: bigint; last_leaf: Buffer | null } | undefined;
  }

  /**
   * Whether the derived index is this log's: it covers no more leaves than there are, and the last
   * one it covers has the hash it recorded. Not so when an older copy of the events file was put
   * back beside a newer index file (or another store's): that index must be derived again.
   */
  indexFits(): boolean {
    const row = this.indexRow();
    const indexed = Number(row?.indexed ?? 0);
    if (indexed === 0) return true;
    if (indexed > this.size()) return false;
    const last = this.meta(indexed - 1);
    return !!last && (row!.last_leaf === null || Buffer.compare(Buffer.from(last.hash), row!.last_leaf) === 0);
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

  /**
   * The rows of leaves [from, to), in order, a page of PAGE leaves at a time (each one read, so
   * the caller may write between pages): `first` is the leaf index of the page's first row.
   * Throws when a leaf is missing.
   */
  *pages(from: number, to: number): Generator<{ first: number; rows: LeafRow[] }> {
    for (let first = from; first < to; first += PAGE) {
      const end = Math.min(to, first + PAGE);
      const rows = this.page.all(postOrder(0, first), postOrder(0, end - 1)) as LeafRow[];
      // Only leaves have a position; a leaf without its row shifts every later one out of its place.
      const missing = rows.findIndex((row, k) => Number(row.id) !== postOrder(0, first + k));
      if (missing !== -1 || rows.length < end - first) throw new Error(`leaf ${first + (missing === -1 ? rows.length : missing)} is missing from the integrity log`);
      yield { first, rows };
    }
  }

  /** What the index reads of a leaf: its chain links; undefined when its bytes hold none (or are gone). */
  linksOf(row: LeafRow): ChainLink[] | undefined {
    if (row.source === null) return undefined;
    return this.source === 'events' ? linksOfMetadata(row.source as string) : readLinks(row.source as Buffer);
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

/** What indexing a run of leaves writes: computed from a read snapshot, written in a short write transaction. */
export interface IndexPlan {
  /** The size indexed when the plan was read: applyIndex writes it only if that is still so. */
  from: number;
  size: number;
  nodes: MerkleNode[];
  /** scope, seq, leaf index, position: four parameters per link. */
  links: unknown[];
  heads: Map<string, ScopeHead>;
  /** The hash of leaf size − 1, recorded with the size. */
  lastLeaf: Buffer;
}

/**
 * Reads what indexing the next `limit` leaves derives from them: the tree's inner nodes (from the
 * stored leaf hashes) and the per-scope index (links and heads, read from each leaf's bytes).
 * Reads only: run it in a read transaction, so another process's appends are never held up by
 * the hashing and parsing. Undefined when every leaf is indexed.
 */
export function planIndex(reader: LeafReader, store: PostOrderNodeStore, limit = Number.POSITIVE_INFINITY): IndexPlan | undefined {
  const from = reader.indexedSize();
  const size = Math.min(reader.size(), from + limit);
  if (from >= size) return undefined;
  const range = CompactRange.fromBorder(from, CompactRange.borderOf(from).map((id) => store.get(id)));
  const plan: IndexPlan = { from, size, nodes: [], links: [], heads: new Map(), lastLeaf: Buffer.alloc(0) };
  for (const { first, rows } of reader.pages(from, size)) {
    rows.forEach((row, k) => {
      const i = first + k;
      plan.lastLeaf = row.hash;
      const [, ...above] = range.append(row.hash);
      plan.nodes.push(...above);
      for (const link of reader.linksOf(row) ?? []) {
        plan.links.push(link.scope, link.seq, i, row.position);
        plan.heads.set(link.scope, { scope: link.scope, count: link.seq + 1, lastIndex: i, lastLeafHash: row.hash });
      }
    });
  }
  return plan;
}

/**
 * Writes a plan, inside a write transaction, unless another indexer moved the index since it was
 * read (then nothing is written and the answer is false: plan again). Idempotent: a node written
 * before (by a run that did not commit its count) must have the same hash.
 */
export function applyIndex(db: Database.Database, reader: LeafReader, plan: IndexPlan): boolean {
  if (reader.indexedSize() !== plan.from) return false;
  const writer = new IndexWriter(db, new PostOrderNodeStore(db));
  writer.write(plan.nodes, plan.links);
  const upsert = db.prepare(
    `INSERT INTO integrity_scope_heads (scope, count, last_index, last_leaf_hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope) DO UPDATE SET count = excluded.count, last_index = excluded.last_index, last_leaf_hash = excluded.last_leaf_hash
     WHERE excluded.last_index > integrity_scope_heads.last_index`,
  );
  for (const h of plan.heads.values()) upsert.run(h.scope, h.count, h.lastIndex, h.lastLeafHash);
  db.prepare(
    'INSERT INTO integrity_index (id, indexed, last_leaf) VALUES (0, ?, ?) ON CONFLICT (id) DO UPDATE SET indexed = excluded.indexed, last_leaf = excluded.last_leaf',
  ).run(plan.size, plan.lastLeaf);
  return true;
}

/**
 * Brings what derives from the leaves up to the leaves written so far (at most `limit` more), in
 * one write transaction the caller holds: planIndex and applyIndex together. Answers the size indexed.
 */
export function indexLeaves(db: Database.Database, reader: LeafReader, limit = Number.POSITIVE_INFINITY): number {
  const plan = planIndex(reader, new PostOrderNodeStore(db), limit);
  if (plan) applyIndex(db, reader, plan);
  return plan?.size ?? reader.indexedSize();
}

/** Rows per INSERT: at most 4 parameters each, far below SQLite's limit of 32766. */
const ROWS_PER_INSERT = 200;

/** Inner nodes and links, written a few statements at a time instead of one row each. */
class IndexWriter {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, private readonly store: PostOrderNodeStore) {}

  write(nodes: readonly MerkleNode[], links: unknown[]): void {
    const params = nodes.flatMap((node) => [postOrder(node.level, node.index), node.hash]);
    const written = this.insertAll('INSERT INTO integrity_nodes (id, hash) VALUES', '(?, ?)', 2, params, ' ON CONFLICT DO NOTHING');
    // Some were there: check each against its stored hash.
    if (written !== nodes.length) nodes.forEach((node) => this.store.putNodeInTransaction(node));
    this.insertAll('INSERT OR IGNORE INTO integrity_links (scope, seq, leaf_index, position) VALUES', '(?, ?, ?, ?)', 4, links);
  }

  private insertAll(head: string, row: string, width: number, params: unknown[], tail = ''): number {
    let changes = 0;
    for (let at = 0; at < params.length; at += width * ROWS_PER_INSERT) {
      const chunk = params.slice(at, at + width * ROWS_PER_INSERT);
      changes += this.insert(head, row, chunk.length / width, tail).run(chunk).changes;
    }
    return changes;
  }

  private insert(head: string, row: string, rows: number, tail: string): Database.Statement {
    const key = `${head}${rows}`;
    let statement = this.statements.get(key);
    if (!statement) this.statements.set(key, (statement = this.db.prepare(`${head} ${Array.from({ length: rows }, () => row).join(', ')}${tail}`)));
    return statement;
  }
}

const LINKS_KEY = '"integrity":';

/**
 * The links of an inline leaf: its stored metadata's `integrity.chains` (what readStoredEventJson
 * reads of the whole event). The appender writes that member last (stamp), so the tail after its
 * key is parsed alone. That text, less the object's closing brace, is one JSON value only when the
 * key is the top-level object's last (a nested key leaves more closing brackets after its value,
 * and a key inside a string has its quotes escaped); anything else is parsed whole.
 */
function linksOfMetadata(metadata: string): ChainLink[] | undefined {
  const at = metadata.lastIndexOf(`${LINKS_KEY}{"chains":`);
  try {
    const chains = (tailValue(metadata, at) ?? JSON.parse(metadata)?.integrity)?.chains;
    return Array.isArray(chains) && chains.every(isChainLink) ? chains : undefined;
  } catch {
    return undefined; // altered bytes: audit-check reports them, the index skips their links
  }
}

/** The value after the key at `at` when it is the object's last member, else undefined. */
function tailValue(metadata: string, at: number): { chains?: unknown } | undefined {
  if (at <= 0 || !metadata.endsWith(']}}')) return undefined;
  try {
    return JSON.parse(metadata.slice(at + LINKS_KEY.length, -1));
  } catch {
    return undefined;
  }
}

function readLinks(bytes: Uint8Array): ChainLink[] | undefined {
  try {
    return readStoredEventJson(bytes)?.links;
  } catch {
    return undefined; // altered bytes: audit-check reports them, the index skips their links
  }
}

import Database from 'better-sqlite3';
import { ChainLink, CompactRange, Hash, leafHash, MerkleNode, ScopeHead, SqliteMerkleNodeStore, toBase64 } from '@app/integrity';
import { EventMetadata } from '../event-envelope';
import { canonicalEventBytes, scopesOfTenant, StoredEventColumns } from './canonical-event-bytes';
import { ensureIntegritySchema } from './integrity-schema';

interface HeadRow {
  scope: string;
  count: bigint | number;
  last_index: bigint | number;
  last_leaf_hash: Buffer;
}

export const headOfRow = (r: HeadRow): ScopeHead => ({
  scope: r.scope,
  count: Number(r.count),
  lastIndex: Number(r.last_index),
  lastLeafHash: new Uint8Array(r.last_leaf_hash),
});

interface PendingLeaf {
  position: bigint;
  leaf: Hash;
  links: ChainLink[];
  /** Kept only when the leaf data are not the stored event itself (the downstream writer's envelope). */
  leafData?: Uint8Array;
}

/**
 * The inline writer of the integrity log: inside the event store's append transaction, each
 * event gets its chain links (in its stored metadata, `integrity.chains`) and becomes a Merkle
 * leaf over its canonical stored bytes; the batch's leaves, nodes, links and heads are written
 * before the transaction commits. So an append is in the log entirely or not at all.
 */
export class SqliteIntegrityLedger {
  private range: CompactRange;
  private readonly heads = new Map<string, ScopeHead>();
  private lastTime = '';
  private readonly nodes: SqliteMerkleNodeStore;
  private readonly sql: ReturnType<typeof statements>;

  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {
    ensureIntegritySchema(db);
    this.nodes = new SqliteMerkleNodeStore(db);
    this.sql = statements(db);
    this.range = CompactRange.empty();
    this.reload();
  }

  get size(): number {
    return this.range.size;
  }

  /** Starts a batch; call inside the write transaction. Another process may have written: then reload first. */
  begin(): LedgerBatch {
    if (this.storedSize() !== this.range.size) this.reload();
    return new LedgerBatch(this, this.range.clone());
  }

  /** The committed head of a scope (a batch overlays its own). */
  head(scope: string): ScopeHead | undefined {
    return this.heads.get(scope);
  }

  /** Writes a batch's rows; inside the transaction. */
  write(range: CompactRange, leaves: readonly PendingLeaf[], heads: ReadonlyMap<string, ScopeHead>): string {
    const first = range.size;
    const nodes: MerkleNode[] = leaves.flatMap((l) => range.append(l.leaf));
    this.nodes.putNodesSync(nodes);
    leaves.forEach((l, i) => {
      this.sql.leaf.run(first + i, l.position, l.leafData ? Buffer.from(l.leafData) : null);
      for (const link of l.links) this.sql.link.run(link.scope, link.seq, first + i);
    });
    for (const h of heads.values()) this.sql.head.run(h.scope, h.count, h.lastIndex, Buffer.from(h.lastLeafHash));
    const iso = this.now().toISOString();
    const time = iso > this.lastTime ? iso : this.lastTime;
    this.sql.commit.run(range.size, time);
    return time;
  }

  /** After the transaction committed: the batch becomes the log's state. */
  committed(range: CompactRange, heads: ReadonlyMap<string, ScopeHead>, time: string): void {
    this.range = range;
    for (const h of heads.values()) this.heads.set(h.scope, h);
    this.lastTime = time;
  }

  private storedSize(): number {
    const { n } = this.sql.size.get() as { n: bigint | null };
    return n === null ? 0 : Number(n);
  }

  private reload(): void {
    const size = this.storedSize();
    const border = CompactRange.borderOf(size);
    const hashes = border.map((id) => new Uint8Array((this.sql.node.get(id.level, id.index) as { hash: Buffer }).hash));
    this.range = CompactRange.fromBorder(size, hashes);
    this.heads.clear();
    for (const row of this.sql.allHeads.all() as HeadRow[]) this.heads.set(row.scope, headOfRow(row));
    this.lastTime = ((this.sql.lastTime.get() as { t: string | null }).t) ?? '';
  }
}

function statements(db: Database.Database) {
  return {
    size: db.prepare('SELECT max(leaf_index) + 1 AS n FROM integrity_leaves'),
    node: db.prepare('SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?'),
    allHeads: db.prepare('SELECT * FROM integrity_scope_heads'),
    lastTime: db.prepare('SELECT max(committed_at) AS t FROM integrity_commits'),
    leaf: db.prepare('INSERT INTO integrity_leaves (leaf_index, position, leaf_data) VALUES (?, ?, ?)'),
    link: db.prepare('INSERT INTO integrity_links (scope, seq, leaf_index) VALUES (?, ?, ?)'),
    head: db.prepare(
      `INSERT INTO integrity_scope_heads (scope, count, last_index, last_leaf_hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET count = excluded.count, last_index = excluded.last_index, last_leaf_hash = excluded.last_leaf_hash`,
    ),
    commit: db.prepare('INSERT INTO integrity_commits (tree_size, committed_at) VALUES (?, ?)'),
  };
}

/**
 * One write transaction's share of the log. Each append of the batch runs in its own savepoint:
 * mark() before it, rollback(mark) when it fails, so its links and leaves vanish with its rows.
 */
export class LedgerBatch {
  private readonly leaves: PendingLeaf[] = [];
  private readonly overlay = new Map<string, ScopeHead>();
  /** Undo log of the overlay: the value each advance replaced. */
  private readonly journal: [string, ScopeHead | undefined][] = [];

  constructor(private readonly ledger: SqliteIntegrityLedger, private readonly range: CompactRange) {}

  mark(): [number, number] {
    return [this.leaves.length, this.journal.length];
  }

  rollback([leaves, journal]: [number, number]): void {
    this.leaves.length = leaves;
    while (this.journal.length > journal) {
      const [scope, previous] = this.journal.pop()!;
      if (previous) this.overlay.set(scope, previous);
      else this.overlay.delete(scope);
    }
  }

  /** The links the next event of this tenant carries. */
  linksFor(tenant: EventMetadata['tenant'] | undefined): ChainLink[] {
    return scopesOfTenant(tenant).map((scope): ChainLink => {
      const head = this.overlay.get(scope) ?? this.ledger.head(scope);
      return head ? { scope, seq: head.count, prev: toBase64(head.lastLeafHash) } : { scope, seq: 0, prev: null };
    });
  }

  /** The metadata to store for an event of this tenant (its chain links added) and the links. */
  stamp(metadata: EventMetadata): { metadata: string; links: ChainLink[] } {
    const links = this.linksFor(metadata.tenant);
    return { metadata: JSON.stringify({ ...metadata, integrity: { chains: links } }), links };
  }

  /** The event was inserted at `position` with these stored columns. */
  record(position: bigint, columns: StoredEventColumns, links: ChainLink[]): void {
    this.recordLeaf(position, canonicalEventBytes(columns), links, false);
  }

  /** A leaf over `bytes` for the event at `position`; `keep`: store the bytes with it. */
  recordLeaf(position: bigint, bytes: Uint8Array, links: ChainLink[], keep: boolean): void {
    const leaf = leafHash(bytes);
    const leafIndex = this.range.size + this.leaves.length;
    this.leaves.push({ position, leaf, links, ...(keep && { leafData: bytes }) });
    for (const link of links) {
      this.journal.push([link.scope, this.overlay.get(link.scope)]);
      this.overlay.set(link.scope, { scope: link.scope, count: link.seq + 1, lastIndex: leafIndex, lastLeafHash: leaf });
    }
  }

  /** Writes the batch (inside the transaction); the returned commit runs once it committed. */
  write(): () => void {
    if (this.leaves.length === 0) return () => undefined;
    const range = this.range.clone();
    const time = this.ledger.write(range, this.leaves, this.overlay);
    return () => this.ledger.committed(range, this.overlay, time);
  }
}

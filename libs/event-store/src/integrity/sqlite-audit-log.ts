import Database from 'better-sqlite3';
import { MerkleLog, ScopeHead } from '@app/integrity';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { AuditLog, AuditLogState, ScopeEntry, ScopeRange, StoredCheckpoint } from './audit-log.port';
import { clearIndex, ensureIndexSchema, ensureIntegritySchema, indexFileOf, openIndexDatabase } from './integrity-schema';
import { applyIndex, headOfRow, IndexPlan, LeafReader, LeafSource, planIndex } from './leaf-index';
import { PostOrderNodeStore } from './post-order-node-store';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v as bigint);
/** Leaves indexed per run (some 80 ms of reading and hashing, then a third of that holding the write lock). */
const INDEX_CHUNK = 5_000;

/**
 * The AuditLog over the SQLite tables of the integrity log, on a connection of its own.
 * `events`: the leaf data are the rows of the events table in the same file (inline writer);
 * `leaf-data`: they are stored with each leaf (the downstream writer's envelopes). Reads that
 * need chains first bring the derived index up to the leaves (planIndex, applyIndex).
 */
export class SqliteAuditLog implements AuditLog {
  private readonly nodes: PostOrderNodeStore;
  private readonly readState: () => AuditLogState;
  private readonly indexChunk: () => number;
  private readonly leaves: LeafReader;
  private readonly links: { probe: Database.Statement; end: Database.Statement };

  /** `index`: the database of the derived index (inner nodes, links, heads), when not `db` itself. */
  constructor(
    private readonly db: Database.Database,
    private readonly source: LeafSource = 'events',
    private readonly index: Database.Database = db,
  ) {
    ensureIntegritySchema(db);
    ensureIndexSchema(index);
    this.nodes = new PostOrderNodeStore(index, index === db ? undefined : db);
    this.leaves = new LeafReader(db, source, index);
    this.links = {
      // The scope's first link at seq or after (seqs of a store someone altered may have gaps).
      probe: index.prepare('SELECT seq, leaf_index FROM integrity_links WHERE scope = ? AND seq >= ? ORDER BY seq LIMIT 1'),
      end: index.prepare('SELECT max(seq) + 1 FROM integrity_links WHERE scope = ?').pluck(),
    };
    // Read (and hash, and parse) on a snapshot of the leaves; lock the index only to write what that derived.
    const plan = db.transaction(() => planIndex(this.leaves, this.nodes, INDEX_CHUNK));
    const apply = index.transaction((p: IndexPlan) => applyIndex(index, this.leaves, p));
    this.indexChunk = () => {
      const next = plan.deferred();
      if (!next) return this.leaves.indexedSize();
      return apply.immediate(next) ? next.size : next.from;
    };
    // One read: the heads are those of exactly the tree indexed, whatever commits meanwhile.
    const state = index.transaction(() => ({
      size: this.leaves.indexedSize(),
      heads: (index.prepare('SELECT * FROM integrity_scope_heads ORDER BY scope').all() as Row[]).map(headOfRow),
    }));
    this.readState = () => state.deferred();
  }

  /** Opens the events file of the embedded store, and its derived index beside it (indexFileOf). */
  static openEventsFile(file: string): SqliteAuditLog {
    const db = openEventDatabase({ file });
    return new SqliteAuditLog(db, 'events', file === ':memory:' ? db : openIndexDatabase(indexFileOf(file)));
  }

  /** The downstream writer's own file (leaf data stored with each leaf). */
  static openFile(file: string): SqliteAuditLog {
    return new SqliteAuditLog(openEventDatabase({ file }), 'leaf-data');
  }

  async state(): Promise<AuditLogState> {
    await this.catchUp();
    return this.readState();
  }

  /**
   * The tree over the indexed leaves (inner nodes derived first). Its size is the size indexed,
   * not the one the largest stored node tells: leaves another process appends meanwhile have no
   * inner nodes yet.
   */
  async merkle(): Promise<MerkleLog> {
    const size = await this.catchUp();
    const nodes = this.nodes;
    return MerkleLog.open({ getNodes: (ids) => nodes.getNodes(ids), putNodes: (list) => nodes.putNodes(list), leafCount: async () => size });
  }

  async leafBytes(leafIndex: number): Promise<Uint8Array> {
    const bytes = this.leaves.leaf(leafIndex)?.bytes;
    if (!bytes) throw new Error(`leaf ${leafIndex} has no stored event`);
    return bytes;
  }

  async leafOfPosition(position: bigint): Promise<number | undefined> {
    const size = await this.sizeAtPosition(position);
    return size > 0 && (await this.positionOfLeaf(size - 1)) === position ? size - 1 : undefined;
  }

  async positionOfLeaf(leafIndex: number): Promise<bigint | undefined> {
    return this.leaves.meta(leafIndex)?.position;
  }

  async scopeEntries(scope: string, range: ScopeRange): Promise<ScopeEntry[]> {
    await this.catchUp();
    const fromSeq = Math.max(range.fromSeq ?? 0, range.fromLeaf === undefined ? 0 : this.firstSeqFrom(scope, range.fromLeaf));
    const belowSeq = range.belowLeaf === undefined ? Number.MAX_SAFE_INTEGER : this.firstSeqFrom(scope, range.belowLeaf);
    return (this.index.prepare(
      'SELECT seq, leaf_index, position FROM integrity_links WHERE scope = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?',
    ).all(scope, fromSeq, belowSeq, range.limit) as Row[]).map((r) => ({ seq: num(r.seq), leafIndex: num(r.leaf_index), position: r.position as bigint }));
  }

  /**
   * The first seq of the scope whose leaf is at `leafIndex` or after (past its last seq when none):
   * a scope's seqs and leaf indexes grow together, so a binary search on the (scope, seq) key
   * finds it, and the links need no second index by leaf.
   */
  private firstSeqFrom(scope: string, leafIndex: number): number {
    const probe = this.links.probe;
    let low = 0;
    let high = num(this.links.end.get(scope) ?? 0n);
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const at = probe.get(scope, mid) as { seq: bigint; leaf_index: bigint } | undefined;
      if (at && num(at.leaf_index) < leafIndex) low = num(at.seq) + 1;
      else high = mid;
    }
    return low;
  }

  async sizeAtTime(time: string, inclusive: boolean): Promise<number> {
    return this.leavesWhile((leaf) => (inclusive ? leaf.committedAt <= time : leaf.committedAt < time));
  }

  async sizeAtPosition(position: bigint): Promise<number> {
    return this.leavesWhile((leaf) => leaf.position <= position);
  }

  async addCheckpoint(cp: StoredCheckpoint, changed: readonly ScopeHead[], verifierKey: string): Promise<void> {
    this.db.transaction(() => {
      this.run('INSERT INTO audit_checkpoints (tree_size, time, note) VALUES (?, ?, ?)', cp.treeSize, cp.time, cp.note);
      for (const h of changed) {
        this.run(
          'INSERT INTO audit_checkpoint_heads (scope, tree_size, count, last_index, last_leaf_hash) VALUES (?, ?, ?, ?, ?)',
          h.scope, cp.treeSize, h.count, h.lastIndex, Buffer.from(h.lastLeafHash),
        );
      }
      this.run('INSERT INTO audit_keys (verifier_key, first_used) VALUES (?, ?) ON CONFLICT DO NOTHING', verifierKey, cp.time);
    }).immediate();
  }

  async checkpoints(options: { fromSize?: number; limit?: number } = {}): Promise<StoredCheckpoint[]> {
    return this.all('SELECT * FROM audit_checkpoints WHERE tree_size >= ? ORDER BY tree_size LIMIT ?', options.fromSize ?? 0, options.limit ?? -1).map(checkpointOf);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const r = this.maybe<Row>('SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1');
    return r && checkpointOf(r);
  }

  async checkpointAt(size: number): Promise<StoredCheckpoint | undefined> {
    const r = this.maybe<Row>('SELECT * FROM audit_checkpoints WHERE tree_size = ?', size);
    return r && checkpointOf(r);
  }

  async headsAt(size: number): Promise<ScopeHead[]> {
    return this.all(
      `SELECT h.* FROM audit_checkpoint_heads h
       WHERE h.tree_size = (SELECT max(tree_size) FROM audit_checkpoint_heads WHERE scope = h.scope AND tree_size <= ?)
       ORDER BY h.scope`,
      size,
    ).map(headOfRow);
  }

  async scopeCheckpointSizes(scope: string): Promise<number[]> {
    return this.all('SELECT tree_size FROM audit_checkpoint_heads WHERE scope = ? ORDER BY tree_size', scope).map((r) => num(r.tree_size));
  }

  async signingKeys(): Promise<string[]> {
    return this.all('SELECT verifier_key FROM audit_keys ORDER BY first_used').map((r) => r.verifier_key as string);
  }

  /**
   * Events of the store from the log's first one on that are no leaf of it (inline log only):
   * both are in position order, so one merge walk finds them.
   */
  async positionsNotInLog(limit: number): Promise<bigint[]> {
    if (this.source !== 'events') return [];
    const size = this.leaves.size();
    const first = this.leaves.meta(0)?.position;
    if (first === undefined) return [];
    const missing: bigint[] = [];
    let i = 0;
    let leaf = first;
    for (const position of this.db.prepare('SELECT position FROM events WHERE position >= ? ORDER BY position').pluck().iterate(first) as IterableIterator<bigint>) {
      while (i < size && leaf < position) leaf = this.leaves.meta(++i)?.position ?? position + 1n;
      if (i >= size || leaf !== position) missing.push(position);
      if (missing.length >= limit) break;
    }
    return missing;
  }

  async close(): Promise<void> {
    if (this.index.open) this.index.close();
    if (this.db.open) this.db.close();
  }

  /**
   * Indexes the leaves written so far in runs of INDEX_CHUNK leaves, letting the event loop run
   * between them: a long backlog never holds the write lock (and the appends of any process) for
   * long. What arrives meanwhile is indexed by the next call. Answers the size indexed.
   */
  private async catchUp(): Promise<number> {
    if (this.index !== this.db && !this.leaves.indexFits()) this.resetIndex();
    const target = this.leaves.size();
    let indexed = this.indexChunk();
    while (indexed < target) {
      await new Promise((resolve) => setImmediate(resolve));
      indexed = this.indexChunk();
    }
    return indexed;
  }

  /** The index file is not this log's (LeafReader.indexFits): empty it, to derive it again. */
  private resetIndex(): void {
    this.index.transaction(() => clearIndex(this.index)).immediate();
  }

  /** How many leaves, from the first, satisfy `holds` on a value that never decreases (position, commit time): a binary search. */
  private leavesWhile(holds: (leaf: { position: bigint; committedAt: string }) => boolean): number {
    let low = 0;
    let high = this.leaves.size();
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const leaf = this.leaves.meta(mid);
      if (leaf && holds(leaf)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private maybe<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }

  private run(sql: string, ...params: unknown[]): void {
    this.db.prepare(sql).run(...params);
  }
}

const checkpointOf = (r: Row): StoredCheckpoint => ({ treeSize: num(r.tree_size), time: r.time as string, note: r.note as string });

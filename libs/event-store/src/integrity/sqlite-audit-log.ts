import Database from 'better-sqlite3';
import { MerkleLog, ScopeHead, SqliteMerkleNodeStore } from '@app/integrity';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { AuditLog, AuditLogState, ScopeEntry, ScopeRange, StoredCheckpoint } from './audit-log.port';
import { canonicalEventBytes } from './canonical-event-bytes';
import { ensureIntegritySchema } from './integrity-schema';
import { headOfRow } from './sqlite-integrity-ledger';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v as bigint);

/**
 * The AuditLog over the SQLite tables of the integrity log. `events`: the leaf data are the
 * rows of the events table in the same file (inline writer); `leaf-data`: they are stored
 * with each leaf (the downstream writer's envelopes).
 */
export class SqliteAuditLog implements AuditLog {
  private readonly nodes: SqliteMerkleNodeStore;
  private readonly readState: () => AuditLogState;

  constructor(private readonly db: Database.Database, private readonly leaves: 'events' | 'leaf-data' = 'events') {
    ensureIntegritySchema(db);
    this.nodes = new SqliteMerkleNodeStore(db);
    // One read transaction: the heads are those of exactly this tree, whatever commits meanwhile.
    this.readState = db.transaction(() => ({
      size: num(this.one<{ n: bigint }>('SELECT coalesce(max(leaf_index) + 1, 0) AS n FROM integrity_leaves').n),
      heads: this.all('SELECT * FROM integrity_scope_heads ORDER BY scope').map((r) => headOfRow(r as never)),
    }));
  }

  /** Opens the events file of the embedded store (its own connection). */
  static openEventsFile(file: string): SqliteAuditLog {
    return new SqliteAuditLog(openEventDatabase({ file }), 'events');
  }

  /** The downstream writer's own file (leaf data stored with each leaf). */
  static openFile(file: string): SqliteAuditLog {
    return new SqliteAuditLog(openEventDatabase({ file }), 'leaf-data');
  }

  async state(): Promise<AuditLogState> {
    return this.readState();
  }

  merkle(): Promise<MerkleLog> {
    return MerkleLog.open(this.nodes);
  }

  async leafBytes(leafIndex: number): Promise<Uint8Array> {
    if (this.leaves === 'leaf-data') {
      return new Uint8Array(this.one<{ leaf_data: Buffer }>('SELECT leaf_data FROM integrity_leaves WHERE leaf_index = ?', leafIndex).leaf_data);
    }
    const r = this.maybe<Row>('SELECT e.* FROM integrity_leaves l JOIN events e ON e.position = l.position WHERE l.leaf_index = ?', leafIndex);
    if (!r) throw new Error(`leaf ${leafIndex} has no stored event`);
    return canonicalEventBytes({
      id: r.id as string, type: r.type as string, schemaVersion: r.schema_version as bigint, streamId: r.stream_id as string,
      revision: r.revision as bigint, occurredAt: r.occurred_at as string, data: r.data as string, metadata: r.metadata as string,
    });
  }

  async leafOfPosition(position: bigint): Promise<number | undefined> {
    const r = this.maybe<{ leaf_index: bigint }>('SELECT leaf_index FROM integrity_leaves WHERE position = ?', position);
    return r ? num(r.leaf_index) : undefined;
  }

  async positionOfLeaf(leafIndex: number): Promise<bigint | undefined> {
    return this.maybe<{ position: bigint }>('SELECT position FROM integrity_leaves WHERE leaf_index = ?', leafIndex)?.position;
  }

  async scopeEntries(scope: string, range: ScopeRange): Promise<ScopeEntry[]> {
    return this.all(
      `SELECT k.seq, k.leaf_index, l.position FROM integrity_links k JOIN integrity_leaves l ON l.leaf_index = k.leaf_index
       WHERE k.scope = ? AND k.seq >= ? AND k.leaf_index >= ? AND k.leaf_index < ? ORDER BY k.seq LIMIT ?`,
      scope, range.fromSeq ?? 0, range.fromLeaf ?? 0, range.belowLeaf ?? Number.MAX_SAFE_INTEGER, range.limit,
    ).map((r) => ({ seq: num(r.seq), leafIndex: num(r.leaf_index), position: r.position as bigint }));
  }

  async sizeAtTime(time: string, inclusive: boolean): Promise<number> {
    const op = inclusive ? '<=' : '<';
    return num(this.one<{ n: bigint }>(`SELECT coalesce(max(tree_size), 0) AS n FROM integrity_commits WHERE committed_at ${op} ?`, time).n);
  }

  async sizeAtPosition(position: bigint): Promise<number> {
    return num(this.one<{ n: bigint }>('SELECT coalesce(max(leaf_index) + 1, 0) AS n FROM integrity_leaves WHERE position <= ?', position).n);
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
    ).map((r) => headOfRow(r as never));
  }

  async scopeCheckpointSizes(scope: string): Promise<number[]> {
    return this.all('SELECT tree_size FROM audit_checkpoint_heads WHERE scope = ? ORDER BY tree_size', scope).map((r) => num(r.tree_size));
  }

  async signingKeys(): Promise<string[]> {
    return this.all('SELECT verifier_key FROM audit_keys ORDER BY first_used').map((r) => r.verifier_key as string);
  }

  /** Events of the store after the log's first one that are no leaf of it (inline log only). */
  async positionsNotInLog(limit: number): Promise<bigint[]> {
    if (this.leaves !== 'events') return [];
    return this.all(
      `SELECT e.position FROM events e LEFT JOIN integrity_leaves l ON l.position = e.position
       WHERE l.position IS NULL AND e.position > coalesce((SELECT min(position) FROM integrity_leaves), 9223372036854775807) LIMIT ?`,
      limit,
    ).map((r) => r.position as bigint);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private one<T>(sql: string, ...params: unknown[]): T {
    return this.db.prepare(sql).get(...params) as T;
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

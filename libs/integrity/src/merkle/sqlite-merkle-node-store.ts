import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { bytesEqual, Hash } from '../bytes';
import { MerkleNode, MerkleNodeConflictError, MerkleNodeStore, MissingMerkleNodeError } from './merkle-node-store.port';
import { NodeId } from './tree-math';

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * MerkleNodeStore in a SQLite table (better-sqlite3). It can share the event store's
 * database: putNodesSync runs inside a caller's transaction (as a savepoint), so the nodes
 * of a batch of events commit or roll back with the events themselves.
 */
export class SqliteMerkleNodeStore implements MerkleNodeStore {
  private readonly selectOne: Database.Statement<[number, number], { hash: Buffer }>;
  private readonly insertOne: Database.Statement<[number, number, Buffer]>;
  private readonly selectLeafCount: Database.Statement<[], { n: bigint | number | null }>;
  private readonly writeAll: (nodes: readonly MerkleNode[]) => void;
  private readonly readAll: (ids: readonly NodeId[]) => Hash[];

  constructor(
    private readonly db: Database.Database,
    table = 'merkle_nodes',
  ) {
    if (!TABLE.test(table)) throw new Error(`bad table name ${table}`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      level INTEGER NOT NULL,
      idx   INTEGER NOT NULL,
      hash  BLOB    NOT NULL,
      PRIMARY KEY (level, idx)
    ) WITHOUT ROWID`);
    this.selectOne = db.prepare(`SELECT hash FROM ${table} WHERE level = ? AND idx = ?`);
    this.insertOne = db.prepare(`INSERT INTO ${table} (level, idx, hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
    this.selectLeafCount = db.prepare(`SELECT max(idx) + 1 AS n FROM ${table} WHERE level = 0`);
    this.writeAll = db.transaction((nodes: readonly MerkleNode[]) => nodes.forEach((n) => this.writeOne(n)));
    this.readAll = db.transaction((ids: readonly NodeId[]) => ids.map((id) => this.readOne(id)));
  }

  /** A store in its own database file (WAL, synchronous=FULL), created when missing. */
  static openFile(file: string): SqliteMerkleNodeStore {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return new SqliteMerkleNodeStore(db);
  }

  async getNodes(ids: readonly NodeId[]): Promise<Hash[]> {
    return this.readAll(ids);
  }

  async putNodes(nodes: readonly MerkleNode[]): Promise<void> {
    this.putNodesSync(nodes);
  }

  /** putNodes for use inside a better-sqlite3 transaction of the caller. */
  putNodesSync(nodes: readonly MerkleNode[]): void {
    this.writeAll(nodes);
  }

  async leafCount(): Promise<number> {
    const { n } = this.selectLeafCount.get() ?? { n: null };
    return n === null ? 0 : Number(n);
  }

  close(): void {
    this.db.close();
  }

  private readOne(id: NodeId): Hash {
    const row = this.selectOne.get(id.level, id.index);
    if (!row) throw new MissingMerkleNodeError(id);
    return new Uint8Array(row.hash);
  }

  private writeOne(node: MerkleNode): void {
    const hash = Buffer.from(node.hash);
    if (this.insertOne.run(node.level, node.index, hash).changes === 1) return;
    if (!bytesEqual(this.readOne(node), node.hash)) throw new MerkleNodeConflictError(node);
  }
}

import Database from 'better-sqlite3';
import { bytesEqual, Hash, MerkleNode, MerkleNodeConflictError, MerkleNodeStore, MissingMerkleNodeError, NodeId } from '@app/integrity';

/**
 * The post-order number of a complete subtree (level l, index i): how many nodes an append-only
 * tree completed before it. Leaves and inner nodes are numbered in the order appends complete
 * them, so every write lands at the end of one B-tree (a page or two per transaction instead of
 * one per level). Node (l, i) completes with leaf m = (i+1)·2^l − 1, after the 2(m+1) − popcount(m+1)
 * − 1 nodes before the last one of that append, less the levels above it created with it.
 */
export function postOrder(level: number, index: number): number {
  const next = index + 1;
  return 2 * next * 2 ** level - popcount(next) - 1 - trailingZeros(next);
}

/** How many leaves a tree of `nodes` complete subtrees (ids 0 … nodes − 1) holds. */
export function leavesOfNodeCount(nodes: number): number {
  let low = 0;
  let high = nodes;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (2 * mid - popcount(mid) <= nodes) low = mid;
    else high = mid - 1;
  }
  return low;
}

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

function trailingZeros(n: number): number {
  let count = 0;
  for (let x = n; x > 0 && x % 2 === 0; x /= 2) count++;
  return count;
}

/**
 * MerkleNodeStore keyed by post-order number (append-only writes), in the caller's transaction.
 * With `leaves`, the nodes are in two databases: the leaves there (written with the events), the
 * inner nodes (derived, and the only ones written through this store) in `db`.
 */
export class PostOrderNodeStore implements MerkleNodeStore {
  private readonly selectOne: Database.Statement;
  private readonly selectLeaf: Database.Statement | undefined;
  private readonly maxLeafId: Database.Statement | undefined;
  private readonly insertOne: Database.Statement;
  private readonly maxId: Database.Statement;
  private readonly writeAll: (nodes: readonly MerkleNode[]) => void;

  constructor(db: Database.Database, leaves?: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS integrity_nodes (id INTEGER PRIMARY KEY, hash BLOB NOT NULL, position INTEGER, committed_at TEXT, leaf_data BLOB)');
    this.selectOne = db.prepare('SELECT hash FROM integrity_nodes WHERE id = ?');
    this.selectLeaf = leaves?.prepare('SELECT hash FROM integrity_nodes WHERE id = ?');
    this.maxLeafId = leaves?.prepare('SELECT max(id) AS id FROM integrity_nodes');
    this.insertOne = db.prepare('INSERT INTO integrity_nodes (id, hash) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.maxId = db.prepare('SELECT max(id) AS id FROM integrity_nodes');
    this.writeAll = db.transaction((nodes: readonly MerkleNode[]) => nodes.forEach((n) => this.writeOne(n)));
  }

  async getNodes(ids: readonly NodeId[]): Promise<Hash[]> {
    return ids.map((id) => this.get(id));
  }

  get(id: NodeId): Hash {
    const key = postOrder(id.level, id.index);
    const row = (this.selectOne.get(key) ?? this.selectLeaf?.get(key)) as { hash: Buffer } | undefined;
    if (!row) throw new MissingMerkleNodeError(id);
    return new Uint8Array(row.hash);
  }

  async putNodes(nodes: readonly MerkleNode[]): Promise<void> {
    this.putNodesSync(nodes);
  }

  /** Inside the caller's transaction (a savepoint): all or none. */
  putNodesSync(nodes: readonly MerkleNode[]): void {
    this.writeAll(nodes);
  }

  /** One node, in the caller's transaction (which makes the batch all or none). */
  putNodeInTransaction(node: MerkleNode): void {
    this.writeOne(node);
  }

  /** The tree size the stored nodes make (nodes are written in append order). */
  size(): number {
    const ids = [this.maxId, this.maxLeafId].flatMap((s) => {
      const id = (s?.get() as { id: bigint | number | null } | undefined)?.id;
      return id === null || id === undefined ? [] : [Number(id)];
    });
    return ids.length === 0 ? 0 : leavesOfNodeCount(Math.max(...ids) + 1);
  }

  /** Every node of the tree is written (the index derives them before readers come), so the largest id tells the size. */
  async leafCount(): Promise<number> {
    return this.size();
  }

  private writeOne(node: MerkleNode): void {
    if (this.insertOne.run(postOrder(node.level, node.index), Buffer.from(node.hash)).changes === 1) return;
    if (!bytesEqual(this.get(node), node.hash)) throw new MerkleNodeConflictError(node);
  }
}

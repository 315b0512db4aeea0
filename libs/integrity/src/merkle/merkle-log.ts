import { Hash, HASH_SIZE } from '../bytes';
import { CompactRange } from './compact-range';
import { MerkleNode, MerkleNodeStore } from './merkle-node-store.port';
import { EMPTY_ROOT, nodeHash } from './rfc9162';
import { completeSubtrees, consistencyRanges, inclusionRanges, isTreeSize, LeafRange, NodeId } from './tree-math';

export interface AppendedLeaves {
  /** Leaf index of the first leaf appended. */
  firstIndex: number;
  /** Tree size after the append. */
  size: number;
  root: Hash;
}

/**
 * An append-only RFC 9162 Merkle log over a MerkleNodeStore. Appending costs O(log n)
 * hashes per leaf (O(1) amortised) and no read; the current root costs no read; the root,
 * inclusion proof or consistency proof of any size up to the current one costs O(log n)
 * node reads, made in a single getNodes batch.
 *
 * Appends are serialised; the in-memory border only moves once the store accepted the nodes,
 * so a failed write leaves the log as it was.
 */
export class MerkleLog {
  private appending: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: MerkleNodeStore,
    private range: CompactRange,
  ) {}

  /** Opens the log the store holds: reads its size and the O(log n) border nodes. */
  static async open(store: MerkleNodeStore): Promise<MerkleLog> {
    const size = await store.leafCount();
    const border = CompactRange.borderOf(size);
    const hashes = border.length ? await store.getNodes(border) : [];
    return new MerkleLog(store, CompactRange.fromBorder(size, hashes));
  }

  get size(): number {
    return this.range.size;
  }

  /** The root of the current tree, from memory. */
  root(): Hash {
    return this.range.root();
  }

  append(leafHashes: readonly Hash[]): Promise<AppendedLeaves> {
    const run = this.appending.then(() => this.appendNow(leafHashes));
    this.appending = run.catch(() => undefined);
    return run;
  }

  async rootAt(size: number): Promise<Hash> {
    this.requireSize(size);
    if (size === 0) return EMPTY_ROOT;
    const [root] = await this.hashRanges([{ start: 0, end: size }]);
    return root;
  }

  async leafHashAt(index: number): Promise<Hash> {
    if (!(isTreeSize(index) && index < this.size)) throw new RangeError(`no leaf ${index} in a log of ${this.size}`);
    const [leaf] = await this.store.getNodes([{ level: 0, index }]);
    return leaf;
  }

  /** PATH(index, D[size]): proves leaf `index` in the tree of `size` (default: the current one). */
  async inclusionProof(index: number, size: number = this.size): Promise<Hash[]> {
    this.requireSize(size);
    return this.hashRanges(inclusionRanges(index, size));
  }

  /** PROOF(size1, D[size2]): proves the tree of size1 is a prefix of the tree of size2. */
  async consistencyProof(size1: number, size2: number = this.size): Promise<Hash[]> {
    this.requireSize(size2);
    return this.hashRanges(consistencyRanges(size1, size2));
  }

  private async appendNow(leafHashes: readonly Hash[]): Promise<AppendedLeaves> {
    for (const leaf of leafHashes) {
      if (!(leaf instanceof Uint8Array) || leaf.length !== HASH_SIZE) throw new TypeError('a leaf hash is 32 bytes');
    }
    const next = this.range.clone();
    const firstIndex = next.size;
    const nodes: MerkleNode[] = leafHashes.flatMap((leaf) => next.append(leaf));
    if (nodes.length > 0) await this.store.putNodes(nodes);
    this.range = next;
    return { firstIndex, size: next.size, root: next.root() };
  }

  /** The MTH of each range, reading every complete subtree they are made of in one batch. */
  private async hashRanges(ranges: readonly LeafRange[]): Promise<Hash[]> {
    const perRange = ranges.map(completeSubtrees);
    const unique = new Map<string, NodeId>();
    for (const id of perRange.flat()) unique.set(key(id), id);
    const ids = [...unique.values()];
    const hashes = await this.store.getNodes(ids);
    const byKey = new Map(ids.map((id, i) => [key(id), hashes[i]]));
    return perRange.map((nodes) => {
      const parts = nodes.map((id) => byKey.get(key(id)) as Hash);
      return parts.reduceRight((right, left) => nodeHash(left, right));
    });
  }

  private requireSize(size: number): void {
    if (!(isTreeSize(size) && size <= this.size))
      throw new RangeError(`no tree of size ${size} in a log of ${this.size}`);
  }
}

const key = (id: NodeId) => `${id.level}:${id.index}`;

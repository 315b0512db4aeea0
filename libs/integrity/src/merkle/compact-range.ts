import { Hash } from '../bytes';
import { MerkleNode } from './merkle-node-store.port';
import { EMPTY_ROOT, nodeHash } from './rfc9162';
import { completeSubtrees, half, isOdd, isTreeSize, NodeId } from './tree-math';

/**
 * The right border of a tree of `size` leaves: one hash per complete subtree of
 * completeSubtrees([0, size)), largest first (one per set bit of size). Enough to append a
 * leaf (O(1) amortised hashing, at most log2 n) and to compute the root (log2 n hashes)
 * without reading any stored node.
 */
export class CompactRange {
  private constructor(
    private treeSize: number,
    private readonly border: Hash[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** The node ids whose hashes, in this order, make the range of a tree of `size`. */
  static borderOf(size: number): NodeId[] {
    if (!isTreeSize(size)) throw new RangeError(`bad tree size ${size}`);
    return size === 0 ? [] : completeSubtrees({ start: 0, end: size });
  }

  static fromBorder(size: number, hashes: readonly Hash[]): CompactRange {
    if (hashes.length !== CompactRange.borderOf(size).length) {
      throw new RangeError(
        `a tree of ${size} has ${CompactRange.borderOf(size).length} border nodes, not ${hashes.length}`,
      );
    }
    return new CompactRange(
      size,
      hashes.map((h) => Uint8Array.from(h)),
    );
  }

  get size(): number {
    return this.treeSize;
  }

  clone(): CompactRange {
    return new CompactRange(this.treeSize, [...this.border]);
  }

  /** Adds one leaf; answers the nodes that became complete: the leaf, then its new ancestors. */
  append(leaf: Hash): MerkleNode[] {
    const created: MerkleNode[] = [{ level: 0, index: this.treeSize, hash: leaf }];
    let hash = leaf;
    let index = this.treeSize;
    let level = 0;
    while (isOdd(index)) {
      hash = nodeHash(this.border.pop() as Hash, hash);
      index = half(index);
      level++;
      created.push({ level, index, hash });
    }
    this.border.push(hash);
    this.treeSize++;
    return created;
  }

  root(): Hash {
    if (this.border.length === 0) return EMPTY_ROOT;
    let root = this.border[this.border.length - 1];
    for (let i = this.border.length - 2; i >= 0; i--) root = nodeHash(this.border[i], root);
    return root;
  }
}

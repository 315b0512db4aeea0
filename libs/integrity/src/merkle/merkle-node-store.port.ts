import { Hash } from '../bytes';
import { NodeId } from './tree-math';

/** A complete subtree and its hash: level 0 holds the leaf hashes. Never changes once written. */
export interface MerkleNode extends NodeId {
  hash: Hash;
}

/**
 * Where a MerkleLog keeps its node hashes. Only complete subtrees are stored, so a node is
 * written once and never changes; any tree size up to the current one can be proven from
 * them with O(log n) reads, fetched in one batch.
 */
export interface MerkleNodeStore {
  /** The hashes of the given nodes, in the same order; a node it does not hold is a MissingMerkleNodeError. */
  getNodes(ids: readonly NodeId[]): Promise<Hash[]>;
  /**
   * Writes the nodes, all or none. Writing a node again with the same hash changes nothing;
   * with another hash it is a MerkleNodeConflictError (a node never changes).
   */
  putNodes(nodes: readonly MerkleNode[]): Promise<void>;
  /** The number of leaves (level-0 nodes) held, which is the tree size. */
  leafCount(): Promise<number>;
}

export const MERKLE_NODE_STORE = Symbol('MerkleNodeStore');

export class MissingMerkleNodeError extends Error {
  constructor(readonly node: NodeId) {
    super(`Merkle node (level ${node.level}, index ${node.index}) is not stored`);
    this.name = 'MissingMerkleNodeError';
  }
}

export class MerkleNodeConflictError extends Error {
  constructor(readonly node: NodeId) {
    super(`Merkle node (level ${node.level}, index ${node.index}) is already stored with another hash`);
    this.name = 'MerkleNodeConflictError';
  }
}

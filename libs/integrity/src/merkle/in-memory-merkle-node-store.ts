import { bytesEqual, Hash } from '../bytes';
import { MerkleNode, MerkleNodeConflictError, MerkleNodeStore, MissingMerkleNodeError } from './merkle-node-store.port';
import { NodeId } from './tree-math';

/** MerkleNodeStore in process memory: one array of hashes per level. */
export class InMemoryMerkleNodeStore implements MerkleNodeStore {
  private readonly levels: Hash[][] = [];

  async getNodes(ids: readonly NodeId[]): Promise<Hash[]> {
    return ids.map((id) => {
      const hash = this.levels[id.level]?.[id.index];
      if (!hash) throw new MissingMerkleNodeError(id);
      return hash;
    });
  }

  async putNodes(nodes: readonly MerkleNode[]): Promise<void> {
    for (const node of nodes) {
      const existing = this.levels[node.level]?.[node.index];
      if (existing && !bytesEqual(existing, node.hash)) throw new MerkleNodeConflictError(node);
    }
    for (const { level, index, hash } of nodes) {
      while (this.levels.length <= level) this.levels.push([]);
      this.levels[level][index] = Uint8Array.from(hash);
    }
  }

  async leafCount(): Promise<number> {
    return this.levels[0]?.length ?? 0;
  }
}

import { InMemoryMerkleNodeStore } from './in-memory-merkle-node-store';
import { describeMerkleNodeStoreContract } from './merkle-node-store.contract';

describeMerkleNodeStoreContract('in memory', async () => ({
  store: new InMemoryMerkleNodeStore(),
  close: async () => undefined,
}));

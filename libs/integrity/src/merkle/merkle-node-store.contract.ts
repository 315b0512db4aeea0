import { utf8 } from '../bytes';
import { MerkleLog } from './merkle-log';
import { MerkleNodeConflictError, MerkleNodeStore, MissingMerkleNodeError } from './merkle-node-store.port';
import { leafHash, treeHash } from './rfc9162';

export interface NodeStoreHandle {
  store: MerkleNodeStore;
  close(): Promise<void>;
}

/** The behaviour every MerkleNodeStore adapter must have. */
export function describeMerkleNodeStoreContract(adapterName: string, open: () => Promise<NodeStoreHandle>): void {
  describe(`MerkleNodeStore contract: ${adapterName}`, () => {
    let handle: NodeStoreHandle;
    let store: MerkleNodeStore;
    const h = (s: string) => leafHash(utf8(s));

    beforeEach(async () => {
      handle = await open();
      store = handle.store;
    });
    afterEach(() => handle.close());

    it('starts empty', async () => {
      expect(await store.leafCount()).toBe(0);
      await expect(store.getNodes([{ level: 0, index: 0 }])).rejects.toBeInstanceOf(MissingMerkleNodeError);
      expect(await store.getNodes([])).toEqual([]);
    });

    it('answers a batch in the order asked, repeats included', async () => {
      await store.putNodes([
        { level: 0, index: 0, hash: h('a') },
        { level: 0, index: 1, hash: h('b') },
        { level: 1, index: 0, hash: h('ab') },
      ]);
      const got = await store.getNodes([
        { level: 1, index: 0 },
        { level: 0, index: 1 },
        { level: 0, index: 0 },
        { level: 0, index: 1 },
      ]);
      expect(got.map((x) => Buffer.from(x).toString('hex'))).toEqual(
        [h('ab'), h('b'), h('a'), h('b')].map((x) => Buffer.from(x).toString('hex')),
      );
    });

    it('counts the leaves, not the inner nodes', async () => {
      await store.putNodes([
        { level: 0, index: 0, hash: h('a') },
        { level: 0, index: 1, hash: h('b') },
        { level: 1, index: 0, hash: h('ab') },
        { level: 0, index: 2, hash: h('c') },
      ]);
      expect(await store.leafCount()).toBe(3);
    });

    it('accepts a node written again with the same hash', async () => {
      await store.putNodes([{ level: 0, index: 0, hash: h('a') }]);
      await store.putNodes([{ level: 0, index: 0, hash: h('a') }]);
      expect(await store.leafCount()).toBe(1);
    });

    it('refuses to change a node, and then writes nothing of the batch', async () => {
      await store.putNodes([{ level: 0, index: 0, hash: h('a') }]);
      const batch = [
        { level: 0, index: 1, hash: h('b') },
        { level: 0, index: 0, hash: h('not a') },
      ];
      await expect(store.putNodes(batch)).rejects.toBeInstanceOf(MerkleNodeConflictError);
      expect(await store.leafCount()).toBe(1);
      expect(await store.getNodes([{ level: 0, index: 0 }])).toEqual([h('a')]);
    });

    it('carries a MerkleLog whose roots and proofs match the RFC over the same leaves', async () => {
      const log = await MerkleLog.open(store);
      const leaves = Array.from({ length: 300 }, (_, i) => h(`leaf ${i}`));
      for (let i = 0; i < leaves.length; i += 37) await log.append(leaves.slice(i, i + 37));
      expect(await store.leafCount()).toBe(300);
      expect(log.root()).toEqual(treeHash(leaves));
      expect(await log.rootAt(129)).toEqual(treeHash(leaves.slice(0, 129)));
      const reopened = await MerkleLog.open(store);
      expect(reopened.size).toBe(300);
      expect(reopened.root()).toEqual(log.root());
    });
  });
}

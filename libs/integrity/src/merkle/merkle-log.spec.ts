import { Hash, utf8 } from '../bytes';
import { CompactRange } from './compact-range';
import { InMemoryMerkleNodeStore } from './in-memory-merkle-node-store';
import { MerkleLog } from './merkle-log';
import { MerkleNode, MerkleNodeStore } from './merkle-node-store.port';
import { consistencyPath, inclusionPath, leafHash, treeHash, verifyConsistency, verifyInclusion } from './rfc9162';
import { NodeId } from './tree-math';

const leaves = (n: number, tag = 'e') => Array.from({ length: n }, (_, i) => leafHash(utf8(`${tag} ${i}`)));

/** Counts what the log asks of its store. */
class CountingStore implements MerkleNodeStore {
  readonly inner = new InMemoryMerkleNodeStore();
  gets: number[] = [];
  failNextPut = false;
  getNodes(ids: readonly NodeId[]): Promise<Hash[]> {
    this.gets.push(ids.length);
    return this.inner.getNodes(ids);
  }
  async putNodes(nodes: readonly MerkleNode[]): Promise<void> {
    if (this.failNextPut) {
      this.failNextPut = false;
      throw new Error('disk full');
    }
    return this.inner.putNodes(nodes);
  }
  leafCount(): Promise<number> {
    return this.inner.leafCount();
  }
}

describe('CompactRange', () => {
  it('has the root of the tree after every append', () => {
    const all = leaves(70);
    const range = CompactRange.empty();
    expect(range.root()).toEqual(treeHash([]));
    all.forEach((leaf, i) => {
      range.append(leaf);
      expect(range.root()).toEqual(treeHash(all.slice(0, i + 1)));
    });
  });

  it('creates each complete subtree exactly once, with at most log2 n hashes per append', () => {
    const range = CompactRange.empty();
    const created = leaves(64).map((leaf) => range.append(leaf));
    expect(created.flat().length).toBe(127); // 64 + 32 + … + 1
    expect(Math.max(...created.map((c) => c.length))).toBe(7); // the leaf and 6 ancestors
  });

  it('refuses a border of the wrong length', () => {
    expect(() => CompactRange.fromBorder(5, [leafHash(utf8('x'))])).toThrow(RangeError);
  });
});

describe('MerkleLog', () => {
  const all = leaves(40);
  let log: MerkleLog;
  let store: CountingStore;

  beforeAll(async () => {
    store = new CountingStore();
    log = await MerkleLog.open(store);
    for (let i = 0; i < all.length; i += 9) await log.append(all.slice(i, i + 9));
  });

  it('answers the RFC root for every earlier size', async () => {
    for (let m = 0; m <= all.length; m++) expect(await log.rootAt(m)).toEqual(treeHash(all.slice(0, m)));
  });

  it('answers the RFC inclusion proof of every leaf in every earlier tree', async () => {
    for (let m = 1; m <= all.length; m++) {
      for (let i = 0; i < m; i++) expect(await log.inclusionProof(i, m)).toEqual(inclusionPath(i, all.slice(0, m)));
    }
  });

  it('answers the RFC consistency proof between every two sizes', async () => {
    for (let n = 1; n <= all.length; n++) {
      for (let m = 1; m <= n; m++)
        expect(await log.consistencyProof(m, n)).toEqual(consistencyPath(m, all.slice(0, n)));
    }
  });

  it('reads O(log n) nodes per proof, in a single batch', async () => {
    const big = new CountingStore();
    const bigLog = await MerkleLog.open(big);
    const many = leaves(5000, 'big');
    await bigLog.append(many);
    big.gets = [];
    const proof = await bigLog.inclusionProof(1234, 4321);
    expect(verifyInclusion(1234, 4321, many[1234], proof, treeHash(many.slice(0, 4321)))).toBe(true);
    const consistency = await bigLog.consistencyProof(1000, 4999);
    expect(
      verifyConsistency(1000, 4999, treeHash(many.slice(0, 1000)), treeHash(many.slice(0, 4999)), consistency),
    ).toBe(true);
    expect(big.gets.length).toBe(2);
    for (const reads of big.gets) expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(5000)));
  });

  it('appends without reading and reopens from the store with log2 n reads', async () => {
    const s = new CountingStore();
    const l = await MerkleLog.open(s);
    for (const leaf of all) await l.append([leaf]);
    expect(s.gets).toEqual([]);
    const reopened = await MerkleLog.open(s);
    expect(s.gets).toEqual([2]); // 40 = 32 + 8
    expect(reopened.root()).toEqual(l.root());
  });

  it('stays as it was when the store refuses the nodes', async () => {
    const s = new CountingStore();
    const l = await MerkleLog.open(s);
    await l.append(all.slice(0, 3));
    s.failNextPut = true;
    await expect(l.append(all.slice(3, 5))).rejects.toThrow('disk full');
    expect(l.size).toBe(3);
    expect(l.root()).toEqual(treeHash(all.slice(0, 3)));
    await l.append(all.slice(3, 5));
    expect(l.root()).toEqual(treeHash(all.slice(0, 5)));
  });

  it('serialises concurrent appends in call order', async () => {
    const l = await MerkleLog.open(new InMemoryMerkleNodeStore());
    const results = await Promise.all(all.slice(0, 20).map((leaf) => l.append([leaf])));
    expect(results.map((r) => r.firstIndex)).toEqual([...Array(20).keys()]);
    expect(l.root()).toEqual(treeHash(all.slice(0, 20)));
  });

  it('refuses proofs beyond its size and leaves that are not 32 bytes', async () => {
    await expect(log.inclusionProof(0, 41)).rejects.toThrow(RangeError);
    await expect(log.consistencyProof(0, 10)).rejects.toThrow(RangeError);
    await expect(log.rootAt(41)).rejects.toThrow(RangeError);
    await expect(log.append([new Uint8Array(31)])).rejects.toThrow(TypeError);
    expect(log.size).toBe(40);
  });
});

import Database from 'better-sqlite3';
import { CompactRange, leafHash, utf8 } from '@app/integrity';
import { describeMerkleNodeStoreContract } from '@app/integrity/merkle/merkle-node-store.contract';
import { leavesOfNodeCount, PostOrderNodeStore, postOrder } from './post-order-node-store';

describe('post-order node numbers', () => {
  it('number the nodes in the order appends complete them', () => {
    const range = CompactRange.empty();
    const order: number[] = [];
    for (let i = 0; i < 300; i++) order.push(...range.append(leafHash(utf8(`${i}`))).map((n) => postOrder(n.level, n.index)));
    expect(order).toEqual(order.map((_, i) => i));
    for (let leaves = 0; leaves < 300; leaves++) expect(leavesOfNodeCount(2 * leaves - [...leaves.toString(2)].filter((b) => b === '1').length)).toBe(leaves);
  });
});

describeMerkleNodeStoreContract('post-order SQLite', async () => {
  const db = new Database(':memory:');
  return { store: new PostOrderNodeStore(db), close: async () => void db.close() };
});

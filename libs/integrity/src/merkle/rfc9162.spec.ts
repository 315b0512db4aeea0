import { sha256, utf8 } from '../bytes';
import {
  consistencyPath,
  EMPTY_ROOT,
  inclusionPath,
  leafHash,
  nodeHash,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from './rfc9162';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(utf8(`entry ${i}`)));
const flip = (h: Uint8Array) => {
  const c = Uint8Array.from(h);
  c[0] ^= 1;
  return c;
};

describe('RFC 9162 hashing', () => {
  it('separates leaves from nodes with the 0x00 / 0x01 prefixes', () => {
    const d = utf8('x');
    expect(leafHash(d)).toEqual(sha256(Uint8Array.of(0), d));
    expect(nodeHash(leafHash(d), leafHash(d))).toEqual(sha256(Uint8Array.of(1), leafHash(d), leafHash(d)));
    expect(EMPTY_ROOT).toEqual(sha256());
    expect(Buffer.from(EMPTY_ROOT).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('splits at the largest power of two below n', () => {
    const l = leaves(5);
    const expected = nodeHash(nodeHash(nodeHash(l[0], l[1]), nodeHash(l[2], l[3])), l[4]);
    expect(treeHash(l)).toEqual(expected);
  });
});

describe('RFC 9162 proofs (exhaustive for small trees)', () => {
  const all = leaves(33);

  it('every inclusion path verifies, and fails for the wrong index, leaf, root or a cut path', () => {
    for (let n = 1; n <= all.length; n++) {
      const tree = all.slice(0, n);
      const root = treeHash(tree);
      for (let i = 0; i < n; i++) {
        const path = inclusionPath(i, tree);
        expect(verifyInclusion(i, n, tree[i], path, root)).toBe(true);
        expect(verifyInclusion(i, n, flip(tree[i]), path, root)).toBe(false);
        expect(verifyInclusion(i, n, tree[i], path, flip(root))).toBe(false);
        if (n > 1) {
          expect(verifyInclusion((i + 1) % n, n, tree[i], path, root)).toBe(false);
          expect(verifyInclusion(i, n, tree[i], path.slice(1), root)).toBe(false);
        }
        expect(verifyInclusion(i, n, tree[i], [...path, root], root)).toBe(false);
      }
    }
  });

  it('every consistency proof verifies, and fails for swapped or altered roots', () => {
    for (let n = 1; n <= all.length; n++) {
      const root2 = treeHash(all.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const root1 = treeHash(all.slice(0, m));
        const proof = consistencyPath(m, all.slice(0, n));
        expect(verifyConsistency(m, n, root1, root2, proof)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, flip(root1), root2, proof)).toBe(false);
          expect(verifyConsistency(m, n, root1, flip(root2), proof)).toBe(false);
          expect(verifyConsistency(m, n, root2, root1, proof)).toBe(false);
          expect(verifyConsistency(m, n, root1, root2, proof.map(flip))).toBe(false);
        }
      }
    }
  });

  it('refuses sizes that are not safe non-negative integers', () => {
    const l = leaves(2);
    const root = treeHash(l);
    expect(verifyInclusion(0.5, 2, l[0], inclusionPath(0, l), root)).toBe(false);
    expect(verifyInclusion(0, Number.NaN, l[0], inclusionPath(0, l), root)).toBe(false);
    expect(verifyConsistency(-1, 2, root, root, [root])).toBe(false);
    expect(() => inclusionPath(2, l)).toThrow(RangeError);
    expect(() => consistencyPath(0, l)).toThrow(RangeError);
  });
});

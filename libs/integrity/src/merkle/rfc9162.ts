/**
 * RFC 9162 §2.1 Merkle tree hashing, proofs and their verification (SHA-256).
 *
 * The tree functions here take the leaf hashes (leafHash of each entry) and recurse over
 * the whole list: they are the plain statement of the RFC, used directly for small trees
 * (the scope-heads tree) and as the reference the incremental MerkleLog is tested against.
 */
import { bytesEqual, Hash, HASH_SIZE, sha256 } from '../bytes';
import { half, isOdd, isTreeSize, largestPowerOfTwoBelow } from './tree-math';

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Hash = sha256();

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(entry: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, entry);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return sha256(NODE_PREFIX, left, right);
}

/** MTH(D[n]) given the n leaf hashes. */
export function treeHash(leafHashes: readonly Hash[]): Hash {
  const n = leafHashes.length;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leafHashes[0];
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(treeHash(leafHashes.slice(0, k)), treeHash(leafHashes.slice(k)));
}

/** PATH(index, D[n]) (§2.1.3.1): the inclusion proof of one leaf, bottom up. */
export function inclusionPath(index: number, leafHashes: readonly Hash[]): Hash[] {
  const n = leafHashes.length;
  if (!(isTreeSize(index) && index < n)) throw new RangeError(`no leaf ${index} in a tree of ${n}`);
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  if (index < k) return [...inclusionPath(index, leafHashes.slice(0, k)), treeHash(leafHashes.slice(k))];
  return [...inclusionPath(index - k, leafHashes.slice(k)), treeHash(leafHashes.slice(0, k))];
}

/** PROOF(m, D[n]) (§2.1.4.1): proves the tree of the first m leaves is a prefix of D[n]. */
export function consistencyPath(size1: number, leafHashes: readonly Hash[]): Hash[] {
  const n = leafHashes.length;
  if (!(isTreeSize(size1) && size1 > 0 && size1 <= n))
    throw new RangeError(`no consistency proof from ${size1} to ${n}`);
  return subproof(size1, leafHashes, true);
}

function subproof(m: number, leaves: readonly Hash[], whole: boolean): Hash[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [treeHash(leaves)];
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) return [...subproof(m, leaves.slice(0, k), whole), treeHash(leaves.slice(k))];
  return [...subproof(m - k, leaves.slice(k), false), treeHash(leaves.slice(0, k))];
}

/** §2.1.3.2: does `proof` show the leaf at `index` in the tree of `size` whose root is `root`? */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (!(isTreeSize(index) && isTreeSize(size) && index < size)) return false;
  if (!isHash(leaf) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/**
 * §2.1.4.2: does `proof` show the tree of `size1` (root1) is a prefix of the tree of
 * `size2` (root2)? Equal sizes need an empty proof and equal roots; an empty tree is only
 * consistent with itself, and its root must be MTH({}).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Hash,
  root2: Hash,
  proof: readonly Hash[],
): boolean {
  if (!(isTreeSize(size1) && isTreeSize(size2) && size1 <= size2)) return false;
  if (size1 === size2) {
    const rootsOk = bytesEqual(root1, root2) && (size1 > 0 || bytesEqual(root1, EMPTY_ROOT));
    return proof.length === 0 && rootsOk;
  }
  if (size1 === 0 || proof.length === 0 || !proof.every(isHash)) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

function isHash(h: Hash): boolean {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

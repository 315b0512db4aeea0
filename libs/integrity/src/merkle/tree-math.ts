/**
 * Index arithmetic for RFC 9162 trees. Tree sizes and indexes are JS numbers checked to
 * be safe integers (up to 2^53 leaves); no 32-bit bitwise operator is used on them.
 */

/** A complete subtree: the 2^level leaves starting at index * 2^level. */
export interface NodeId {
  level: number;
  index: number;
}

/** Leaves [start, end). */
export interface LeafRange {
  start: number;
  end: number;
}

export function isTreeSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

export function half(n: number): number {
  return Math.floor(n / 2);
}

/** The k of RFC 9162 §2.1.1: the largest power of two smaller than n (n > 1). */
export function largestPowerOfTwoBelow(n: number): number {
  if (!(n > 1)) throw new RangeError(`no power of two below ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up [start, end), left to right, largest first. Every
 * range an RFC 9162 proof names has this shape (start aligned to the range's size class);
 * anything else is a programming error.
 */
export function completeSubtrees(range: LeafRange): NodeId[] {
  const { start, end } = range;
  if (!(isTreeSize(start) && isTreeSize(end) && start < end)) throw new RangeError(`bad range [${start}, ${end})`);
  const nodes: NodeId[] = [];
  let width = 1;
  let level = 0;
  while (width * 2 <= end - start) {
    width *= 2;
    level++;
  }
  let at = start;
  for (; level >= 0; level--, width /= 2) {
    if (end - at < width) continue;
    if (at % width !== 0) throw new RangeError(`range [${start}, ${end}) is not made of aligned subtrees`);
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
}

/** The leaf ranges whose hashes form PATH(index, D[size]) (RFC 9162 §2.1.3.1), bottom up. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!(isTreeSize(index) && isTreeSize(size) && index < size))
    throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
    }
  }
  return ranges.reverse();
}

/** The leaf ranges whose hashes form PROOF(size1, D[size2]) (RFC 9162 §2.1.4.1), bottom up. */
export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  if (!(isTreeSize(size1) && isTreeSize(size2) && size1 > 0 && size1 <= size2)) {
    throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  }
  const ranges: LeafRange[] = [];
  let m = size1;
  let start = 0;
  let end = size2;
  let whole = true; // SUBPROOF's b: the range is still a whole earlier tree
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) ranges.push({ start, end });
  return ranges.reverse();
}

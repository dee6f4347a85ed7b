import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1), which is RFC 6962's:
 * leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right), and a tree of n leaves splits at the
 * largest power of two below n. Tree sizes and indexes are plain numbers: exact up to 2^53 leaves.
 */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export function leafHash(entry: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() */
export const EMPTY_TREE_ROOT: Hash = createHash('sha256').digest();

/**
 * The root of a perfect subtree: 2^level leaves starting at leaf `index * 2^level`. Proofs are built from these,
 * so a store only needs to answer this one question (see audit-tree-store.ts).
 */
export type PerfectSubtreeHash = (level: number, index: number) => Promise<Hash>;

export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function perfectLevel(start: number, size: number): number | null {
  const level = Math.log2(size);
  return Number.isInteger(level) && start % size === 0 ? level : null;
}

/** MTH(D[start:end]) for a range whose perfect parts are aligned, as every range in these algorithms is. */
export async function rangeHash(start: number, end: number, perfect: PerfectSubtreeHash): Promise<Hash> {
  const size = end - start;
  if (size === 0) return EMPTY_TREE_ROOT;
  const level = perfectLevel(start, size);
  if (level !== null) return perfect(level, start / size);
  const k = largestPowerOfTwoBelow(size);
  return nodeHash(await rangeHash(start, start + k, perfect), await rangeHash(start + k, end, perfect));
}

/** PATH(m, D[n]) of RFC 9162 section 2.1.3.1: the audit path of leaf `leafIndex` in the tree of `treeSize`. */
export async function inclusionPath(
  leafIndex: number,
  treeSize: number,
  perfect: PerfectSubtreeHash,
): Promise<Hash[]> {
  if (leafIndex < 0 || leafIndex >= treeSize) throw new RangeError('leaf index outside the tree');
  const path = async (m: number, start: number, end: number): Promise<Hash[]> => {
    if (end - start === 1) return [];
    const k = largestPowerOfTwoBelow(end - start);
    return m < k
      ? [...(await path(m, start, start + k)), await rangeHash(start + k, end, perfect)]
      : [...(await path(m - k, start + k, end)), await rangeHash(start, start + k, perfect)];
  };
  return path(leafIndex, 0, treeSize);
}

/** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1: shows the tree of `first` leaves is a prefix of the tree of `second`. */
export async function consistencyPath(
  first: number,
  second: number,
  perfect: PerfectSubtreeHash,
): Promise<Hash[]> {
  if (first < 0 || first > second) throw new RangeError('first tree size must be between 0 and the second');
  if (first === 0 || first === second) return [];
  const subproof = async (m: number, start: number, end: number, whole: boolean): Promise<Hash[]> => {
    if (m === end - start) return whole ? [] : [await rangeHash(start, end, perfect)];
    const k = largestPowerOfTwoBelow(end - start);
    return m <= k
      ? [...(await subproof(m, start, start + k, whole)), await rangeHash(start + k, end, perfect)]
      : [...(await subproof(m - k, start + k, end, false)), await rangeHash(start, start + k, perfect)];
  };
  return subproof(first, 0, second, true);
}

/** RFC 9162 section 2.1.3.2: does `path` lead from the leaf hash at `leafIndex` to `root`? */
export function verifyInclusionPath(
  leaf: Uint8Array,
  leafIndex: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && Buffer.from(r).equals(root);
}

/** RFC 9162 section 2.1.4.2: is the tree (`first`, `firstRoot`) a prefix of (`second`, `secondRoot`)? */
export function verifyConsistencyPath(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  path: readonly Uint8Array[],
): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return path.length === 0 && Buffer.from(firstRoot).equals(secondRoot);
  if (first === 0) return path.length === 0;
  const proof = Number.isInteger(Math.log2(first)) ? [firstRoot, ...path] : [...path];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  const [seed, ...rest] = proof;
  if (!seed) return false;
  let fr: Uint8Array = seed;
  let sr: Uint8Array = seed;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && Buffer.from(fr).equals(firstRoot) && Buffer.from(sr).equals(secondRoot);
}

const half = (n: number) => Math.floor(n / 2);

/** A node of the tree that has just become complete: 2^level leaves from leaf `index * 2^level`. */
export interface CompletedNode {
  level: number;
  index: number;
  hash: Hash;
}

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, largest first (one per bit set in the
 * size). Appending a leaf merges equal-sized subtrees; the root folds them from the right, as MTH does.
 */
export class CompactRange {
  private constructor(
    private size: number,
    private readonly peaks: Hash[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** Starts from an existing tree of `size` leaves, reading its peaks through `perfect`. */
  static async of(size: number, perfect: PerfectSubtreeHash): Promise<CompactRange> {
    const peaks: Hash[] = [];
    let start = 0;
    for (const level of peakLevels(size)) {
      peaks.push(await perfect(level, start / 2 ** level));
      start += 2 ** level;
    }
    return new CompactRange(size, peaks);
  }

  get treeSize(): number {
    return this.size;
  }

  /** Adds the next leaf; reports every node it completes (for stores that keep some of them). */
  append(leaf: Hash, onCompleted?: (node: CompletedNode) => void): void {
    let hash = leaf;
    let position = this.size;
    let level = 0;
    while (position % 2 === 1) {
      const left = this.peaks.pop();
      if (!left) throw new Error('compact range out of step with its size');
      hash = nodeHash(left, hash);
      position = half(position);
      level += 1;
      onCompleted?.({ level, index: position, hash });
    }
    this.peaks.push(hash);
    this.size += 1;
  }

  root(): Hash {
    const last = this.peaks.at(-1);
    if (!last) return EMPTY_TREE_ROOT;
    return this.peaks.slice(0, -1).reduceRight((right, left) => nodeHash(left, right), last);
  }
}

/** Levels of the perfect subtrees that make up a tree of `size` leaves, largest first. */
function peakLevels(size: number): number[] {
  const levels: number[] = [];
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level -= 1)
    if (Math.floor(size / 2 ** level) % 2 === 1) levels.push(level);
  return levels;
}

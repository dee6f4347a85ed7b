import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { nodeHash } from './merkle.ts';
import type { CompletedNode, Hash, PerfectSubtreeHash } from './merkle.ts';
import { readLeafHashes, readNodes } from './audit.repository.ts';

/**
 * Inner nodes are stored every 8 levels (as in the tiles of Certificate Transparency's static logs), so any
 * perfect subtree is one range read of at most 256 hashes folded in memory: proofs cost O(log n) small reads,
 * and the store is 1/255 of the leaves.
 */
export const STORED_LEVEL_STEP = 8;

export const isStoredNode = (node: CompletedNode): boolean => node.level % STORED_LEVEL_STEP === 0;

/** Answers "the root of this perfect subtree" from the stored leaves and nodes. */
export function storedPerfectSubtree(db: Kysely<DB> | Transaction<DB>): PerfectSubtreeHash {
  return async (level, index) => {
    const base = level - (level % STORED_LEVEL_STEP);
    const width = 2 ** (level - base);
    const from = index * width;
    const hashes =
      base === 0
        ? await readLeafHashes(db, from, from + width)
        : await readNodes(db, base, from, from + width);
    if (hashes.length !== width)
      throw new IncompleteTreeError(
        `subtree ${level}/${index} needs ${width} hashes, found ${hashes.length}`,
      );
    return foldPerfect(hashes);
  };
}

/** The root of a perfect tree over these hashes (their count a power of two). */
function foldPerfect(hashes: Hash[]): Hash {
  let level = hashes;
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i] as Hash, level[i + 1] as Hash));
    level = next;
  }
  const [root] = level;
  if (!root) throw new IncompleteTreeError('no hashes to fold');
  return root;
}

/** Leaves or stored nodes are missing: the tables no longer hold the tree the heads were signed over. */
export class IncompleteTreeError extends Error {
  constructor(detail: string) {
    super(`The audit tree is incomplete: ${detail}`);
    this.name = 'IncompleteTreeError';
  }
}

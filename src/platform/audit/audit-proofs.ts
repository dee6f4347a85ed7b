import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entryLeafHash } from './audit-entry.ts';
import type { AuditRow } from './audit-entry.ts';
import { IncompleteTreeError, storedPerfectSubtree } from './audit-tree-store.ts';
import { findEntryPlace, readHeadOfSize, readLatestHead, readLeafHashes } from './audit.repository.ts';
import { consistencyPath, inclusionPath, verifyInclusionPath } from './merkle.ts';
import { isTreeHeadSignedBy, toSignedTreeHead } from './tree-head.ts';
import type { LogPublicKey, SignedTreeHead } from './tree-head.ts';

/** Proof that one entry is in the log as a signed head describes it (RFC 9162 section 2.1.3). */
export interface InclusionProof {
  entryId: string;
  /** The entry's position in the log, from 0. */
  leafIndex: number;
  treeSize: number;
  /** SHA-256(0x00 || canonical entry), base64. */
  leafHash: string;
  /** Sibling hashes from the leaf up to the root, base64 (RFC 9162's inclusion_path). */
  auditPath: string[];
  treeHead: SignedTreeHead;
}

/** Proof that the tree of `firstTreeSize` leaves is a prefix of the tree of `secondTreeSize` (section 2.1.4). */
export interface ConsistencyProof {
  firstTreeSize: number;
  secondTreeSize: number;
  consistencyPath: string[];
}

export class AuditEntryNotFoundError extends Error {
  constructor() {
    super('No audit entry has that id');
    this.name = 'AuditEntryNotFoundError';
  }
}

/** The entry exists but no signed head covers it yet (the sealer runs every few seconds), or no such head. */
export class AuditEntryNotSealedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'AuditEntryNotSealedError';
  }
}

const base64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

/** Against the latest signed head, or the head of `treeSize` when given (e.g. the one a witness holds). */
export async function buildInclusionProof(
  db: Kysely<DB>,
  entryId: string,
  treeSize?: number,
): Promise<InclusionProof> {
  const place = await findEntryPlace(db, entryId);
  if (!place) throw new AuditEntryNotFoundError();
  const head = treeSize === undefined ? await readLatestHead(db) : await readHeadOfSize(db, treeSize);
  const { leafIndex } = place;
  if (leafIndex === null || !head || leafIndex >= head.treeSize)
    throw new AuditEntryNotSealedError(
      head ? 'That entry is not covered by the tree head asked for' : 'No tree head of that size',
    );
  const [leaf] = await readLeafHashes(db, leafIndex, leafIndex + 1);
  if (!leaf) throw new IncompleteTreeError(`leaf ${leafIndex} is gone`);
  const path = await inclusionPath(leafIndex, head.treeSize, storedPerfectSubtree(db));
  // Never hand out a proof that does not hold: the stored tree may have been tampered with.
  if (!verifyInclusionPath(leaf, leafIndex, head.treeSize, path, head.rootHash))
    throw new IncompleteTreeError(`the stored tree does not lead from leaf ${leafIndex} to the signed root`);
  return {
    entryId,
    leafIndex,
    treeSize: head.treeSize,
    leafHash: base64(leaf),
    auditPath: path.map(base64),
    treeHead: toSignedTreeHead(head),
  };
}

export async function buildConsistencyProof(
  db: Kysely<DB>,
  firstTreeSize: number,
  secondTreeSize: number,
): Promise<ConsistencyProof> {
  const latest = await readLatestHead(db);
  if (firstTreeSize > secondTreeSize || secondTreeSize > (latest?.treeSize ?? 0))
    throw new RangeError('sizes must satisfy 0 ≤ first ≤ second ≤ the latest signed tree size');
  const path = await consistencyPath(firstTreeSize, secondTreeSize, storedPerfectSubtree(db));
  return { firstTreeSize, secondTreeSize, consistencyPath: path.map(base64) };
}

/**
 * Checks a proof offline: the head is signed by the log's key, and the path leads from the leaf hash to its
 * root. With the entry itself, also that the entry is what the leaf hashes.
 */
export function verifyInclusionProof(
  proof: InclusionProof,
  publicKey: LogPublicKey,
  entry?: AuditRow,
): boolean {
  const { treeHead } = proof;
  const leaf = Buffer.from(proof.leafHash, 'base64');
  if (entry && (entry.id !== proof.entryId || !entryLeafHash(entry).equals(leaf))) return false;
  return (
    treeHead.treeSize === proof.treeSize &&
    isTreeHeadSignedBy(treeHead, publicKey) &&
    verifyInclusionPath(
      leaf,
      proof.leafIndex,
      proof.treeSize,
      proof.auditPath.map((hash) => Buffer.from(hash, 'base64')),
      Buffer.from(treeHead.rootHash, 'base64'),
    )
  );
}

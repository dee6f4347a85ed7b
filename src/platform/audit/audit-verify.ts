import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entryLeafHash } from './audit-entry.ts';
import type { AuditSigning } from './audit-sealer.ts';
import {
  countEntriesAfter,
  findEntriesBehindCursor,
  readHeads,
  readLatestHead,
  readLeavesWithEntries,
} from './audit.repository.ts';
import { CompactRange } from './merkle.ts';
import { isTreeHeadSignedBy, logPublicKey, toSignedTreeHead } from './tree-head.ts';
import type { LogPublicKey, SignedTreeHead } from './tree-head.ts';
import { readWitness } from './witness.ts';

export type AuditProblemKind =
  /** An entry's content no longer hashes to its leaf. */
  | 'modified'
  /** A leaf whose entry is gone. */
  | 'missing'
  /** Leaf positions are not 0, 1, 2… */
  | 'leaf-gap'
  /** An entry the sealer has passed but that is in no leaf: put there behind the log's back. */
  | 'inserted'
  /** Leaves that no signed head covers. */
  | 'unsigned'
  /** A head's root hash is not the root of the entries. */
  | 'root-mismatch'
  /** A head not signed by this log's key. */
  | 'bad-signature'
  /** A signed head covers more entries than the log holds. */
  | 'truncated'
  /** A head signed later covers fewer entries than one signed before it. */
  | 'rollback'
  /** The witness copy has a head the database does not. */
  | 'head-missing'
  | 'witness-missing'
  | 'witness-unreadable';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** One line naming the entry, leaf or tree head concerned. */
  detail: string;
  seq?: string;
  leafIndex?: number;
  treeSize?: number;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries recomputed from their content into the tree. */
  checked: number;
  /** Signed heads in the database and in the witness copy (null: no witness configured). */
  treeHeads: number;
  witnessHeads: number | null;
  /** Entries committed but not sealed yet. */
  pending: number;
  problems: AuditProblem[];
}

type Source = 'database' | 'witness';
interface SourcedHead {
  source: Source;
  head: SignedTreeHead;
}

const PAGE = 10_000;
// Beyond this a report lists no more problems: the first ones say what happened.
const MAX_PROBLEMS = 1000;

/**
 * Recomputes the tree from the entries and checks it against every signed head, in the database and in the
 * witness copy: signatures, roots, sizes and order. Heads whose roots all match the one recomputed tree are
 * consistent with each other by construction, which is what a consistency proof would show.
 */
export async function verifyAuditLog(db: Kysely<DB>, signing: AuditSigning): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const report = (problem: AuditProblem) => problems.length < MAX_PROBLEMS && problems.push(problem);
  const publicKey = logPublicKey(signing.signingKey);
  const databaseHeads = await readAllHeads(db);
  const witness = await readWitnessHeads(signing.witnessFile, databaseHeads.length > 0, report);
  const heads = [...sourced('database', databaseHeads), ...sourced('witness', witness ?? [])];
  checkSignatures(heads, publicKey, report);
  const { checked, lastSigned } = await recomputeTree(db, heads, report);
  checkSizes(heads, checked, report);
  checkWitnessAgainstDatabase(databaseHeads, witness ?? [], report);
  const latest = await readLatestHead(db);
  if (latest) await checkNothingBehindCursor(db, latest.last, report);
  if (checked > lastSigned)
    report({
      kind: 'unsigned',
      detail: `leaves ${lastSigned} to ${checked - 1} are covered by no signed head`,
    });
  const pending = await countEntriesAfter(db, latest?.last ?? { xid: '-1', seq: '-1' });
  return {
    ok: problems.length === 0,
    checked,
    treeHeads: databaseHeads.length,
    witnessHeads: witness?.length ?? null,
    pending,
    problems,
  };
}

const sourced = (source: Source, heads: readonly SignedTreeHead[]): SourcedHead[] =>
  heads.map((head) => ({ source, head }));

const describe = ({ source, head }: SourcedHead) => `tree head of size ${head.treeSize} (${source})`;

async function readAllHeads(db: Kysely<DB>): Promise<SignedTreeHead[]> {
  const heads: SignedTreeHead[] = [];
  for (let page = await readHeads(db, -1, PAGE); page.length > 0;) {
    heads.push(...page.map(toSignedTreeHead));
    page = await readHeads(db, heads.at(-1)?.treeSize ?? -1, PAGE);
  }
  return heads;
}

async function readWitnessHeads(
  path: string | null,
  databaseHasHeads: boolean,
  report: (problem: AuditProblem) => void,
): Promise<SignedTreeHead[] | null> {
  if (path === null) return null;
  const copy = await readWitness(path);
  if (!copy) {
    if (databaseHasHeads) report({ kind: 'witness-missing', detail: `no witness copy at ${path}` });
    return [];
  }
  for (const line of copy.unreadableLines)
    report({ kind: 'witness-unreadable', detail: `line ${line} of ${path} is not a tree head` });
  return copy.heads;
}

function checkSignatures(heads: SourcedHead[], key: LogPublicKey, report: (p: AuditProblem) => void): void {
  for (const sourcedHead of heads)
    if (!isTreeHeadSignedBy(sourcedHead.head, key))
      report({
        kind: 'bad-signature',
        detail: `${describe(sourcedHead)} is not signed by this log's key`,
        treeSize: sourcedHead.head.treeSize,
      });
}

/** One pass over the leaves in order: each entry rehashed, each head's root compared at its size. */
async function recomputeTree(
  db: Kysely<DB>,
  heads: SourcedHead[],
  report: (p: AuditProblem) => void,
): Promise<{ checked: number; lastSigned: number }> {
  const bySize = new Map<number, SourcedHead[]>();
  for (const h of heads) bySize.set(h.head.treeSize, [...(bySize.get(h.head.treeSize) ?? []), h]);
  const range = CompactRange.empty();
  const compareRoots = () => {
    for (const sourcedHead of bySize.get(range.treeSize) ?? [])
      if (range.root().toString('base64') !== sourcedHead.head.rootHash)
        report({
          kind: 'root-mismatch',
          detail: `${describe(sourcedHead)}: the entries give another root; an entry before position ${range.treeSize} was changed, inserted or removed`,
          treeSize: range.treeSize,
        });
  };
  let lastSigned = 0;
  for (let page = await readLeavesWithEntries(db, 0, PAGE); page.length > 0;) {
    for (const leaf of page) {
      if (leaf.leafIndex !== range.treeSize)
        report({
          kind: 'leaf-gap',
          detail: `position ${range.treeSize} is followed by ${leaf.leafIndex}`,
          leafIndex: range.treeSize,
        });
      range.append(checkedLeafHash(leaf, report));
      if (bySize.has(range.treeSize)) lastSigned = range.treeSize;
      compareRoots();
    }
    page = await readLeavesWithEntries(db, (page.at(-1)?.leafIndex ?? 0) + 1, PAGE);
  }
  return { checked: range.treeSize, lastSigned };
}

function checkedLeafHash(
  leaf: Awaited<ReturnType<typeof readLeavesWithEntries>>[number],
  report: (p: AuditProblem) => void,
): Buffer {
  const where = { seq: leaf.entrySeq, leafIndex: leaf.leafIndex };
  if (!leaf.entry) {
    report({
      kind: 'missing',
      detail: `entry ${leaf.entrySeq} (position ${leaf.leafIndex}) is gone`,
      ...where,
    });
    return leaf.leafHash;
  }
  const recomputed = entryLeafHash(leaf.entry);
  if (!recomputed.equals(leaf.leafHash))
    report({
      kind: 'modified',
      detail: `entry ${leaf.entrySeq} (position ${leaf.leafIndex}) was changed`,
      ...where,
    });
  return recomputed;
}

function checkSizes(heads: SourcedHead[], treeSize: number, report: (p: AuditProblem) => void): void {
  let largestSoFar: SourcedHead | null = null;
  for (const sourcedHead of heads.toSorted((a, b) => a.head.timestamp - b.head.timestamp)) {
    const { head } = sourcedHead;
    if (head.treeSize > treeSize)
      report({
        kind: 'truncated',
        detail: `${describe(sourcedHead)} but the log holds ${treeSize} entries: entries were removed`,
        treeSize: head.treeSize,
      });
    if (largestSoFar && head.treeSize < largestSoFar.head.treeSize)
      report({
        kind: 'rollback',
        detail: `${describe(sourcedHead)} was signed after the ${describe(largestSoFar)}`,
        treeSize: head.treeSize,
      });
    if (!largestSoFar || head.treeSize > largestSoFar.head.treeSize) largestSoFar = sourcedHead;
  }
}

function checkWitnessAgainstDatabase(
  database: readonly SignedTreeHead[],
  witness: readonly SignedTreeHead[],
  report: (p: AuditProblem) => void,
): void {
  const stored = new Set(database.map((head) => head.signature));
  for (const head of witness)
    if (!stored.has(head.signature))
      report({
        kind: 'head-missing',
        detail: `the witness copy's tree head of size ${head.treeSize} is not in the database`,
        treeSize: head.treeSize,
      });
}

async function checkNothingBehindCursor(
  db: Kysely<DB>,
  cursor: { xid: string; seq: string },
  report: (p: AuditProblem) => void,
): Promise<void> {
  for (const seq of await findEntriesBehindCursor(db, cursor, MAX_PROBLEMS))
    report({ kind: 'inserted', detail: `entry ${seq} is in no leaf though the log was sealed past it`, seq });
}

import type { KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entryLeafHash } from './audit-entry.ts';
import { isStoredNode, storedPerfectSubtree } from './audit-tree-store.ts';
import {
  insertHead,
  insertLeaves,
  insertNodes,
  lockSealing,
  readHeads,
  readLatestHead,
  readOldestRunningXid,
  readSealableEntries,
} from './audit.repository.ts';
import type { SealCursor, TreeHeadRow } from './audit.repository.ts';
import { CompactRange } from './merkle.ts';
import type { CompletedNode } from './merkle.ts';
import { isTreeHeadSignedBy, logPublicKey, signTreeHead, toSignedTreeHead } from './tree-head.ts';
import type { SignedTreeHead } from './tree-head.ts';
import { appendToWitness, lastWitnessedSize } from './witness.ts';

/** Where the log's key and its witness copy live; both outside the database (config `audit`). */
export interface AuditSigning {
  readonly signingKey: KeyObject;
  /** JSON Lines copy of every signed tree head; null for none. */
  readonly witnessFile: string | null;
}

export interface SealReport {
  /** Entries given a place in the tree by this call. */
  sealed: number;
  /** The newest head signed, or null when there was nothing to seal. */
  head: SignedTreeHead | null;
}

/** The database no longer holds the tree its last signed head (or the witness) describes: sealing stops. */
export class AuditLogTamperedError extends Error {
  constructor(detail: string) {
    super(`Audit log not sealed: ${detail}. Run \`guichet audit verify\`.`);
    this.name = 'AuditLogTamperedError';
  }
}

// Large enough to amortise a head's signature and the frontier read, small enough to keep each seal short.
export const SEAL_BATCH = 10_000;
const BEFORE_EVERYTHING: SealCursor = { xid: '-1', seq: '-1' };

/**
 * Seals committed entries into the tree in batches: each batch gets the next leaf positions and a signed head,
 * in one transaction; heads are then appended to the witness copy.
 */
export function createSealer(db: Kysely<DB>, signing: AuditSigning, clock: () => Date) {
  const publicKey = logPublicKey(signing.signingKey);

  async function sealBatch(limit: number): Promise<SealReport> {
    const head = await db.transaction().execute(async (trx) => {
      await lockSealing(trx);
      const latest = await readLatestHead(trx);
      const entries = await readSealableEntries(
        trx,
        latest?.last ?? BEFORE_EVERYTHING,
        await readOldestRunningXid(trx),
        limit,
      );
      // The stored tree and the witness are checked on every pass, even one with nothing to seal yet (an older
      // transaction still running holds new entries back): tampering is reported at the next pass, not later.
      const range = await openRange(trx, latest);
      const last = entries.at(-1);
      if (!last) return null;
      const nodes: CompletedNode[] = [];
      const leaves = entries.map((entry) => {
        const leaf = { leafIndex: range.treeSize, entrySeq: entry.seq, leafHash: entryLeafHash(entry) };
        range.append(leaf.leafHash, (node) => isStoredNode(node) && nodes.push(node));
        return leaf;
      });
      const signed = signTreeHead(signing.signingKey, range.treeSize, clock().getTime(), range.root());
      await insertLeaves(trx, leaves);
      await insertNodes(trx, nodes);
      await insertHead(trx, toHeadRow(signed, { xid: last.xid, seq: last.seq }));
      return { signed, count: entries.length };
    });
    if (head) await publishToWitness();
    return { sealed: head?.count ?? 0, head: head?.signed ?? null };
  }

  /** The tree as the last signed head left it, after checking the stored tree still is that tree. */
  async function openRange(trx: Transaction<DB>, latest: TreeHeadRow | null): Promise<CompactRange> {
    const witnessed = await witnessedTreeSize();
    if (witnessed > (latest?.treeSize ?? 0))
      throw new AuditLogTamperedError(
        `the witness copy has a head of size ${witnessed}, the database ${latest?.treeSize ?? 0}`,
      );
    if (!latest) return CompactRange.empty();
    if (!isTreeHeadSignedBy(toSignedTreeHead(latest), publicKey))
      throw new AuditLogTamperedError(`the head of size ${latest.treeSize} is not signed by this log's key`);
    const range = await CompactRange.of(latest.treeSize, storedPerfectSubtree(trx)).catch(
      (error: unknown) => {
        throw new AuditLogTamperedError(error instanceof Error ? error.message : String(error));
      },
    );
    if (!range.root().equals(latest.rootHash))
      throw new AuditLogTamperedError(
        `the stored tree no longer has the root of the head of size ${latest.treeSize}`,
      );
    return range;
  }

  // Read each time (the file's last 4 KB): `guichet audit seal` may have appended since.
  const witnessedTreeSize = async (): Promise<number> =>
    signing.witnessFile === null ? 0 : lastWitnessedSize(signing.witnessFile);

  /** Copies every head the witness does not have yet, in order, so a crash before copying is caught up. */
  async function publishToWitness(): Promise<void> {
    if (signing.witnessFile === null) return;
    const from = await witnessedTreeSize();
    const heads = (await readHeads(db, from, SEAL_BATCH))
      .map(toSignedTreeHead)
      .filter((head) => isTreeHeadSignedBy(head, publicKey));
    await appendToWitness(signing.witnessFile, heads);
  }

  /** Seals everything sealable now, batch after batch. */
  async function sealPending(limit: number): Promise<SealReport> {
    const total: SealReport = { sealed: 0, head: null };
    for (;;) {
      const report = await sealBatch(limit);
      total.sealed += report.sealed;
      total.head = report.head ?? total.head;
      if (report.sealed < limit) return total;
    }
  }

  // One seal at a time in this process too, so the witness copy gets each head once.
  let previous: Promise<unknown> = Promise.resolve();
  function sealAll(limit = SEAL_BATCH): Promise<SealReport> {
    const next = previous.then(() => sealPending(limit));
    previous = next.catch(() => undefined);
    return next;
  }

  return { sealAll };
}

function toHeadRow(head: SignedTreeHead, last: SealCursor): TreeHeadRow {
  return {
    treeSize: head.treeSize,
    rootHash: Buffer.from(head.rootHash, 'base64'),
    signedAt: new Date(head.timestamp),
    keyId: head.keyId,
    signature: Buffer.from(head.signature, 'base64'),
    last,
  };
}

export interface SealerOptions {
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Runs `seal` every `intervalMs` until stopped; the stop function waits for a seal in progress and seals once
 * more, so entries committed before shutdown are in the log. A failure that repeats is reported once, not every
 * interval, until a seal succeeds again.
 */
export function scheduleSealing(seal: () => Promise<unknown>, options: SealerOptions): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastFailure: string | null = null;
  const attempt = () =>
    seal().then(
      () => void (lastFailure = null),
      (error: unknown) => {
        const failure = error instanceof Error ? error.message : String(error);
        if (failure !== lastFailure) options.onError(error);
        lastFailure = failure;
      },
    );
  const tick = () => {
    running = attempt().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  timer = setTimeout(tick, options.intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await attempt();
  };
}

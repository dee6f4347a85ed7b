import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { AuditRow } from './audit-entry.ts';
import { buildConsistencyProof, buildInclusionProof, verifyInclusionProof } from './audit-proofs.ts';
import type { ConsistencyProof, InclusionProof } from './audit-proofs.ts';
import { createSealer, scheduleSealing } from './audit-sealer.ts';
import type { AuditSigning, SealReport } from './audit-sealer.ts';
import { verifyAuditLog } from './audit-verify.ts';
import type { AuditVerification } from './audit-verify.ts';
import { findAuditForSubject, insertEntries, readHeads, readLatestHead } from './audit.repository.ts';
import type { NewAuditRow } from './audit.repository.ts';
import type { AuditEventTable } from './audit.tables.ts';
import { logPublicKey, toSignedTreeHead } from './tree-head.ts';
import type { LogPublicKey, SignedTreeHead } from './tree-head.ts';
import { findAccessLines } from './audit-lines.repository.ts';
import type { AccessLineOptions, AccessLineRow } from './audit-lines.repository.ts';

export type { AuditRow } from './audit-entry.ts';
export type { AuditProblem, AuditVerification } from './audit-verify.ts';
export type { ConsistencyProof, InclusionProof } from './audit-proofs.ts';
export type { AuditSigning, SealReport } from './audit-sealer.ts';
export type { SignedTreeHead } from './tree-head.ts';

export interface AuditActor {
  type: AuditEventTable['actor_type'];
  id?: string | null;
  role?: string | null;
  agencyId?: string | null;
}

/** One access to (or change of) personal information, or a security-relevant event. */
export interface AuditEntry {
  actor: AuditActor;
  subjectPersonId?: string | null;
  /** A code such as `registry.profile.read`, never free text with personal data in it. */
  action: string;
  /** The stated purpose, e.g. `phone-call`, `in-person-visit`, `assigned-case`, `self-service`. */
  purpose: string;
  channel: AuditEventTable['channel'];
  outcome: AuditEventTable['outcome'];
  correlationId: string;
  /** Identifiers and codes only: never SINs, amounts, bank details or names. */
  details?: Record<string, unknown>;
}

export interface AuditService {
  /** Records inside the caller's transaction when given, so the access and its record commit together. */
  record(entry: AuditEntry, trx?: Transaction<DB>): Promise<void>;
  /** Many entries in one statement (a batch job's per-person entries), in the caller's transaction when given. */
  recordMany(entries: readonly AuditEntry[], trx?: Transaction<DB>): Promise<void>;
  listForSubject(personId: string, limit?: number): Promise<AuditRow[]>;
  /** The person's access log as lines grouped by the database (see `AccessLineRow`). */
  accessLines(personId: string, options: AccessLineOptions): Promise<AccessLineRow[]>;
  /** Recomputes the tree from the entries and checks every signed head and the witness copy. */
  verify(): Promise<AuditVerification>;
  /** Seals every committed entry not yet in the tree (the server does this every few seconds). */
  seal(): Promise<SealReport>;
  /** Proof that the entry is in the log, against the latest signed head or the head of `treeSize`. */
  inclusionProof(entryId: string, treeSize?: number): Promise<InclusionProof>;
  /** Checks a proof with this log's public key; with the entry, also that it is the entry proven. */
  verifyInclusion(proof: InclusionProof, entry?: AuditRow): boolean;
  consistencyProof(firstTreeSize: number, secondTreeSize: number): Promise<ConsistencyProof>;
  /** Signed heads with a size above `afterSize`, smallest first. */
  treeHeads(afterSize: number, limit: number): Promise<SignedTreeHead[]>;
  latestTreeHead(): Promise<SignedTreeHead | null>;
  publicKey(): LogPublicKey;
}

/** Sealing, proofs and verification need the signing key; recording does not (e.g. a worker process). */
export class AuditSigningNotConfiguredError extends Error {
  constructor() {
    super('The audit log signing key is not configured for this service');
    this.name = 'AuditSigningNotConfiguredError';
  }
}

export function createAuditService(
  db: Kysely<DB>,
  metrics?: Metrics,
  clock: () => Date = () => new Date(),
  signing?: AuditSigning,
): AuditService {
  async function append(executor: Kysely<DB> | Transaction<DB>, entries: readonly AuditEntry[]) {
    await insertEntries(
      executor,
      entries.map((entry) => toRow(entry, clock())),
    );
    for (const entry of entries) metrics?.auditEvents.inc({ action: entry.action, outcome: entry.outcome });
  }
  const groupCommit = createGroupCommit((entries) => append(db, entries));
  const requireSigning = (): AuditSigning => {
    if (!signing) throw new AuditSigningNotConfiguredError();
    return signing;
  };
  const sealer = signing ? createSealer(db, signing, clock) : null;
  return {
    record: (entry, trx) => (trx ? append(trx, [entry]) : groupCommit(entry)),
    recordMany: (entries, trx) => append(trx ?? db, entries),
    listForSubject: (personId, limit = 200) => findAuditForSubject(db, personId, limit),
    accessLines: (personId, options) => findAccessLines(db, personId, options),
    verify: async () => verifyAuditLog(db, requireSigning()),
    seal: async () => {
      if (!sealer) throw new AuditSigningNotConfiguredError();
      return sealer.sealAll();
    },
    inclusionProof: (entryId, treeSize) => buildInclusionProof(db, entryId, treeSize),
    verifyInclusion: (proof, entry) =>
      verifyInclusionProof(proof, logPublicKey(requireSigning().signingKey), entry),
    consistencyProof: (first, second) => buildConsistencyProof(db, first, second),
    treeHeads: async (afterSize, limit) => (await readHeads(db, afterSize, limit)).map(toSignedTreeHead),
    latestTreeHead: async () => {
      const latest = await readLatestHead(db);
      return latest && toSignedTreeHead(latest);
    },
    publicKey: () => logPublicKey(requireSigning().signingKey),
  };
}

/**
 * Starts the server's sealing loop; returns the function that stops it (after one last seal). Called from
 * the server's start-up next to the other schedules.
 */
export function startAuditSealer(
  audit: AuditService,
  options: { intervalMs: number; onError: (error: unknown) => void },
): () => Promise<void> {
  return scheduleSealing(() => audit.seal(), options);
}

// Enough to amortise one transaction over a burst of page views, small enough to keep each insert modest.
const MAX_GROUP = 500;

interface Waiting {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: entries recorded outside a caller's transaction while a write is in flight are queued and
 * written together in the next insert, one commit per batch instead of one per entry. Each caller still waits
 * until its own entry is committed: an access is never shown unrecorded.
 */
function createGroupCommit(
  write: (entries: readonly AuditEntry[]) => Promise<void>,
): (entry: AuditEntry) => Promise<void> {
  const queue: Waiting[] = [];
  let writing = false;
  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_GROUP);
      try {
        await write(batch.map((waiting) => waiting.entry));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    writing = false;
  }
  return (entry) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ entry, resolve, reject });
      if (!writing) void drain();
    });
}

function toRow(entry: AuditEntry, occurredAt: Date): NewAuditRow {
  return {
    occurred_at: occurredAt,
    actor_type: entry.actor.type,
    actor_id: entry.actor.id ?? null,
    actor_role: entry.actor.role ?? null,
    actor_agency_id: entry.actor.agencyId ?? null,
    subject_person_id: entry.subjectPersonId ?? null,
    action: entry.action,
    purpose: entry.purpose,
    channel: entry.channel,
    outcome: entry.outcome,
    correlation_id: entry.correlationId,
    details: entry.details ?? {},
  };
}

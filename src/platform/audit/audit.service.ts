import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Metrics } from '../observability/metrics.ts';
import { chainHash } from './audit-hash.ts';
import type { HashedFields } from './audit-hash.ts';
import {
  findAuditForSubject,
  insertAuditRows,
  lockChainHead,
  readAuditPage,
  readChainHead,
} from './audit.repository.ts';
import type { AuditRow } from './audit.repository.ts';
import type { AuditEventTable } from './audit.tables.ts';

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

export interface AuditProblem {
  seq: string;
  kind: 'modified' | 'missing' | 'broken-link' | 'head-mismatch';
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

export interface AuditService {
  /** Records inside the caller's transaction when given, so the access and its record commit together. */
  record(entry: AuditEntry, trx?: Transaction<DB>): Promise<void>;
  verify(): Promise<AuditVerification>;
  listForSubject(personId: string, limit?: number): Promise<AuditRow[]>;
}

export function createAuditService(
  db: Kysely<DB>,
  metrics?: Metrics,
  clock: () => Date = () => new Date(),
): AuditService {
  async function append(trx: Transaction<DB>, entries: readonly AuditEntry[]): Promise<void> {
    const head = await lockChainHead(trx);
    let seq = BigInt(head.seq);
    let prevHash = head.hash;
    const rows = entries.map((entry) => {
      seq += 1n;
      const fields = toHashedFields(entry, seq.toString(), clock());
      const row = toRow(fields, prevHash, chainHash(prevHash, fields));
      prevHash = row.hash;
      return row;
    });
    await insertAuditRows(trx, rows);
    for (const entry of entries) metrics?.auditEvents.inc({ action: entry.action, outcome: entry.outcome });
  }
  const groupCommit = createGroupCommit((entries) => db.transaction().execute((trx) => append(trx, entries)));
  return {
    record: (entry, trx) => (trx ? append(trx, [entry]) : groupCommit(entry)),
    verify: () => verifyChain(db),
    listForSubject: (personId, limit = 200) => findAuditForSubject(db, personId, limit),
  };
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
 * written together in the next transaction, so the chain head is locked once per batch instead of once per
 * entry. Each caller still waits until its own entry is committed: an access is never shown unrecorded.
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

function toHashedFields(entry: AuditEntry, seq: string, occurredAt: Date): HashedFields {
  return {
    seq,
    occurredAt,
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    actorRole: entry.actor.role ?? null,
    actorAgencyId: entry.actor.agencyId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    action: entry.action,
    purpose: entry.purpose,
    channel: entry.channel,
    outcome: entry.outcome,
    correlationId: entry.correlationId,
    details: entry.details ?? {},
  };
}

function toRow(f: HashedFields, prevHash: string, hash: string): Omit<AuditEventTable, 'id'> {
  return {
    seq: f.seq,
    occurred_at: f.occurredAt,
    actor_type: f.actorType as AuditEventTable['actor_type'],
    actor_id: f.actorId,
    actor_role: f.actorRole,
    actor_agency_id: f.actorAgencyId,
    subject_person_id: f.subjectPersonId,
    action: f.action,
    purpose: f.purpose,
    channel: f.channel as AuditEventTable['channel'],
    outcome: f.outcome as AuditEventTable['outcome'],
    correlation_id: f.correlationId,
    details: f.details,
    prev_hash: prevHash,
    hash,
  };
}

function fromRow(row: AuditRow): HashedFields {
  return {
    seq: row.seq,
    occurredAt: new Date(row.occurred_at),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorAgencyId: row.actor_agency_id,
    subjectPersonId: row.subject_person_id,
    action: row.action,
    purpose: row.purpose,
    channel: row.channel,
    outcome: row.outcome,
    correlationId: row.correlation_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as unknown) : row.details,
  };
}

const PAGE_SIZE = 5000;

/** Walks the whole chain: every row must hash correctly, link to its predecessor and be numbered 1..n. */
async function verifyChain(db: Kysely<DB>): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1n;
  let prevHash = 'genesis';
  let checked = 0;
  for (
    let page = await readAuditPage(db, '0', PAGE_SIZE);
    page.length > 0;
    page = await readAuditPage(db, page.at(-1)?.seq ?? '0', PAGE_SIZE)
  ) {
    for (const row of page) {
      if (BigInt(row.seq) !== expectedSeq) problems.push({ seq: expectedSeq.toString(), kind: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, kind: 'broken-link' });
      if (chainHash(row.prev_hash, fromRow(row)) !== row.hash)
        problems.push({ seq: row.seq, kind: 'modified' });
      expectedSeq = BigInt(row.seq) + 1n;
      prevHash = row.hash;
      checked += 1;
    }
  }
  const head = await readChainHead(db);
  if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash)
    problems.push({ seq: head.seq, kind: 'head-mismatch' });
  return { ok: problems.length === 0, checked, problems };
}

import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AuditEventTable } from './audit.tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type AuditRow = Omit<AuditEventTable, 'id'> & { id: string };
export type NewAuditRow = Omit<AuditEventTable, 'id'>;

/** Locks the end of the chain for the rest of the transaction, so appends form a single chain. */
export async function lockChainHead(trx: Transaction<DB>): Promise<{ seq: string; hash: string }> {
  const result = await sql<{
    seq: string;
    hash: string;
  }>`SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`.execute(trx);
  const head = result.rows[0];
  if (!head) throw new Error('audit_chain_head is missing: migrations not applied');
  return head;
}

/** Appends rows (already chained, in order) and moves the chain head to the last one. */
export async function insertAuditRows(trx: Transaction<DB>, rows: readonly NewAuditRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await trx
    .insertInto('audit_event')
    .values(rows.map((row) => ({ ...row, details: JSON.stringify(row.details) })))
    .execute();
  await trx
    .updateTable('audit_chain_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', 1)
    .execute();
}

export async function readChainHead(db: Executor): Promise<{ seq: string; hash: string }> {
  const result = await sql<{
    seq: string;
    hash: string;
  }>`SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1`.execute(db);
  return result.rows[0] ?? { seq: '0', hash: 'genesis' };
}

// bigint seq is read as text so it is the same string on both drivers.
const AUDIT_COLUMNS = [
  sql<string>`seq::text`.as('seq'),
  'id',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_role',
  'actor_agency_id',
  'subject_person_id',
  'action',
  'purpose',
  'channel',
  'outcome',
  'correlation_id',
  'details',
  'prev_hash',
  'hash',
] as const;

export async function readAuditPage(db: Executor, afterSeq: string, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(AUDIT_COLUMNS)
    .where(sql<boolean>`audit_event.seq > ${afterSeq}::bigint`)
    .orderBy(sql`audit_event.seq`)
    .limit(limit)
    .execute();
  return rows as AuditRow[];
}

export async function findAuditForSubject(
  db: Executor,
  personId: string,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(AUDIT_COLUMNS)
    .where('subject_person_id', '=', personId)
    .orderBy(sql`audit_event.seq`, 'desc')
    .limit(limit)
    .execute();
  return rows as AuditRow[];
}

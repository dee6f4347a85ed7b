import { prepareQuery } from '../platform/db/prepared.ts';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { OutboxDeliveryTable } from './exchange.tables.ts';

export type DeliveryRow = Selectable<OutboxDeliveryTable>;

export async function insertDeliveries(
  trx: Transaction<DB>,
  rows: Insertable<OutboxDeliveryTable>[],
): Promise<void> {
  if (rows.length > 0) await trx.insertInto('outbox_delivery').values(rows).execute();
}

/**
 * Claims due deliveries for one dispatcher: pending ones, and sent ones whose lease ran out (the sender
 * died or the acknowledgement was lost). SKIP LOCKED lets several dispatchers share the queue.
 */
export async function claimDue(
  db: Kysely<DB>,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<DeliveryRow[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox_delivery')
      .select('id')
      .where('status', 'in', ['pending', 'sent'])
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbox_delivery')
      .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .returningAll()
      .execute();
  });
}

/** Returns the ids it marked; a delivery already withheld (consent revoked meanwhile) stays withheld. */
export async function markDelivered(db: DbExecutor, ids: readonly string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('outbox_delivery')
    .set({ status: 'delivered', delivered_at: at, last_error: null })
    .where('id', 'in', ids)
    .where('status', 'in', ['sent', 'pending'])
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export function findDelivery(
  db: DbExecutor,
  id: string,
): Promise<Pick<DeliveryRow, 'id' | 'created_at'> | undefined> {
  return db
    .selectFrom('outbox_delivery')
    .select(['id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function markRetry(
  db: DbExecutor,
  id: string,
  nextAttemptAt: Date,
  error: string,
): Promise<void> {
  await db
    .updateTable('outbox_delivery')
    .set({ status: 'pending', next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .execute();
}

export async function markWithheld(db: DbExecutor, id: string, reason: string): Promise<void> {
  await db
    .updateTable('outbox_delivery')
    .set({ status: 'withheld', last_error: reason })
    .where('id', '=', id)
    .execute();
}

/** Revocation stops sharing at once: nothing not yet delivered under that agreement leaves. */
export async function withholdUndelivered(
  trx: Transaction<DB>,
  personId: string,
  agreementId: string,
): Promise<number> {
  const result = await trx
    .updateTable('outbox_delivery')
    .set({ status: 'withheld', last_error: 'consent-revoked' })
    .where('person_id', '=', personId)
    .where('agreement_id', '=', agreementId)
    .where('status', 'in', ['pending', 'sent'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function countByStatus(
  db: DbExecutor,
): Promise<{ status: string; count: string | number | bigint }[]> {
  return db
    .selectFrom('outbox_delivery')
    .select(['status', (eb) => eb.fn.countAll().as('count')])
    .groupBy('status')
    .execute();
}

export function listUndelivered(db: DbExecutor, limit: number) {
  return db
    .selectFrom('outbox_delivery as d')
    .innerJoin('agency as a', 'a.id', 'd.recipient_agency_id')
    .select([
      'd.id',
      'd.element',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_error',
      'd.created_at',
      'd.recipient_agency_id',
    ])
    .select(['a.name_en', 'a.name_fr'])
    .where('d.status', 'in', ['pending', 'sent'])
    .orderBy('d.attempts', 'desc')
    .orderBy('d.created_at')
    .limit(limit)
    .execute();
}

export async function retryNow(db: DbExecutor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox_delivery')
    .set({ next_attempt_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sent'])
    .execute();
}

/** "Who was told, and when" for one person. */
// Who was told, read on a person's page and on the staff record: compiled once, prepared (ADR 0013).
const deliveriesForPerson = prepareQuery(
  'exchange.deliveries-for-person',
  (q, personId: string, limit: number) =>
    q
      .selectFrom('outbox_delivery as d')
      .innerJoin('agency as a', 'a.id', 'd.recipient_agency_id')
      .innerJoin('sharing_agreement as g', 'g.id', 'd.agreement_id')
      .leftJoin('enrolment as e', 'e.id', 'd.enrolment_id')
      .leftJoin('programme as p', 'p.id', 'e.programme_id')
      .select([
        'd.id',
        'd.change_id',
        'd.element',
        'd.version',
        'd.status',
        'd.created_at',
        'd.delivered_at',
        'd.agreement_id',
        'd.recipient_agency_id',
      ])
      .select([
        'a.name_en as agency_en',
        'a.name_fr as agency_fr',
        'p.name_en as programme_en',
        'p.name_fr as programme_fr',
      ])
      .select(['g.purpose_en', 'g.purpose_fr'])
      .where('d.person_id', '=', personId)
      .orderBy('d.created_at', 'desc')
      .limit(limit),
);

export function listDeliveriesForPerson(db: DbExecutor, personId: string, limit = 200) {
  return deliveriesForPerson.execute(db, personId, limit);
}

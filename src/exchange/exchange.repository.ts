import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { ConsentTable, OutboxDeliveryTable, SharingAgreementTable } from './exchange.tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type AgreementRow = Selectable<SharingAgreementTable>;
export type DeliveryRow = Selectable<OutboxDeliveryTable>;
export type ConsentRow = Selectable<ConsentTable>;

export function listAgreements(db: Executor): Promise<AgreementRow[]> {
  return db.selectFrom('sharing_agreement').selectAll().orderBy('id').execute();
}

export async function upsertAgreements(
  db: Executor,
  rows: Insertable<SharingAgreementTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('sharing_agreement')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        elements: eb.ref('excluded.elements'),
        scope: eb.ref('excluded.scope'),
        purpose_en: eb.ref('excluded.purpose_en'),
        purpose_fr: eb.ref('excluded.purpose_fr'),
        legal_authority_en: eb.ref('excluded.legal_authority_en'),
        legal_authority_fr: eb.ref('excluded.legal_authority_fr'),
        consent_required: eb.ref('excluded.consent_required'),
        retention_years: eb.ref('excluded.retention_years'),
        expires_on: eb.ref('excluded.expires_on'),
      })),
    )
    .execute();
}

export async function replaceProgrammeElements(
  db: Executor,
  rows: { programme_id: string; element: string }[],
): Promise<void> {
  await db.deleteFrom('programme_element_use').execute();
  if (rows.length > 0) await db.insertInto('programme_element_use').values(rows).execute();
}

/** Active enrolments of the person in programmes that use the element, with the owning agency. */
export function listEnrolmentsUsing(db: Executor, personId: string, element: string) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('programme_element_use as u', 'u.programme_id', 'e.programme_id')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.programme_id', 'p.owner_agency_id'])
    .where('e.person_id', '=', personId)
    .where('e.status', '=', 'active')
    .where('u.element', '=', element)
    .execute();
}

export function listActiveConsentAgreements(
  db: Executor,
  personId: string,
  at: Date,
): Promise<{ agreement_id: string }[]> {
  return db
    .selectFrom('consent')
    .select('agreement_id')
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('granted_at', '<=', at)
    .where('expires_at', '>', at)
    .execute();
}

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
export async function markDelivered(db: Executor, ids: readonly string[], at: Date): Promise<string[]> {
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
  db: Executor,
  id: string,
): Promise<Pick<DeliveryRow, 'id' | 'created_at'> | undefined> {
  return db
    .selectFrom('outbox_delivery')
    .select(['id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function markRetry(db: Executor, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox_delivery')
    .set({ status: 'pending', next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .execute();
}

export async function markWithheld(db: Executor, id: string, reason: string): Promise<void> {
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

export function countByStatus(db: Executor): Promise<{ status: string; count: string | number | bigint }[]> {
  return db
    .selectFrom('outbox_delivery')
    .select(['status', (eb) => eb.fn.countAll().as('count')])
    .groupBy('status')
    .execute();
}

export function listUndelivered(db: Executor, limit: number) {
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

export async function retryNow(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox_delivery')
    .set({ next_attempt_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sent'])
    .execute();
}

/** "Who was told, and when" for one person. */
export function listDeliveriesForPerson(db: Executor, personId: string, limit = 200) {
  return db
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
    .limit(limit)
    .execute();
}

export function findConsent(
  db: Executor,
  personId: string,
  consentId: string,
): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', consentId)
    .executeTakeFirst();
}

export async function insertConsent(db: Executor, row: Insertable<ConsentTable>): Promise<string> {
  return (await db.insertInto('consent').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeConsentRow(trx: Transaction<DB>, consentId: string, at: Date): Promise<void> {
  await trx
    .updateTable('consent')
    .set({ revoked_at: at })
    .where('id', '=', consentId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function listConsentsForPerson(db: Executor, personId: string) {
  return db
    .selectFrom('consent as c')
    .innerJoin('sharing_agreement as g', 'g.id', 'c.agreement_id')
    .innerJoin('agency as a', 'a.id', 'g.recipient_agency_id')
    .selectAll('c')
    .select([
      'g.purpose_en',
      'g.purpose_fr',
      'g.elements',
      'a.name_en as agency_en',
      'a.name_fr as agency_fr',
    ])
    .where('c.person_id', '=', personId)
    .orderBy('c.granted_at', 'desc')
    .execute();
}

export function listEnrolmentsForPerson(db: Executor, personId: string) {
  return db
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.programme_id', 'e.status', 'e.since', 'p.name_en', 'p.name_fr', 'p.owner_agency_id'])
    .where('e.person_id', '=', personId)
    .orderBy('p.sort_order')
    .execute();
}

export async function insertEnrolment(
  db: Executor,
  personId: string,
  programmeId: string,
  since: string,
): Promise<string> {
  const row = await db
    .insertInto('enrolment')
    .values({ person_id: personId, programme_id: programmeId, status: 'active', since })
    .onConflict((oc) => oc.columns(['person_id', 'programme_id']).doUpdateSet({ status: 'active' }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

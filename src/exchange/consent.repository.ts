import type { Insertable, Selectable, Transaction } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { ConsentTable } from './exchange.tables.ts';

export type ConsentRow = Selectable<ConsentTable>;

export function listActiveConsentAgreements(
  db: DbExecutor,
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

export function findConsent(
  db: DbExecutor,
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

export async function insertConsent(db: DbExecutor, row: Insertable<ConsentTable>): Promise<string> {
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

export function listConsentsForPerson(db: DbExecutor, personId: string) {
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

/** Active consents of these people at `at`, for the sharing policy (one query for a whole batch). */
export function listActiveConsents(
  db: DbExecutor,
  personIds: readonly string[],
  at: Date,
): Promise<{ person_id: string; agreement_id: string }[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consent')
    .select(['person_id', 'agreement_id'])
    .where('person_id', 'in', personIds)
    .where('revoked_at', 'is', null)
    .where('granted_at', '<=', at)
    .where('expires_at', '>', at)
    .execute();
}

/** Agreements that rest on the person's consent, with the recipient agency's names. */
export function listConsentAgreements(db: DbExecutor) {
  return db
    .selectFrom('sharing_agreement as g')
    .innerJoin('agency as a', 'a.id', 'g.recipient_agency_id')
    .innerJoin('jurisdiction as j', 'j.code', 'a.jurisdiction_code')
    .selectAll('g')
    .select([
      'a.name_en as agency_en',
      'a.name_fr as agency_fr',
      'j.code as jurisdiction_code',
      'j.kind as jurisdiction_kind',
      'j.name_en as jurisdiction_en',
      'j.name_fr as jurisdiction_fr',
    ])
    .where('g.consent_required', '=', true)
    .orderBy('a.name_en')
    .orderBy('g.id')
    .execute();
}

/** Disposal of a person's record under the retention schedule takes their consents with it. */
export async function deleteConsentsOf(trx: Transaction<DB>, personId: string): Promise<void> {
  await trx.deleteFrom('consent').where('person_id', '=', personId).execute();
}

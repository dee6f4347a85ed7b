import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';

export interface DispositionCandidateRow {
  person_id: string;
  last_use: Date;
  active_enrolments: number;
}

/** Records whose last administrative use is before `cutoff`, with their active enrolments. */
export async function findDispositionCandidates(
  db: DbExecutor,
  cutoff: Date,
  limit: number,
): Promise<DispositionCandidateRow[]> {
  const result = await sql<DispositionCandidateRow>`
    SELECT p.id AS person_id,
           COALESCE(s.last_administrative_use_at, p.updated_at) AS last_use,
           (SELECT count(*)::int FROM enrolment e WHERE e.person_id = p.id AND e.status = 'active') AS active_enrolments
    FROM person p LEFT JOIN registry_person_status s ON s.person_id = p.id
    WHERE s.disposed_at IS NULL AND COALESCE(s.last_administrative_use_at, p.updated_at) < ${cutoff}
    ORDER BY last_use
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * Removes the personal information and keeps a tombstone row, so audit entries, sign-in links and other
 * records that point to the person stay consistent (Privacy Act s. 6(3): disposal per the schedule).
 */
export async function disposePersonRecord(trx: Transaction<DB>, personId: string, at: Date): Promise<void> {
  for (const table of [
    'registry_address',
    'registry_contact',
    'registry_direct_deposit',
    'registry_change',
    'enrolment',
    'person_income',
  ] as const) {
    await trx.deleteFrom(table).where('person_id', '=', personId).execute();
  }
  await trx
    .deleteFrom('person_relationship')
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]))
    .execute();
  await trx
    .updateTable('person')
    .set({
      given_name: '-',
      family_name: '-',
      birth_date: '1900-01-01',
      marital_status: 'single',
      sin_ciphertext: null,
      sin_lookup: null,
      sin_last3: null,
      updated_at: at,
    })
    .where('id', '=', personId)
    .execute();
  await trx
    .insertInto('registry_person_status')
    .values({ person_id: personId, disposed_at: at })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ disposed_at: at }))
    .execute();
}

export function listIncomes(db: DbExecutor, personId: string) {
  return db
    .selectFrom('person_income')
    .select(['tax_year', 'income_type', 'amount_ciphertext'])
    .where('person_id', '=', personId)
    .orderBy('tax_year', 'desc')
    .execute();
}

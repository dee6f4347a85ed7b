import { sql } from 'kysely';
import type { Expression, RawBuilder } from 'kysely';
import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';

export interface PersonNameRow {
  readonly id: string;
  readonly given_name: string;
  readonly family_name: string;
}

export async function personExists(db: DbExecutor, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

// Read on every signed-in person's page (the name in the header): compiled once, prepared (ADR 0013).
const personName = prepareQuery('person.name', (q, id: string) =>
  q.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', '=', id),
);

/**
 * The person's name for a page header as a scalar subquery, so another module's statement (the session
 * look-up on every signed-in request) reads it in the same round trip instead of asking again (ADR 0013).
 * The SQL stays here, with the table it reads; the caller only gives the person's id.
 */
export function personHeaderName(personId: Expression<string | null>): RawBuilder<string | null> {
  return sql<
    string | null
  >`(SELECT hp.given_name || ' ' || hp.family_name FROM person hp WHERE hp.id = ${personId})`;
}

/**
 * The province of the person's home address in effect today, else their household's, as a scalar subquery for
 * the same session look-up (to show times in their zone). Plaintext columns: nothing is decrypted.
 */
export function personHomeProvince(personId: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (SELECT ha.province_code FROM registry_address ha WHERE ha.person_id = ${personId} AND ha.kind = 'residential'
      AND ha.effective_from <= current_date AND (ha.effective_to IS NULL OR ha.effective_to >= current_date)
      ORDER BY ha.effective_from DESC, ha.created_at DESC LIMIT 1),
    (SELECT hh.province_code FROM person hp JOIN household hh ON hh.id = hp.household_id WHERE hp.id = ${personId}))`;
}

export function findPersonName(db: DbExecutor, id: string): Promise<PersonNameRow | undefined> {
  return personName.executeTakeFirst(db, id);
}

export function findPeopleByNameAndBirth(
  db: DbExecutor,
  given: string,
  family: string,
  birthDate: string,
): Promise<PersonNameRow[]> {
  return db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where((eb) => eb(eb.fn('lower', ['given_name']), '=', given.toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['family_name']), '=', family.toLowerCase()))
    .where(sql<boolean>`birth_date = ${birthDate}::date`)
    .limit(2)
    .execute();
}

/** The birth date comes back as text: a JavaScript Date would shift it by the server's time zone. */
export function findPersonBySinLookup(
  db: DbExecutor,
  sinLookup: string,
): Promise<{ id: string; birth_date: string } | undefined> {
  return db
    .selectFrom('person')
    .select(['id', sql<string>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date')])
    .where('sin_lookup', '=', sinLookup)
    .executeTakeFirst();
}

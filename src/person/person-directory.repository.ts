import { sql } from 'kysely';
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

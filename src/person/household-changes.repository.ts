import type { Insertable } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { PersonIncomeTable, PersonRelationshipTable, PersonTable } from './person.tables.ts';

/** The other people of a person's household: a change to one may change what another is entitled to. */
export async function householdMembersOf(db: DbExecutor, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person as p')
    .innerJoin('person as me', 'me.household_id', 'p.household_id')
    .select('p.id')
    .where('me.id', '=', personId)
    .where('p.id', '<>', personId)
    .execute();
  return rows.map((row) => row.id);
}

/** A tax year's incomes replace what the register held for that year (a reassessment replaces the assessment). */
export async function replaceIncomeYear(
  db: DbExecutor,
  personId: string,
  taxYear: number,
  rows: readonly Insertable<PersonIncomeTable>[],
): Promise<void> {
  await db
    .deleteFrom('person_income')
    .where('person_id', '=', personId)
    .where('tax_year', '=', taxYear)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto('person_income')
      .values([...rows])
      .execute();
}

export async function insertHouseholdMember(
  db: DbExecutor,
  person: Insertable<PersonTable>,
  ...relationships: readonly Insertable<PersonRelationshipTable>[]
): Promise<void> {
  await db.insertInto('person').values(person).execute();
  await db
    .insertInto('person_relationship')
    .values([...relationships])
    .execute();
}

/** The household a person lives in. */
export async function householdOf(db: DbExecutor, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('person')
    .select('household_id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.household_id ?? undefined;
}

import { sql } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';

/** The next `limit` households after `afterId`, in id order (keyset paging over the primary key). */
export function listHouseholdPage(db: DbExecutor, afterId: string | null, limit: number) {
  let query = db.selectFrom('household').select(['id', 'province_code']).orderBy('id').limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query.execute();
}

/** People of the households with ids in [first, last], through `person_household_idx`. */
export function listPeopleOfHouseholds(db: DbExecutor, first: string, last: string) {
  return (
    db
      .selectFrom('person')
      .select(['id', 'household_id', 'marital_status', 'years_in_canada_after_18', 'disability'])
      // As text: a Date per person would be built only to be turned back into 'YYYY-MM-DD'.
      .select(sql<string>`birth_date::text`.as('birth_date_text'))
      .where('household_id', '>=', first)
      .where('household_id', '<=', last)
      .execute()
  );
}

export function listIncomesOfHouseholds(db: DbExecutor, first: string, last: string) {
  return db
    .selectFrom('person_income as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .select(['i.person_id', 'i.tax_year', 'i.income_type', 'i.amount_ciphertext'])
    .where('p.household_id', '>=', first)
    .where('p.household_id', '<=', last)
    .execute();
}

/** Relationships still in force (none recorded as ended). */
export function listRelationshipsOfHouseholds(db: DbExecutor, first: string, last: string) {
  return db
    .selectFrom('person_relationship as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('registry_relationship_end as e', (join) =>
      join
        .onRef('e.person_id', '=', 'r.person_id')
        .onRef('e.related_person_id', '=', 'r.related_person_id')
        .onRef('e.kind', '=', 'r.kind'),
    )
    .select(['r.person_id', 'r.related_person_id', 'r.kind', 'r.custody_share'])
    .where('p.household_id', '>=', first)
    .where('p.household_id', '<=', last)
    .where('e.person_id', 'is', null)
    .execute();
}

/** People of the given households (any order of ids): the households of a page of people, not a range. */
export function listPeopleInHouseholds(db: DbExecutor, householdIds: readonly string[]) {
  return db
    .selectFrom('person')
    .select(['id', 'household_id', 'marital_status', 'years_in_canada_after_18', 'disability'])
    .select(sql<string>`birth_date::text`.as('birth_date_text'))
    .where('household_id', '=', sql<string>`ANY(${householdIds}::uuid[])`)
    .execute();
}

export function listIncomesInHouseholds(db: DbExecutor, householdIds: readonly string[]) {
  return db
    .selectFrom('person_income as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .select(['i.person_id', 'i.tax_year', 'i.income_type', 'i.amount_ciphertext'])
    .where('p.household_id', '=', sql<string>`ANY(${householdIds}::uuid[])`)
    .execute();
}

export function listRelationshipsInHouseholds(db: DbExecutor, householdIds: readonly string[]) {
  return db
    .selectFrom('person_relationship as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('registry_relationship_end as e', (join) =>
      join
        .onRef('e.person_id', '=', 'r.person_id')
        .onRef('e.related_person_id', '=', 'r.related_person_id')
        .onRef('e.kind', '=', 'r.kind'),
    )
    .select(['r.person_id', 'r.related_person_id', 'r.kind', 'r.custody_share'])
    .where('p.household_id', '=', sql<string>`ANY(${householdIds}::uuid[])`)
    .where('e.person_id', 'is', null)
    .execute();
}

/** The households of many people at once, with their provinces (people without a household are absent). */
export function findHouseholdsOfPeople(db: DbExecutor, personIds: readonly string[]) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id as person_id', 'h.id', 'h.province_code'])
    .where('p.id', '=', sql<string>`ANY(${personIds}::uuid[])`)
    .execute();
}

/** The household a person belongs to, with its province. */
export function findHouseholdOfPerson(db: DbExecutor, personId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['h.id', 'h.province_code'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** People born on a date (YYYY-MM-DD): a handful among millions, for a tolerant search by name. */
export function listPeopleBornOn(db: DbExecutor, birthDate: string) {
  return db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where(sql<boolean>`birth_date = ${birthDate}::date`)
    .limit(500)
    .execute();
}

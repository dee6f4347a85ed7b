import { sql } from 'kysely';

import type { DbExecutor } from '../platform/db/schema.ts';

export async function countPeople(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function hasPopulation(db: DbExecutor): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function countPopulationRows(db: DbExecutor): Promise<Record<PopulationTable, number>> {
  const counts = await Promise.all(POPULATION_TABLES.map((table) => countRows(db, table)));
  return Object.fromEntries(POPULATION_TABLES.map((table, index) => [table, counts[index] ?? 0])) as Record<
    PopulationTable,
    number
  >;
}

export const POPULATION_TABLES = ['household', 'person', 'person_relationship', 'person_income'] as const;
export type PopulationTable = (typeof POPULATION_TABLES)[number];

async function countRows(db: DbExecutor, table: PopulationTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The person whose SIN has this look-up hash (`hasher.hash(normaliseSin(input))`), if any. */
export async function findPersonIdBySinLookup(
  db: DbExecutor,
  sinLookup: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('sin_lookup', '=', sinLookup)
    .executeTakeFirst();
  return row?.id;
}

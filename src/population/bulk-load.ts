import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';

/**
 * Bulk loading into empty population tables the way pg_restore does it (PostgreSQL manual, "Populating
 * a Database", 14.4.4): lift the foreign keys, COPY, then restore them, which validates every row in one
 * join instead of one trigger call per row (about 60% of COPY time on PGlite). Used only when the tables
 * start empty, and self-healing: the keys are restored before anything else and after any failure.
 */
interface ForeignKey {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

// Must match migrations/0100_population.sql.
const FOREIGN_KEYS: readonly ForeignKey[] = [
  {
    table: 'household',
    name: 'household_province_fk',
    definition: 'FOREIGN KEY (province_code) REFERENCES jurisdiction (code)',
  },
  {
    table: 'person',
    name: 'person_household_fk',
    definition: 'FOREIGN KEY (household_id) REFERENCES household (id)',
  },
  {
    table: 'person_relationship',
    name: 'person_relationship_person_fk',
    definition: 'FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE',
  },
  {
    table: 'person_relationship',
    name: 'person_relationship_related_person_fk',
    definition: 'FOREIGN KEY (related_person_id) REFERENCES person (id) ON DELETE CASCADE',
  },
  {
    table: 'person_income',
    name: 'person_income_person_fk',
    definition: 'FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE',
  },
];

// Any constant works; it only has to be the same for every Guichet process.
const SEEDING_LOCK_ID = 4_244_712;
const seedingInProcess = new WeakMap<Database, Promise<unknown>>();

/**
 * One seeding at a time per database, so two instances starting together cannot lift and restore each
 * other's keys: an advisory lock across PostgreSQL clients, a queue within the process for PGlite
 * (holding one of its connections would block the load itself).
 */
export async function withSeedingLock<T>(database: Database, seed: () => Promise<T>): Promise<T> {
  const previous = seedingInProcess.get(database) ?? Promise.resolve();
  const current = previous
    .catch(() => undefined)
    .then(() => (database.kind === 'postgres' ? withAdvisoryLock(database.db, seed) : seed()));
  seedingInProcess.set(database, current);
  return current;
}

async function withAdvisoryLock<T>(db: Kysely<DB>, seed: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${SEEDING_LOCK_ID})`.execute(connection);
    try {
      return await seed();
    } finally {
      await sql`SELECT pg_advisory_unlock(${SEEDING_LOCK_ID})`.execute(connection);
    }
  });
}

export async function isPopulationEmpty(db: Kysely<DB>): Promise<boolean> {
  const household = await db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  const person = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return household === undefined && person === undefined;
}

/** Runs `load` with the population's foreign keys lifted; on failure removes what it loaded. */
export async function withForeignKeysLifted<T>(db: Kysely<DB>, load: () => Promise<T>): Promise<T> {
  await restoreForeignKeys(db);
  await db.transaction().execute(async (trx) => {
    for (const key of FOREIGN_KEYS)
      await sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`).execute(trx);
  });
  try {
    const result = await load();
    await restoreForeignKeys(db);
    return result;
  } catch (error) {
    await deleteDemoPopulation(db);
    await restoreForeignKeys(db);
    throw error;
  }
}

/** Adds back any missing key; adding one checks every existing row against it. */
export async function restoreForeignKeys(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const key of FOREIGN_KEYS) {
      const found = await sql<{ present: boolean }>`SELECT EXISTS (
        SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(${key.table}) AND conname = ${key.name}
      ) AS present`.execute(trx);
      if (found.rows[0]?.present === true) continue;
      await sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`).execute(trx);
    }
  });
}

async function deleteDemoPopulation(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const demoPeople = trx.selectFrom('person').select('id').where('is_demo', '=', true);
    await trx.deleteFrom('person_income').where('person_id', 'in', demoPeople).execute();
    await trx.deleteFrom('person_relationship').where('person_id', 'in', demoPeople).execute();
    await trx.deleteFrom('person_relationship').where('related_person_id', 'in', demoPeople).execute();
    await trx.deleteFrom('person').where('is_demo', '=', true).execute();
    await trx.deleteFrom('household').where('is_demo', '=', true).execute();
  });
}

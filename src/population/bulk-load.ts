import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { CopySession, Database } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';
import { POPULATION_TABLES } from './population.repository.ts';

/**
 * Bulk loading into empty population tables the way pg_restore does it (PostgreSQL manual, "Populating
 * a Database", 14.4): in one transaction, lift every index and key on the four tables and every foreign
 * key into them (the registry's, identity's and exchange's included), COPY, then build them back. Building
 * an index once is far cheaper than maintaining it row by row (the random `sin_lookup` index most of all),
 * and adding a foreign key checks every row in one join instead of one trigger call per row. The tables
 * are truncated first, so with `wal_level = minimal` (PGlite) the COPY skips WAL. Being one transaction,
 * a failure or a crash undoes all of it: the keys and indexes come back and no row stays.
 */
interface LiftedDefinition {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

interface Lifted {
  readonly foreignKeys: readonly LiftedDefinition[];
  readonly keys: readonly LiftedDefinition[];
  readonly indexes: readonly LiftedDefinition[];
}

type Trx = Transaction<DB>;

// Any constant works; it only has to be the same for every Guichet process.
const SEEDING_LOCK_ID = 4_244_712;
const seedingInProcess = new WeakMap<Database, Promise<unknown>>();

/**
 * One seeding at a time per database: an advisory lock across PostgreSQL clients, a queue within the
 * process for PGlite (holding one of its connections would block the load itself).
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

export async function isPopulationEmpty(db: Kysely<DB> | Trx): Promise<boolean> {
  const household = await db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  const person = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return household === undefined && person === undefined;
}

/**
 * Runs `load` in one transaction on one session with the population's keys and indexes lifted, if
 * `isEmpty` holds once the tables are locked; otherwise throws what `whenNotEmpty` gives.
 */
export async function withKeysAndIndexesLifted<T>(
  database: Database,
  whenNotEmpty: () => Error,
  load: (copyIn: CopySession['copyIn']) => Promise<T>,
): Promise<T> {
  return database.withCopySession((session) =>
    session.db.transaction().execute(async (trx) => {
      await sql.raw(`LOCK TABLE ${POPULATION_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`).execute(trx);
      if (!(await isPopulationEmpty(trx))) throw whenNotEmpty();
      const lifted = await findLifted(trx);
      await dropLifted(trx, lifted);
      await sql.raw(`TRUNCATE ${POPULATION_TABLES.join(', ')}`).execute(trx);
      const result = await load(session.copyIn);
      await restoreLifted(trx, lifted);
      return result;
    }),
  );
}

// to_regclass follows search_path, so a schema per test run or per deployment just works.
const TABLES = sql.raw(`ARRAY[${POPULATION_TABLES.map((table) => `to_regclass('${table}')`).join(', ')}]`);

async function findLifted(trx: Trx): Promise<Lifted> {
  const foreignKeys = await sql<LiftedDefinition>`SELECT conrelid::regclass::text AS table,
      quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY(${TABLES}) OR confrelid = ANY(${TABLES}))
    ORDER BY oid`.execute(trx);
  const keys = await sql<LiftedDefinition>`SELECT conrelid::regclass::text AS table,
      quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY(${TABLES})
    ORDER BY oid`.execute(trx);
  const indexes = await sql<LiftedDefinition>`SELECT indrelid::regclass::text AS table,
      indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
    FROM pg_index WHERE indrelid = ANY(${TABLES})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid AND contype IN ('p', 'u', 'x'))
    ORDER BY indexrelid`.execute(trx);
  return { foreignKeys: foreignKeys.rows, keys: keys.rows, indexes: indexes.rows };
}

async function dropLifted(trx: Trx, { foreignKeys, keys, indexes }: Lifted): Promise<void> {
  for (const key of [...foreignKeys, ...keys])
    await sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`).execute(trx);
  for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(trx);
}

// Keys before the foreign keys that need them; building each checks every loaded row.
async function restoreLifted(trx: Trx, { foreignKeys, keys, indexes }: Lifted): Promise<void> {
  for (const key of [...keys, ...foreignKeys])
    await sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`).execute(trx);
  for (const index of indexes) await sql.raw(index.definition).execute(trx);
}

import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { dropSchema, openDatabase } from '../../src/platform/db/database.ts';
import type { Database, DatabaseKind } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

/** Every developer and CI machine has this server; a laptop without one skips with the reason printed. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<string | null> | undefined;

/** Resolves to null when PostgreSQL answers, otherwise to the reason tests on it are skipped. */
export function postgresUnavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 20_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL not reachable at ${TEST_POSTGRES_URL} (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

export interface TestDatabase {
  readonly database: Database;
  dispose(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a throwaway schema on the PostgreSQL server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    return { database, dispose: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: null }, { schema });
  await migrateToLatest(database.db);
  return {
    database,
    async dispose() {
      await database.close();
      await dropSchema(TEST_POSTGRES_URL, schema);
    },
  };
}

const pgReason = await postgresUnavailableReason();

/**
 * Runs the same suite on PGlite and on PostgreSQL, each with a fresh database for the suite.
 * The body receives a getter because the database only exists once `before` has run.
 */
export function describeOnBothDatabases(
  title: string,
  body: (database: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const skip = kind === 'postgres' && pgReason !== null ? pgReason : false;
    describe(`${title} [${kind}]`, { skip }, () => {
      let test: TestDatabase | undefined;
      before(async () => {
        test = await openTestDatabase(kind);
      });
      after(async () => {
        await test?.dispose();
      });
      body(() => {
        if (!test) throw new Error('database not ready');
        return test.database;
      }, kind);
    });
  }
}

/**
 * A suite only PostgreSQL can run (e.g. one that counts the statements the `pg` client sends: PGlite runs in
 * process and has no client). Skipped with the reason only where no PostgreSQL server answers.
 */
export function describeOnPostgres(title: string, body: (database: () => Database) => void): void {
  describe(`${title} [postgres]`, { skip: pgReason ?? false }, () => {
    let test: TestDatabase | undefined;
    before(async () => {
      test = await openTestDatabase('postgres');
    });
    after(async () => {
      await test?.dispose();
    });
    body(() => {
      if (!test) throw new Error('database not ready');
      return test.database;
    });
  });
}

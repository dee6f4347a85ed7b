import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Config } from '../config/config.ts';
import { createPgliteAdapter } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one database handle the composition root passes around. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /** Bulk-load rows with COPY (tab-separated text). Used by seeding. */
  copyIn(table: string, columns: readonly string[], tsv: string): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(where: string, cause: unknown) {
    super(`Cannot reach the database at ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface OpenDatabaseOptions {
  /** PostgreSQL only: use (and create) this schema, e.g. one per test run. */
  schema?: string;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  return config.databaseUrl === null
    ? openEmbedded(config.dataDir)
    : openServer(config.databaseUrl, options.schema);
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  let pglite: PGlite;
  try {
    pglite = dataDir === null ? new PGlite() : new PGlite(dataDir);
    await pglite.waitReady;
  } catch (error) {
    throw new DatabaseUnavailableError(dataDir ?? 'memory', error);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPgliteAdapter(pglite) }) });
  return {
    kind: 'pglite',
    db,
    async copyIn(table, columns, tsv) {
      if (tsv === '') return;
      // Holding a Kysely connection keeps other queries out of PGlite's single session meanwhile.
      await db.connection().execute(async () => {
        await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
          blob: new Blob([tsv]),
        });
      });
    },
    close: () => db.destroy(),
  };
}

async function openServer(url: string, schema: string | undefined): Promise<Database> {
  const safeSchema = schema === undefined ? undefined : assertIdentifier(schema);
  if (safeSchema !== undefined) await createSchema(url, safeSchema);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(safeSchema === undefined ? {} : { options: `-c search_path=${safeSchema}` }),
  });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DatabaseUnavailableError(redactUrl(url), error);
  }
  return {
    kind: 'postgres',
    db,
    copyIn: (table, columns, tsv) => copyInServer(pool, table, columns, tsv),
    close: () => db.destroy(),
  };
}

/** COPY FROM STDIN through pg-copy-streams: the server parses the tab-separated text itself. */
async function copyInServer(
  pool: pg.Pool,
  table: string,
  columns: readonly string[],
  tsv: string,
): Promise<void> {
  if (tsv === '') return;
  const client = await pool.connect();
  try {
    const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from([Buffer.from(tsv, 'utf8')]), copy);
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true); // a connection broken mid-COPY is not reused
    throw error;
  }
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    throw new DatabaseUnavailableError(redactUrl(url), error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${assertIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return name;
}

/** Never print a password from a connection string. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Config } from '../config/config.ts';
import { createPgliteAdapter } from './pglite-pool.ts';
import { namingPool } from './prepared.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one database handle the composition root passes around. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /**
   * Runs `work` on one session held throughout, so a bulk load can COPY inside its own transaction
   * (`session.db.transaction()`). Used by seeding.
   */
  withCopySession<T>(work: (session: CopySession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface CopySession {
  /** Every query on this is on the session's one connection. */
  readonly db: Kysely<DB>;
  /** COPY binary rows on the same connection (so inside its open transaction, if any). */
  copyIn(copy: BinaryCopy): Promise<void>;
}

/** Rows in PostgreSQL's binary COPY format (see `BinaryCopyWriter`) and the columns they fill. */
export interface BinaryCopy {
  readonly table: string;
  readonly columns: readonly string[];
  readonly data: Uint8Array<ArrayBuffer>;
}

const copyStatement = ({ table, columns }: BinaryCopy, source: string): string =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT binary)`;

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

// PGlite is single-user and never replicates, so minimal WAL costs nothing, and a COPY into a table
// truncated in the same transaction then skips WAL altogether (PostgreSQL manual 14.4.7): seeding's load.
const EMBEDDED_SETTINGS = ['wal_level = minimal', 'max_wal_senders = 0'];

async function openEmbedded(dataDir: string | null): Promise<Database> {
  let pglite: PGlite;
  try {
    pglite = new PGlite(dataDir ?? undefined, { postgresqlconf: EMBEDDED_SETTINGS });
    await pglite.waitReady;
  } catch (error) {
    throw new DatabaseUnavailableError(dataDir ?? 'memory', error);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPgliteAdapter(pglite) }) });
  return {
    kind: 'pglite',
    db,
    // Holding a Kysely connection keeps other queries out of PGlite's single session meanwhile, and
    // PGlite itself, called directly, is that same session.
    withCopySession: (work) =>
      db.connection().execute((connection) =>
        work({
          db: connection,
          async copyIn(copy) {
            await pglite.query(copyStatement(copy, `'/dev/blob'`), [], { blob: new Blob([copy.data]) });
          },
        }),
      ),
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
  // The statements `prepareQuery` compiled go as named prepared statements (ADR 0013).
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: namingPool(pool) }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DatabaseUnavailableError(redactUrl(url), error);
  }
  return {
    kind: 'postgres',
    db,
    withCopySession: (work) => withServerCopySession(pool, work),
    close: () => db.destroy(),
  };
}

/** One pooled client for the whole session; COPY FROM STDIN through pg-copy-streams on that client. */
async function withServerCopySession<T>(
  pool: pg.Pool,
  work: (session: CopySession) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
  let broken: Error | undefined;
  try {
    return await work({
      db,
      async copyIn(copy) {
        try {
          const { buffer, byteOffset, byteLength } = copy.data;
          const stream = client.query(copyFrom(copyStatement(copy, 'STDIN')));
          await pipeline(Readable.from([Buffer.from(buffer, byteOffset, byteLength)]), stream);
        } catch (error) {
          broken = error instanceof Error ? error : new Error(String(error));
          throw error;
        }
      },
    });
  } finally {
    client.release(broken ?? false); // a connection broken mid-COPY is not reused
  }
}

/** Kysely on one checked-out client: every "connection" it asks for is that client, never released early. */
function singleClientPool(client: pg.PoolClient): PostgresPool {
  const shared = {
    query: (...args: Parameters<pg.PoolClient['query']>) => client.query(...args),
    release: () => undefined,
  } as unknown as PostgresPoolClient;
  return { connect: () => Promise.resolve(shared), end: () => Promise.resolve() };
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

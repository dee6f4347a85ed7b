import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Migrations are plain SQL files in `migrations/`, applied in file-name order, each in its own
 * transaction, the same on PGlite and PostgreSQL. Number ranges by domain keep parallel work apart:
 * 0001–0099 platform and reference data, 0100–0199 person, privacy and workspace, 0200–0299 identity,
 * 0300–0399 exchange and stand-ins, 0400 onwards one hundred per new capability.
 */
export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);

// Any constant works; it only has to be the same for every Guichet process.
const MIGRATION_LOCK_ID = 4_244_711;

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export function listMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(new URL(file, dir), 'utf8') }));
}

/** Applies every pending migration; returns the names it applied. */
export async function migrateToLatest(db: Kysely<DB>, migrations = listMigrations()): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
      const done = await sql<{
        name: string;
      }>`SELECT name FROM schema_migrations WHERE name = ${migration.name}`.execute(trx);
      if (done.rows.length > 0) return false;
      await sql.raw(migration.sql).execute(trx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${migration.name})`.execute(trx);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}

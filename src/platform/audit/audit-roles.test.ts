import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Transaction } from 'kysely';
import pg from 'pg';
import { auditEntry, testAuditSigning } from '../../../test/support/audit.ts';
import {
  describeOnBothDatabases,
  openTestDatabase,
  TEST_POSTGRES_URL,
} from '../../../test/support/databases.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { createAuditService } from './audit.service.ts';

// Each audit table with a column to try to change.
const AUDIT_TABLES = [
  ['audit_event', 'purpose'],
  ['audit_leaf', 'leaf_hash'],
  ['audit_tree_node', 'hash'],
  ['audit_tree_head', 'key_id'],
] as const;

/** Runs `work` as the application role in a transaction that is always rolled back. */
async function asApplication(
  database: Database,
  work: (trx: Transaction<DB>) => Promise<void>,
): Promise<void> {
  const rolledBack = new Error('rolled back');
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE guichet_app`.execute(trx);
      await work(trx);
      throw rolledBack;
    }),
    (error) => error === rolledBack,
  );
}

/** The whole service on connections that run as the application role. */
async function withApplicationRole(
  database: Database,
  work: (db: Kysely<DB>) => Promise<void>,
): Promise<void> {
  if (database.kind === 'pglite') {
    // One session: the role holds for every query until reset.
    await sql`SET ROLE guichet_app`.execute(database.db);
    try {
      await work(database.db);
    } finally {
      await sql`RESET ROLE`.execute(database.db);
    }
    return;
  }
  const schema =
    (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(database.db)).rows[0]?.s ?? '';
  const pool = new pg.Pool({
    connectionString: TEST_POSTGRES_URL,
    options: `-c search_path=${schema} -c role=guichet_app`,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}

describeOnBothDatabases('database roles', (database) => {
  const signing = testAuditSigning();
  test('the migration creates guichet_app, without login, and running it again changes nothing', async () => {
    const role = await sql<{ rolcanlogin: boolean; rolsuper: boolean }>`SELECT rolcanlogin, rolsuper
      FROM pg_roles WHERE rolname = 'guichet_app'`.execute(database().db);
    assert.deepEqual(role.rows, [{ rolcanlogin: false, rolsuper: false }]);
    const again = readFileSync(new URL('../../../migrations/0004_audit_roles.sql', import.meta.url), 'utf8');
    await sql.raw(again).execute(database().db);
  });

  test('the application role cannot UPDATE, DELETE or TRUNCATE any audit table', async () => {
    const audit = createAuditService(database().db, undefined, undefined, signing);
    await audit.record(auditEntry(1));
    await audit.seal();
    for (const [table, column] of AUDIT_TABLES)
      for (const statement of [
        sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = NULL`,
        sql`DELETE FROM ${sql.table(table)}`,
        sql`TRUNCATE ${sql.table(table)}`,
      ])
        await asApplication(database(), (trx) =>
          assert.rejects(
            statement.execute(trx),
            /permission denied/,
            `${table}: ${statement.compile(trx).sql}`,
          ),
        );
  });

  test('nor disable the append-only triggers, but it reads and writes ordinary tables', async () => {
    await asApplication(database(), (trx) =>
      assert.rejects(sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(trx), /must be owner/),
    );
    await asApplication(database(), async (trx) => {
      // One table from before the roles migration (granted then), one from after (default privileges).
      await sql`INSERT INTO jurisdiction VALUES ('ZZ', 'region', 'Z', 'Z', 'Z', 'Z')`.execute(trx);
      await sql`UPDATE jurisdiction SET sort_order = 1 WHERE code = 'ZZ'`.execute(trx);
      await sql`DELETE FROM jurisdiction WHERE code = 'ZZ'`.execute(trx);
      await sql`INSERT INTO identity_throttle VALUES ('k', now(), 1, null)`.execute(trx);
      await sql`UPDATE identity_throttle SET failures = 2`.execute(trx);
      await sql`DELETE FROM identity_throttle`.execute(trx);
    });
  });

  test('the application role records, seals, proves and verifies the log', async () => {
    await withApplicationRole(database(), async (db) => {
      const audit = createAuditService(db, undefined, undefined, signing);
      // The previous test's single seal may have sealed nothing (held back as below): count the heads there are.
      const headsBefore = (await audit.verify()).treeHeads;
      await db.transaction().execute((trx) => audit.record(auditEntry(2), trx));
      await audit.record(auditEntry(3));
      // On a shared server another test file's open transaction may hold entries back for a pass: a seal
      // never includes what an older transaction could still precede. Seal until both are in (three entries).
      for (let pass = 0; pass < 200 && (await audit.latestTreeHead())?.treeSize !== 3; pass += 1) {
        await audit.seal();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.equal((await audit.latestTreeHead())?.treeSize, 3);
      const [newest] = await sql<{ id: string }>`SELECT id FROM audit_event ORDER BY seq DESC LIMIT 1`
        .execute(db)
        .then((r) => r.rows);
      assert.ok(audit.verifyInclusion(await audit.inclusionProof(newest?.id ?? '')));
      const report = await audit.verify();
      assert.deepEqual([report.ok, report.checked], [true, 3]);
      assert.ok(report.treeHeads >= headsBefore + 1, 'the earlier heads and at least one new one');
    });
  });
});

test('a server that will not create roles still migrates (the DBA creates guichet_app)', async () => {
  const embedded = await openTestDatabase('pglite');
  try {
    // Rerun the migration as a role without CREATEROLE after dropping ours: it must skip, not fail.
    const db = embedded.database.db;
    await sql`CREATE ROLE guichet_migrator_probe NOLOGIN`.execute(db);
    await sql`DROP OWNED BY guichet_app`.execute(db);
    await sql`DROP ROLE guichet_app`.execute(db);
    const migration = readFileSync(
      new URL('../../../migrations/0004_audit_roles.sql', import.meta.url),
      'utf8',
    );
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE guichet_migrator_probe`.execute(trx);
      await sql.raw(migration).execute(trx);
    });
    const role = await sql`SELECT 1 FROM pg_roles WHERE rolname = 'guichet_app'`.execute(db);
    assert.equal(role.rows.length, 0);
  } finally {
    await embedded.dispose();
  }
});

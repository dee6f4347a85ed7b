import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { openDatabase } from '../db/database.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createAuditService } from './audit.service.ts';
import type { AuditEntry } from './audit.service.ts';

const entry = (n: number): AuditEntry => ({
  actor: { type: 'staff', id: `staff-${n}`, role: 'agent', agencyId: 'esdc' },
  subjectPersonId: `person-${n % 3}`,
  action: 'registry.profile.read',
  purpose: 'phone-call',
  channel: 'phone',
  outcome: 'success',
  correlationId: `corr-${n}`,
  details: { zeta: n, alpha: { nested: true, list: [1, 2] } },
});

/** Simulates someone with database rights working around the append-only trigger. */
async function tamper(database: Database, statement: string): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update; ${statement}; ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`,
    )
    .execute(database.db);
}

describeOnBothDatabases('audit log', (database) => {
  test('records entries into an intact chain, even when written concurrently', async () => {
    const audit = createAuditService(database().db);
    await Promise.all(Array.from({ length: 25 }, (_, n) => audit.record(entry(n))));
    const report = await audit.verify();
    assert.deepEqual(report, { ok: true, checked: 25, problems: [] });
    assert.equal((await audit.listForSubject('person-1')).length, 8);
  });

  test('grouped writes and writes inside callers’ transactions interleave into one intact chain', async () => {
    const audit = createAuditService(database().db);
    const before = (await audit.verify()).checked;
    const inTransaction = (n: number) =>
      database()
        .db.transaction()
        .execute((trx) => audit.record(entry(n), trx));
    await Promise.all(
      Array.from({ length: 120 }, (_, n) => (n % 4 === 0 ? inTransaction(n) : audit.record(entry(n)))),
    );
    const report = await audit.verify();
    assert.deepEqual(report.problems, []);
    assert.equal(report.checked, before + 120);
  });

  test('a failed grouped write rejects its callers instead of pretending the access was recorded', async () => {
    const audit = createAuditService(database().db);
    await sql`ALTER TABLE audit_event RENAME TO audit_event_away`.execute(database().db);
    try {
      // Wait for both: Promise.all would settle on the first rejection while the second write is still running.
      const outcomes = await Promise.allSettled([audit.record(entry(1)), audit.record(entry(2))]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['rejected', 'rejected'],
      );
    } finally {
      await sql`ALTER TABLE audit_event_away RENAME TO audit_event`.execute(database().db);
    }
    assert.equal((await audit.verify()).ok, true);
  });

  test('the table refuses UPDATE and DELETE', async () => {
    await assert.rejects(
      sql`UPDATE audit_event SET purpose = 'x' WHERE seq = 1`.execute(database().db),
      /append-only/,
    );
    await assert.rejects(sql`DELETE FROM audit_event WHERE seq = 2`.execute(database().db), /append-only/);
  });

  test('an edited row is detected', async () => {
    await tamper(database(), `UPDATE audit_event SET purpose = 'curiosity' WHERE seq = 5`);
    const report = await createAuditService(database().db).verify();
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, [{ seq: '5', kind: 'modified' }]);
    await tamper(database(), `UPDATE audit_event SET purpose = 'phone-call' WHERE seq = 5`);
    assert.equal((await createAuditService(database().db).verify()).ok, true);
  });

  test('a deleted row in the middle or at the end is detected', async () => {
    await tamper(database(), 'DELETE FROM audit_event WHERE seq = 10');
    const middle = await createAuditService(database().db).verify();
    assert.deepEqual(
      middle.problems.map((p) => p.kind),
      ['missing', 'broken-link'],
    );
    await tamper(database(), 'DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)');
    const end = await createAuditService(database().db).verify();
    assert.ok(end.problems.some((p) => p.kind === 'head-mismatch'));
  });
});

test('`guichet audit verify` exits 0 on an intact log and 1 naming a tampered row', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-audit-'));
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    const audit = createAuditService(database.db);
    for (let n = 0; n < 3; n += 1) await audit.record(entry(n));
    await database.close();
    const run = () =>
      spawnSync(process.execPath, ['bin/guichet.js', 'audit', 'verify'], {
        env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' },
        encoding: 'utf8',
      });
    const intact = run();
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /intact: 3 entries/);

    const again = await openDatabase({ databaseUrl: null, dataDir });
    await tamper(again, `UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 2`);
    await again.close();
    const tampered = run();
    assert.equal(tampered.status, 1);
    assert.match(tampered.stdout, /entry 2: modified/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { auditEntry as entry, testAuditSigning } from '../../../test/support/audit.ts';
import {
  describeOnBothDatabases,
  openTestDatabase,
  TEST_POSTGRES_URL,
} from '../../../test/support/databases.ts';
import { openDatabase } from '../db/database.ts';
import { listMigrations, migrateToLatest } from '../db/migrate.ts';
import { type AuditService, createAuditService, startAuditSealer } from './audit.service.ts';

/**
 * Seals until the tree holds `size` entries, and says how many this sealed. A seal takes only entries below the
 * oldest transaction still running anywhere on the server, so on a PostgreSQL shared with other test files one
 * seal may find a test's own committed entries still above another session's open transaction, for a moment.
 */
async function sealUntil(service: AuditService, size: number): Promise<number> {
  let sealed = 0;
  for (let tries = 0; tries < 400; tries += 1) {
    sealed += (await service.seal()).sealed;
    if (((await service.latestTreeHead())?.treeSize ?? 0) >= size) return sealed;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return sealed;
}

describeOnBothDatabases('audit log', (database, kind) => {
  const signing = testAuditSigning();
  const audit = () => createAuditService(database().db, undefined, undefined, signing);

  test('entries written concurrently, in and out of callers’ transactions, are sealed into an intact log', async () => {
    const inTransaction = (n: number) =>
      database()
        .db.transaction()
        .execute((trx) => audit().record(entry(n), trx));
    await Promise.all(
      Array.from({ length: 120 }, (_, n) => (n % 4 === 0 ? inTransaction(n) : audit().record(entry(n)))),
    );
    const sealed = await audit().seal();
    assert.equal(sealed.sealed, 120);
    assert.equal(sealed.head?.treeSize, 120);
    const report = await audit().verify();
    assert.deepEqual(report, {
      ok: true,
      checked: 120,
      treeHeads: 1,
      witnessHeads: 1,
      pending: 0,
      problems: [],
    });
    assert.equal((await audit().listForSubject('person-1')).length, 40);
  });

  test('sealing again adds a head only for new entries, and every head reaches the witness copy', async () => {
    assert.deepEqual(await audit().seal(), { sealed: 0, head: null });
    for (let n = 0; n < 5; n += 1) await audit().record(entry(n));
    assert.equal((await audit().seal()).head?.treeSize, 125);
    const lines = readFileSync(signing.witnessFile, 'utf8').trim().split('\n');
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { treeSize: number }).treeSize),
      [120, 125],
    );
    assert.deepEqual(
      (await audit().treeHeads(-1, 10)).map((h) => h.treeSize),
      [120, 125],
    );
    assert.equal((await audit().verify()).ok, true);
  });

  test('a rolled-back change leaves no entry, and a failed grouped write rejects its callers', async () => {
    await assert.rejects(
      database()
        .db.transaction()
        .execute(async (trx) => {
          await audit().record(entry(999), trx);
          throw new Error('the change failed');
        }),
      /the change failed/,
    );
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event
      WHERE correlation_id = 'corr-999'`.execute(database().db);
    assert.equal(rows.rows[0]?.n, 0);
    await sql`ALTER TABLE audit_event RENAME TO audit_event_away`.execute(database().db);
    try {
      const outcomes = await Promise.allSettled([audit().record(entry(1)), audit().record(entry(2))]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['rejected', 'rejected'],
      );
    } finally {
      await sql`ALTER TABLE audit_event_away RENAME TO audit_event`.execute(database().db);
    }
  });

  test('every audit table refuses UPDATE, DELETE and TRUNCATE, even from its owner', async () => {
    for (const [table, column] of [
      ['audit_event', 'purpose'],
      ['audit_leaf', 'leaf_hash'],
      ['audit_tree_head', 'key_id'],
    ] as const) {
      const db = database().db;
      await assert.rejects(
        sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${sql.ref(column)}`.execute(db),
        /append-only/,
      );
      await assert.rejects(sql`DELETE FROM ${sql.table(table)}`.execute(db), /append-only/);
      await assert.rejects(sql`TRUNCATE ${sql.table(table)}`.execute(db), /append-only/);
    }
    await assert.rejects(sql`TRUNCATE audit_tree_node`.execute(database().db), /append-only/);
  });

  test('the sealing loop seals what is committed, and seals once more when stopped', async () => {
    const service = audit();
    let seals = 0;
    const counted: AuditService = {
      ...service,
      seal: () => {
        seals += 1;
        return service.seal();
      },
    };
    const errors: unknown[] = [];
    const stop = startAuditSealer(counted, { intervalMs: 20, onError: (error) => errors.push(error) });
    await service.record(entry(1));
    for (let tries = 0; (await service.latestTreeHead())?.treeSize !== 126 && tries < 200; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal((await service.latestTreeHead())?.treeSize, 126);
    await service.record(entry(2));
    const sealsBefore = seals;
    await stop();
    assert.ok(seals > sealsBefore, 'stopping seals once more');
    // That last seal takes entry 2 unless another session's older transaction is open at that moment.
    await sealUntil(service, 127);
    assert.equal((await service.latestTreeHead())?.treeSize, 127);
    assert.deepEqual(errors, []);
  });

  // Only PostgreSQL runs concurrent sessions: on PGlite no transaction can stay open while another commits.
  if (kind === 'postgres')
    test('an entry committed late with a lower sequence number is never skipped', async () => {
      const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(database().db)).rows[0]
        ?.s;
      const slow = new pg.Client({
        connectionString: TEST_POSTGRES_URL,
        options: `-c search_path=${schema}`,
      });
      await slow.connect();
      await sealUntil(audit(), 127); // nothing of the tests before is left unsealed
      try {
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO audit_event (occurred_at, actor_type, action, purpose, channel, outcome, correlation_id)
          VALUES (now(), 'system', 'late.entry', 'test', 'system', 'success', 'late')`);
        for (let n = 0; n < 10; n += 1) await audit().record(entry(n)); // higher seq, committed first
        assert.equal((await audit().seal()).sealed, 0, 'nothing after the open transaction is sealed');
        await slow.query('COMMIT');
      } finally {
        await slow.end();
      }
      assert.equal(await sealUntil(audit(), 138), 11);
      const report = await audit().verify();
      assert.deepEqual([report.ok, report.pending, report.checked], [true, 0, 138]);
    });

  test('concurrent writers and a concurrent sealer: every entry sealed exactly once', async () => {
    const service = audit();
    let writing = true;
    const sealing = (async () => {
      while (writing) await service.seal();
    })();
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i += 1)
        await database()
          .db.transaction()
          .execute(async (trx) => {
            await service.record(entry(w * 100 + i), trx);
            if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 3));
          });
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)));
    writing = false;
    await sealing;
    await service.seal();
    const report = await service.verify();
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.pending, 0);
    const counts = await sql<{ entries: number; leaves: number }>`SELECT
      (SELECT count(*)::int FROM audit_event) AS entries, (SELECT count(*)::int FROM audit_leaf) AS leaves`.execute(
      database().db,
    );
    assert.equal(counts.rows[0]?.leaves, counts.rows[0]?.entries);
  });

  test('a batch of entries is written in order, every field as given (one statement of column arrays)', async () => {
    const awkward = (n: number) => ({
      ...entry(n),
      actor: { type: 'person' as const, id: null, role: null, agencyId: null },
      subjectPersonId: 'person-awkward',
      correlationId: `corr-awkward-${n}`,
      details: { text: `"quoted", {braced}, back\\slash, NULL, é ${n}`, empty: '', list: [null, 'a,b'] },
    });
    const service = audit(); // one service: the first entry is written alone, the next six as one batch
    await Promise.all(Array.from({ length: 7 }, (_, n) => service.record(awkward(n))));
    const rows = (await audit().listForSubject('person-awkward')).reverse();
    assert.deepEqual(
      rows.map((row) => row.correlation_id),
      Array.from({ length: 7 }, (_, n) => `corr-awkward-${n}`),
    );
    for (const [n, row] of rows.entries()) {
      assert.deepEqual(row.details, awkward(n).details);
      assert.equal(row.actor_id, null);
      assert.equal(row.actor_agency_id, null);
    }
  });
});

test('sealing and proofs need the signing key; recording does not', async () => {
  const embedded = await openTestDatabase('pglite');
  try {
    const unsigned = createAuditService(embedded.database.db);
    await unsigned.record(entry(1));
    await assert.rejects(unsigned.seal(), /signing key is not configured/);
    await assert.rejects(unsigned.verify(), /signing key is not configured/);
  } finally {
    await embedded.dispose();
  }
});

/** Seals until the tree holds `size` entries: a seal leaves out entries an older open transaction might precede. */
async function sealThrough(audit: AuditService, size: number): Promise<void> {
  for (let pass = 0; pass < 200; pass += 1) {
    await audit.seal();
    if ((await audit.latestTreeHead())?.treeSize === size) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`the tree never reached ${size} entries`);
}

describeOnBothDatabases('audit log tree heads', (database) => {
  test('are ordered by size as numbers (9 before 10 before 100), so each seal extends the latest', async () => {
    const audit = createAuditService(database().db, undefined, undefined, testAuditSigning());
    let recorded = 0;
    for (const count of [9, 1, 90, 1]) {
      for (let n = 0; n < count; n += 1) await audit.record(entry(n));
      recorded += count;
      await sealThrough(audit, recorded);
    }
    // Another test's open transaction on the shared server holds newer entries back for a pass, which adds a
    // head in between; the heads asked for are there and in order either way.
    const sizes = (await audit.treeHeads(-1, 100)).map((head) => head.treeSize);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => a - b),
    );
    assert.deepEqual(
      sizes.filter((size) => [9, 10, 100, 101].includes(size)),
      [9, 10, 100, 101],
    );
    assert.equal((await audit.latestTreeHead())?.treeSize, 101);
    assert.equal((await audit.verify()).ok, true);
  });
});

test('upgrading a database with the old hash chain keeps its entries and seals them first', async () => {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  try {
    const all = listMigrations();
    await migrateToLatest(
      database.db,
      all.filter((m) => !/^000[34]_/.test(m.name)),
    );
    await sql`INSERT INTO audit_event (seq, occurred_at, actor_type, action, purpose, channel, outcome,
      correlation_id, prev_hash, hash) VALUES
      (1, '2026-01-01T00:00:00.123Z', 'system', 'old.one', 'test', 'system', 'success', 'c1', 'genesis', 'h1'),
      (2, '2026-01-02T00:00:00.456Z', 'system', 'old.two', 'test', 'system', 'success', 'c2', 'h1', 'h2')`.execute(
      database.db,
    );
    await sql`UPDATE audit_chain_head SET seq = 2, hash = 'h2'`.execute(database.db);
    assert.deepEqual(await migrateToLatest(database.db, all), ['0003_audit_merkle', '0004_audit_roles']);
    const audit = createAuditService(database.db, undefined, undefined, testAuditSigning());
    await audit.record(entry(3));
    assert.equal((await audit.seal()).sealed, 3);
    const first = await sql<{ action: string }>`SELECT e.action FROM audit_leaf l JOIN audit_event e
      ON e.seq = l.entry_seq ORDER BY l.leaf_index`.execute(database.db);
    assert.deepEqual(
      first.rows.map((r) => r.action),
      ['old.one', 'old.two', 'registry.profile.read'],
    );
    assert.deepEqual((await audit.verify()).problems, []);
  } finally {
    await database.close();
  }
});

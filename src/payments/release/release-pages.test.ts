import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { DECEMBER_RELEASE_DAY as NOW, decemberRunOf } from '../../../test/support/payments/december-run.ts';
import { payeeDirectoryOf, personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff,
  startOasRun,
} from '../../../test/support/payments/payments-module.ts';
import { createAuditService } from '../../platform/audit/audit.service.ts';
import { testConfig } from '../../platform/config/config.ts';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { PayeeDirectory } from '../run/run-ports.ts';
import { createBankFileService, DEMO_BANK_FILE_SETTINGS } from '../bank-files/bank-file.service.ts';
import { createReleaseService } from './release.service.ts';

const staff = (id: string) => paymentsStaff(id, 'supervisor');
const cipher = createFieldCrypto(testConfig()).cipher;

/** A payee directory that fails on its `failOn`-th call: a release stopped between two pages. */
function failingOn(failOn: number, directory: PayeeDirectory): PayeeDirectory {
  let calls = 0;
  return {
    payees(ids) {
      calls++;
      return calls === failOn ? Promise.reject(new Error('stopped')) : directory.payees(ids);
    },
  };
}

describeOnBothDatabases('release and bank files by pages', (database: () => Database) => {
  const { entitlements, expected } = decemberRunOf(30);
  const payees = payeeDirectoryOf({}, [personIdOf(4)]);
  let runId: string;

  const releaseWith = (directory: PayeeDirectory) =>
    createReleaseService({
      db: database().db,
      audit: createAuditService(database().db),
      cipher,
      payees: directory,
      policy: { secondApprovalAboveCents: Number.MAX_SAFE_INTEGER, accountChangeReviewDays: 10 },
      clock: () => NOW,
      pageSize: 7,
    });

  before(async () => {
    const payments = createTestPaymentsModule(database().db, {
      clock: () => NOW,
      entitlements,
      payees,
      cipher,
    });
    runId = await startOasRun(payments, '2026-12', staff('officer'));
    await payments.runs.resume(runId);
  });

  it('the database keeps payments to runs that exist, and runs with payments in place (ADR 0020)', async () => {
    const db = database().db;
    const missing = '00000000-0000-4000-8000-000000000999';
    await assert.rejects(
      sql`INSERT INTO payment (id, reference, run_id, enrolment_id, person_id, programme_id, period, kind,
          amount_cents, decision_id, pay_date)
        VALUES (gen_random_uuid(), 'GORPHAN', ${missing}, 'e-orphan', 'p', 'oas', '2026-12', 'regular', 100,
          'd', '2026-12-29')`.execute(db),
      /names no payment run/,
    );
    await assert.rejects(
      sql`UPDATE payment SET run_id = ${missing} WHERE run_id = ${runId}`.execute(db),
      /names no payment run/,
    );
    await assert.rejects(
      sql`DELETE FROM payment_run WHERE id = ${runId}`.execute(db),
      /keeps its id and its row/,
    );
    await assert.rejects(
      sql`UPDATE payment_run SET id = ${missing} WHERE id = ${runId}`.execute(db),
      /keeps its id/,
    );
    await sql`INSERT INTO payment_run (id, programme_id, kind, period, pay_date)
      VALUES (${missing}, 'oas', 'reissue', '2026-12', '2026-12-29')`.execute(db);
    await sql`DELETE FROM payment_run WHERE id = ${missing}`.execute(db);
    const kept = await db.selectFrom('payment').select('id').where('run_id', '=', runId).execute();
    assert.equal(kept.length, expected.count);
  });

  it('a release stopped between pages resumes and settles every payment once, to its payee', async () => {
    await assert.rejects(releaseWith(failingOn(3, payees)).release(runId, 'sup', staff('sup')), /stopped/);
    const pending = await database()
      .db.selectFrom('payment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    assert.ok(Number(pending.n) > 0 && Number(pending.n) < expected.count, `${pending.n} left pending`);

    const resumed = await releaseWith(payees).release(runId, 'sup', staff('sup'));
    assert.equal(resumed.outcome, 'released');
    assert.ok('issued' in resumed);
    assert.equal(resumed.issued + resumed.review + resumed.cheques, Number(pending.n), 'only what was left');

    const settled = await database()
      .db.selectFrom('payment')
      .select(['person_id', 'status', 'method', 'payee_ciphertext'])
      .where('run_id', '=', runId)
      .execute();
    assert.equal(settled.length, expected.count);
    const plaintexts = await cipher.decryptMany(settled.map((p) => p.payee_ciphertext ?? ''));
    for (const [i, payment] of settled.entries()) {
      assert.equal(payment.status, 'issued');
      assert.equal(payment.method, payment.person_id === personIdOf(4) ? 'cheque' : 'deposit');
      const payee = JSON.parse(plaintexts[i] ?? '{}') as { name: string };
      assert.equal(payee.name, `Payee ${payment.person_id.slice(-4)}`);
    }
  });

  it('bank files read by small pages hold every deposit once, balanced to the cent', async () => {
    const files = createBankFileService({
      db: database().db,
      audit: createAuditService(database().db),
      cipher,
      settings: DEMO_BANK_FILE_SETTINGS,
      clock: () => NOW,
      pageSize: 4,
    });
    const deposits = await database()
      .db.selectFrom('payment')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('amount_cents').as('cents')])
      .where('run_id', '=', runId)
      .where('method', '=', 'deposit')
      .executeTakeFirstOrThrow();
    for (const format of ['cpa005', 'pain.001'] as const) {
      const opened = await files.open(runId, format, 'officer', staff('officer'));
      assert.ok(opened.ok, format);
      for await (const chunk of opened.file.body) assert.ok((chunk as Buffer).length > 0);
      assert.equal(opened.file.file.payment_count, Number(deposits.n), format);
      assert.equal(Number(opened.file.file.total_cents), Number(deposits.cents), format);
    }
  });
});

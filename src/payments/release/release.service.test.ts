import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { DECEMBER_RELEASE_DAY as NOW, decemberRunOf } from '../../../test/support/payments/december-run.ts';
import { payeeDirectoryOf, personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff as staff,
  startOasRun,
} from '../../../test/support/payments/payments-module.ts';
import type { Database } from '../../platform/db/database.ts';
import { collect } from '../files/collect.ts';
import { readCpa005 } from '../files/cpa005/cpa005-reader.ts';
import { readPain001 } from '../files/iso20022/pain001-reader.ts';
import { writeCpa005Returns } from '../files/cpa005/cpa005-returns.ts';
import { DEMO_BANK_FILE_SETTINGS } from '../bank-files/bank-file.service.ts';
import type { PaymentsModule } from '../payments.module.ts';

async function drain(reader: AsyncGenerator<unknown, { totalCents: number }>) {
  let result = await reader.next();
  while (!result.done) result = await reader.next();
  return result.value;
}

describeOnBothDatabases('releasing a run with four eyes, and its bank files', (database: () => Database) => {
  const { entitlements, expected } = decemberRunOf(40);
  let payments: PaymentsModule;
  let runId: string;
  const told: string[] = [];
  const make = (secondApprovalAboveCents: number) =>
    createTestPaymentsModule(database().db, {
      clock: () => NOW,
      entitlements,
      payees: payeeDirectoryOf({ [personIdOf(2)]: new Date('2026-11-28T00:00:00Z') }, [personIdOf(5)]),
      releasePolicy: { secondApprovalAboveCents, accountChangeReviewDays: 10 },
      returnNotifier: {
        paymentReturned: (notice) => {
          told.push(notice.personId);
          return Promise.resolve();
        },
      },
    });
  before(async () => {
    payments = make(1_000);
    runId = await startOasRun(payments, '2026-12', staff('officer', 'payments-officer'));
  });

  it('refuses files and release before the run is prepared', async () => {
    assert.deepEqual(await payments.release.release(runId, 'sup-1', staff('sup-1', 'supervisor')), {
      outcome: 'refused',
      reason: 'not-ready',
    });
    assert.deepEqual(await payments.files.open(runId, 'cpa005', 'sup-1', staff('sup-1', 'supervisor')), {
      ok: false,
      reason: 'not-released',
    });
  });

  it('refuses (and audits) a release by the officer who prepared it', async () => {
    await payments.runs.resume(runId);
    assert.deepEqual(await payments.release.release(runId, 'officer', staff('officer', 'supervisor')), {
      outcome: 'refused',
      reason: 'own-run',
    });
    const denied = await database()
      .db.selectFrom('audit_event')
      .select(['outcome'])
      .where('action', '=', 'payments.run.refused')
      .execute();
    assert.deepEqual(
      denied.map((d) => d.outcome),
      ['denied', 'denied'],
    );
  });

  it('above the threshold a second approver is needed, not the first one again', async () => {
    assert.deepEqual(await payments.release.release(runId, 'sup-1', staff('sup-1', 'supervisor')), {
      outcome: 'approved-needs-second',
    });
    assert.deepEqual(await payments.release.release(runId, 'sup-1', staff('sup-1', 'supervisor')), {
      outcome: 'refused',
      reason: 'already-approved-by-you',
    });
    const released = await payments.release.release(runId, 'sup-2', staff('sup-2', 'supervisor'));
    assert.equal(released.outcome, 'released');
    assert.ok('review' in released);
    const paymentsOf = (person: string) =>
      database()
        .db.selectFrom('payment')
        .select(['status', 'method', 'review_reason', 'account_last3'])
        .where('person_id', '=', person)
        .executeTakeFirstOrThrow();
    assert.deepEqual(await paymentsOf(personIdOf(2)), {
      status: 'review',
      method: 'deposit',
      review_reason: 'recent-account-change',
      account_last3: '002',
    });
    assert.equal((await paymentsOf(personIdOf(5))).method, 'cheque');
    assert.equal((await paymentsOf(personIdOf(1))).status, 'issued');
  });

  it('writes CPA 005 and pain.001 files the independent readers accept, totals to the cent', async () => {
    const sent = await database()
      .db.selectFrom('payment')
      .select(['amount_cents', 'person_id', 'status'])
      .where('status', '=', 'issued')
      .where('method', '=', 'deposit')
      .execute();
    const cents = sent.reduce((sum, p) => sum + Number(p.amount_cents), 0);
    assert.ok(sent.length > 0 && sent.length < expected.count);
    const cpa = await payments.files.open(runId, 'cpa005', 'sup-2', staff('sup-2', 'supervisor'));
    assert.ok(cpa.ok);
    const text = await collect(cpa.file.body);
    const summary = await drain(readCpa005(text));
    assert.equal(summary.totalCents, cents);
    assert.equal(cpa.file.file.file_creation_number, 1);
    const pain = await payments.files.open(runId, 'pain.001', 'sup-2', staff('sup-2', 'supervisor'));
    assert.ok(pain.ok);
    const xml = await collect(pain.file.body);
    assert.equal((await drain(readPain001(xml))).totalCents, cents);
    assert.ok(!xml.includes(`>${personIdOf(2)}<`));
    const again = await payments.files.open(runId, 'cpa005', 'sup-2', staff('sup-2', 'supervisor'));
    assert.ok(again.ok);
    assert.equal(await collect(again.file.body), text, 'the same file, the same creation number');
  });

  it('never gives two files of an originator the same creation number', async () => {
    const file = await database()
      .db.selectFrom('payment_file')
      .selectAll()
      .where('format', '=', 'cpa005')
      .executeTakeFirstOrThrow();
    await assert.rejects(
      database()
        .db.insertInto('payment_file')
        .values({
          ...file,
          id: '00000000-0000-4000-8000-000000000001',
          run_id: file.run_id,
          format: 'cpa005',
          total_cents: 1,
        })
        .execute(),
    );
  });

  it('loads returns: a returned payment is marked and its person told; an unknown one is held; a second load adds nothing', async () => {
    const issued = await database()
      .db.selectFrom('payment')
      .select(['reference', 'amount_cents', 'person_id'])
      .where('status', '=', 'issued')
      .orderBy('reference')
      .limit(1)
      .executeTakeFirstOrThrow();
    const payee = { name: 'Payee', institution: '001', transit: '00011', account: '1234567' };
    const returned = (reference: string, amountCents: number) => ({
      payment: { reference, amountCents, date: '2026-12-22', payee, transactionCode: '311' },
      reasonCode: '905',
      itemTrace: '0001000110000000000001',
    });
    const file = await collect(
      writeCpa005Returns(
        {
          originator: DEMO_BANK_FILE_SETTINGS.originator,
          fileCreationNumber: 7,
          creationDate: '2026-12-24',
          destinationDataCentre: '00120',
        },
        [returned(issued.reference, Number(issued.amount_cents)), returned('GUNKNOWN0000000001', 1234)],
      ),
    );
    const loaded = await payments.returns.load(
      file,
      'cpa005',
      'officer',
      staff('officer', 'payments-officer'),
    );
    assert.deepEqual(loaded, { matched: 1, held: 1, duplicates: 0 });
    assert.deepEqual(told, [issued.person_id]);
    const again = await payments.returns.load(
      file,
      'cpa005',
      'officer',
      staff('officer', 'payments-officer'),
    );
    assert.deepEqual(again, { matched: 0, held: 0, duplicates: 2 });
    const tasks = await payments.returns.tasks();
    assert.deepEqual(
      tasks.map((task) => [task.status, task.personId === issued.person_id]),
      [
        ['matched', true],
        ['held', false],
      ],
    );
    const byStatus = await payments.statusOf(runId);
    assert.equal(byStatus.returned?.count, 1);
    assert.equal(byStatus.returned?.cents, Number(issued.amount_cents));
  });

  it('refuses a malformed returns file whole, with its line, marking nothing', async () => {
    await assert.rejects(
      payments.returns.load(
        'not a CPA 005 file\n',
        'cpa005',
        'officer',
        staff('officer', 'payments-officer'),
      ),
      (error: Error & { line?: number }) => error.line === 1,
    );
  });
});

import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  personIdOf,
  syntheticEntitlements,
  expectedTotals,
} from '../../../test/support/payments/entitlement-fixtures.ts';
import { createAuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { createPaymentRunService, RunTakenOverError } from './payment-run.service.ts';
import type { PaymentRunService } from './payment-run.service.ts';
import { regularPeriodsOnFile } from './payment-run.repository.ts';
import { newReferences } from './run-parts.ts';

const CLOCK = () => new Date('2026-12-02T12:00:00Z');
const OFFICER = { type: 'staff' as const, id: 'officer-1', role: 'payments-officer' };
const CONTEXT = {
  actor: OFFICER,
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: 'test-run',
};

describeOnBothDatabases('the payment run', (database: () => Database) => {
  const rows = syntheticEntitlements({ enrolments: 120 });
  const deaths = { [personIdOf(3)]: '2026-10-17', [personIdOf(4)]: '2025-12-31' };
  let service: PaymentRunService;
  before(() => {
    const db = database().db;
    service = createPaymentRunService({
      db,
      audit: createAuditService(db),
      entitlements: inMemoryEntitlements(rows),
      deaths: deathRegisterOf(deaths),
      clock: CLOCK,
      options: { batchSize: 25 },
    });
  });

  it('builds one payment per enrolment and period, with arrears, nothing after death, totals to the cent', async () => {
    const progress: number[] = [];
    const { run, joined } = await service.start(
      { programmeId: 'oas', period: '2026-12', preparedBy: 'officer-1' },
      CONTEXT,
    );
    assert.equal(joined, false);
    assert.equal(run.payDate, '2026-12-22');
    const prepared = await service.resume(run.id, (p) => progress.push(p.enrolmentsDone));
    const expected = expectedTotals(rows, deaths);
    assert.equal(prepared.status, 'prepared');
    assert.equal(prepared.paymentCount, expected.count);
    assert.equal(prepared.totalCents, expected.cents);
    assert.deepEqual(progress, [0, 25, 50, 75, 100, 120, 120]);
    const payments = await database()
      .db.selectFrom('payment')
      .select(['person_id', 'period', 'arrears'])
      .execute();
    assert.equal(payments.length, expected.count);
    assert.ok(!payments.some((p) => p.person_id === personIdOf(4)), 'died before the arrears window');
    assert.deepEqual(
      payments
        .filter((p) => p.person_id === personIdOf(3))
        .map((p) => p.period)
        .sort(),
      [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ],
    );
    assert.ok(payments.some((p) => p.arrears));
  });

  it('a run started twice joins the first; resuming a prepared run adds nothing', async () => {
    const again = await service.start(
      { programmeId: 'oas', period: '2026-12', preparedBy: 'officer-2' },
      CONTEXT,
    );
    assert.equal(again.joined, true);
    assert.equal(again.run.status, 'prepared');
    const before = await database().db.selectFrom('payment').select('id').execute();
    await service.resume(again.run.id);
    await service.resumeAll();
    const after = await database().db.selectFrom('payment').select('id').execute();
    assert.equal(after.length, before.length);
  });

  it('a later month’s run never pays a period again', async () => {
    const { run } = await service.start(
      { programmeId: 'oas', period: '2027-01', preparedBy: 'officer-1' },
      CONTEXT,
    );
    const prepared = await service.resume(run.id);
    const enrolmentsPaid = await database()
      .db.selectFrom('payment')
      .select('enrolment_id')
      .where('run_id', '=', run.id)
      .where('period', '<', '2027-01')
      .execute();
    assert.equal(enrolmentsPaid.length, 0, 'every earlier period was paid by the December run');
    assert.ok(prepared.paymentCount > 0);
  });

  it('knows the periods on file, cancelled ones included, so that planning skips them', async () => {
    const db = database().db;
    const paid = await db
      .selectFrom('payment')
      .select(['id', 'enrolment_id', 'period'])
      .where('kind', '=', 'regular')
      .orderBy('enrolment_id')
      .orderBy('period')
      .execute();
    const cancelled = paid.find((p) => p.period >= '2026-06');
    assert.ok(cancelled);
    await db.updateTable('payment').set({ status: 'cancelled' }).where('id', '=', cancelled.id).execute();
    const enrolments = [...new Set([cancelled.enrolment_id, ...paid.map((p) => p.enrolment_id)])].slice(
      0,
      10,
    );
    const onFile = await regularPeriodsOnFile(db, [...enrolments, 'no-such-enrolment'], '2026-06');
    const expected = paid
      .filter((p) => enrolments.includes(p.enrolment_id) && p.period >= '2026-06')
      .map((p) => `${p.enrolment_id}|${p.period}`);
    assert.ok(expected.length > 10);
    assert.deepEqual([...onFile].sort(), expected.sort());
    assert.ok(
      onFile.has(`${cancelled.enrolment_id}|${cancelled.period}`),
      'a cancelled payment keeps its key',
    );
    await db.updateTable('payment').set({ status: 'pending' }).where('id', '=', cancelled.id).execute();
  });

  it('a second process preparing the same run stops instead of double counting', async () => {
    const { run } = await service.start(
      { programmeId: 'gis', period: '2026-12', preparedBy: 'officer-1' },
      CONTEXT,
    );
    const gis = syntheticEntitlements({ enrolments: 60, programmeId: 'gis', seed: 7 });
    const db = database().db;
    const make = () =>
      createPaymentRunService({
        db,
        audit: createAuditService(db),
        entitlements: inMemoryEntitlements(gis),
        deaths: deathRegisterOf(),
        clock: CLOCK,
        options: { batchSize: 5 },
      });
    const outcomes = await Promise.allSettled([make().resume(run.id), make().resume(run.id)]);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        assert.ok(outcome.reason instanceof RunTakenOverError, String(outcome.reason));
    const finished = await make().resume(run.id);
    const expected = expectedTotals(gis);
    assert.equal(finished.paymentCount, expected.count);
    assert.equal(finished.totalCents, expected.cents);
    assert.equal(finished.enrolmentsDone, 60);
  });

  it('a batch with a reference already on file is written again with new ones, each payment once', async () => {
    const db = database().db;
    const taken = await db
      .selectFrom('payment')
      .select(['id', 'reference'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const allowance = syntheticEntitlements({ enrolments: 30, programmeId: 'allowance', seed: 11 });
    const made: string[][] = [];
    const clashing = (count: number) => {
      const fresh = newReferences(count);
      // The first batch planned gets a reference already on file.
      if (made.length === 0) fresh[0] = taken.reference;
      made.push(fresh);
      return fresh;
    };
    const clashes = createPaymentRunService({
      db,
      audit: createAuditService(db),
      entitlements: inMemoryEntitlements(allowance),
      deaths: deathRegisterOf(),
      clock: CLOCK,
      options: { batchSize: 10 },
      references: clashing,
    });
    const { run } = await clashes.start(
      { programmeId: 'allowance', period: '2026-12', preparedBy: 'officer-1' },
      CONTEXT,
    );
    const prepared = await clashes.resume(run.id);
    const expected = expectedTotals(allowance);
    assert.equal(prepared.paymentCount, expected.count);
    assert.equal(prepared.totalCents, expected.cents);
    assert.equal(made.length, 4, 'three batches planned, one written again');
    const written = await db.selectFrom('payment').select('reference').where('run_id', '=', run.id).execute();
    assert.equal(written.length, expected.count);
    assert.deepEqual(
      written.map((p) => p.reference).sort(),
      made.slice(1).flat().sort(),
      'the payments carry the references of the attempts that committed',
    );
    const still = await db
      .selectFrom('payment')
      .select('id')
      .where('reference', '=', taken.reference)
      .execute();
    assert.deepEqual(still, [{ id: taken.id }], 'the payment on file keeps its reference');
  });

  it('gives up after three clashes in a row, with nothing of the batch written', async () => {
    const db = database().db;
    const taken = await db.selectFrom('payment').select('reference').limit(1).executeTakeFirstOrThrow();
    const cpp = syntheticEntitlements({ enrolments: 4, programmeId: 'cpp-retirement', seed: 12 });
    let attempts = 0;
    const always = (count: number) => {
      attempts += 1;
      return [taken.reference, ...newReferences(count - 1)];
    };
    const stuck = createPaymentRunService({
      db,
      audit: createAuditService(db),
      entitlements: inMemoryEntitlements(cpp),
      deaths: deathRegisterOf(),
      clock: CLOCK,
      references: always,
    });
    const { run } = await stuck.start(
      { programmeId: 'cpp-retirement', period: '2026-12', preparedBy: 'officer-1' },
      CONTEXT,
    );
    await assert.rejects(
      stuck.resume(run.id),
      (error: unknown) => (error as { code?: string }).code === '23505',
    );
    const after = await stuck.get(run.id);
    assert.equal(after?.status, 'preparing', 'the run waits to be resumed');
    assert.equal(after?.enrolmentsDone, 0);
    assert.equal(attempts, 3);
    const written = await db.selectFrom('payment').select('id').where('run_id', '=', run.id).execute();
    assert.equal(written.length, 0);
  });

  it('refuses a month that is not one and a programme no schedule pays', async () => {
    await assert.rejects(
      service.start({ programmeId: 'oas', period: '2026-13', preparedBy: 'x' }, CONTEXT),
      /Not a month/,
    );
    await assert.rejects(
      service.start({ programmeId: 'gst-hst-credit', period: '2026-12', preparedBy: 'x' }, CONTEXT),
      /No payment schedule/,
    );
  });
});

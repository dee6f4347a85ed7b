import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { changingEntitlements, oasEntitlements } from '../../../test/support/payments/debt-schedule.ts';
import { payeeDirectoryOf, personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff,
  prepareOasRun,
} from '../../../test/support/payments/payments-module.ts';
import type { Database } from '../../platform/db/database.ts';
import type { PaymentsModule } from '../payments.module.ts';

const STAFF = (id: string) => paymentsStaff(id, id, `test-cancel-reissues-${id}`);
const row = oasEntitlements('32000000');
const RETURNED_PERSON = personIdOf(1);

describeOnBothDatabases(
  'cancelling a run that reissues a returned payment: the payment waits again, reissued once',
  (database: () => Database) => {
    // November's run is released; the bank returns person 1's payment; they change their deposit; December's
    // run reissues it and is cancelled; January's run reissues it again, once. Person 2 has nothing returned.
    const schedule = [1, 2].map((n) => row(n, '2026-10-01', null, 71_337));
    const changedAt: Record<string, Date> = {};
    let payments: PaymentsModule;
    let clock = new Date('2026-11-02T12:00:00Z');
    const db = () => database().db;
    const prepare = (period: string) => prepareOasRun(payments, period, STAFF('officer'));
    let november = '';
    let december = '';
    let original = { id: '', cents: 0 };

    const paymentOf = (id: string) =>
      db().selectFrom('payment').select(['status', 'run_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const returnOf = () =>
      db()
        .selectFrom('payment_return')
        .select(['status', 'reissue_payment_id'])
        .where('payment_id', '=', original.id)
        .executeTakeFirstOrThrow();
    const reissues = () =>
      db()
        .selectFrom('payment')
        .select(['id', 'run_id', 'status', 'amount_cents', 'period', 'enrolment_id'])
        .where('reissue_of', '=', original.id)
        .orderBy('created_at')
        .execute();
    const reportOf = async (runId: string) => (await payments.reconciliationOf(runId))?.report;

    /** What `returns.service` records for a matched return, loaded before the person changed their deposit. */
    async function returnPayment(paymentId: string, cents: number) {
      await db().updateTable('payment').set({ status: 'returned' }).where('id', '=', paymentId).execute();
      await db()
        .insertInto('payment_return')
        .values({
          id: '44000000-0000-4000-8000-000000000001',
          payment_id: paymentId,
          reference: `RET-${paymentId.slice(0, 8)}`,
          amount_cents: cents,
          reason: 'account-closed',
          bank_reason_code: '905',
          returned_on: '2026-11-19',
          format: 'cpa005',
          status: 'matched',
          loaded_by: 'payments-officer',
          loaded_at: new Date('2026-11-20T12:00:00Z'),
          load_id: null,
          told_at: new Date('2026-11-20T12:05:00Z'),
        })
        .execute();
    }

    before(async () => {
      payments = createTestPaymentsModule(db(), {
        clock: () => clock,
        entitlements: changingEntitlements(() => schedule),
        payees: payeeDirectoryOf(changedAt),
      });
      november = (await prepare('2026-11')).id;
      const released = await payments.release.release(november, 'supervisor', STAFF('supervisor'));
      assert.equal(released.outcome, 'released');
      const paid = await db()
        .selectFrom('payment')
        .select(['id', 'amount_cents'])
        .where('run_id', '=', november)
        .where('person_id', '=', RETURNED_PERSON)
        .where('kind', '=', 'regular')
        .executeTakeFirstOrThrow();
      original = { id: paid.id, cents: Number(paid.amount_cents) };
      await returnPayment(original.id, original.cents);
      changedAt[RETURNED_PERSON] = new Date('2026-11-25T12:00:00Z');
      clock = new Date('2026-12-01T12:00:00Z');
      december = (await prepare('2026-12')).id;
    });

    it('December’s run pays the returned payment again', async () => {
      const [reissue, ...more] = await reissues();
      assert.deepEqual(more, []);
      assert.equal(reissue?.run_id, december);
      assert.equal(Number(reissue.amount_cents), original.cents);
      assert.equal((await paymentOf(original.id)).status, 'reissued');
      assert.deepEqual(await returnOf(), { status: 'reissued', reissue_payment_id: reissue.id });
    });

    it('a failure part way through the cancel leaves all of it: nothing is undone', async () => {
      await sql`CREATE FUNCTION fail_run_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'killed before the run is marked cancelled'; END $$`.execute(db());
      await sql`CREATE TRIGGER fail_run_cancel BEFORE UPDATE ON payment_run FOR EACH ROW
        WHEN (NEW.status = 'cancelled') EXECUTE FUNCTION fail_run_cancel()`.execute(db());
      try {
        await assert.rejects(payments.cancel.cancel(december, STAFF('supervisor')), /killed before/);
      } finally {
        await sql`DROP TRIGGER fail_run_cancel ON payment_run`.execute(db());
        await sql`DROP FUNCTION fail_run_cancel()`.execute(db());
      }
      const [reissue] = await reissues();
      assert.equal(reissue?.status, 'pending');
      assert.equal((await paymentOf(original.id)).status, 'reissued');
      assert.deepEqual(await returnOf(), { status: 'reissued', reissue_payment_id: reissue.id });
      assert.equal((await payments.runs.get(december))?.status, 'prepared');
    });

    it('cancels the run and its reissue; the returned payment waits to be reissued again', async () => {
      const cancelled = await payments.cancel.cancel(december, STAFF('supervisor'));
      assert.equal(cancelled.outcome, 'cancelled');
      assert.equal(cancelled.outcome === 'cancelled' && cancelled.reissuesUndone, 1);
      const [reissue] = await reissues();
      assert.equal(reissue?.status, 'cancelled');
      assert.equal((await paymentOf(original.id)).status, 'returned');
      assert.deepEqual(await returnOf(), { status: 'matched', reissue_payment_id: null });
      const audited = await db()
        .selectFrom('audit_event')
        .select(['outcome', 'details', 'actor_id'])
        .where('action', '=', 'payments.run.cancel')
        .where('outcome', '=', 'success')
        .executeTakeFirstOrThrow();
      assert.equal(audited.actor_id, 'supervisor');
      assert.deepEqual((audited.details as { reissues?: number }).reissues, 1);
    });

    it('both runs still reconcile to the cent: December all cancelled, November’s payment awaiting reissue', async () => {
      const cancelledRun = await reportOf(december);
      assert.equal(cancelledRun?.balanced, true);
      assert.deepEqual(cancelledRun.lines.cancelled, cancelledRun.lines.prepared);
      assert.deepEqual(cancelledRun.lines.reissuesIncluded, { count: 1, cents: original.cents });
      const returnedRun = await reportOf(november);
      assert.equal(returnedRun?.balanced, true);
      assert.deepEqual(returnedRun.lines.awaitingReissue, { count: 1, cents: original.cents });
      assert.deepEqual(returnedRun.lines.reissued, { count: 0, cents: 0 });
    });

    it('January’s run reissues it exactly once, to the cent, and never pays November again as arrears', async () => {
      clock = new Date('2027-01-04T12:00:00Z');
      const january = (await prepare('2027-01')).id;
      // A preparation resumed or repeated adds nothing: the live reissue is once by construction.
      await db().updateTable('payment_run').set({ status: 'preparing' }).where('id', '=', january).execute();
      await payments.runs.resume(january);
      const all = await reissues();
      const live = all.filter((r) => r.status !== 'cancelled');
      assert.equal(all.length, 2, 'the cancelled reissue stays on file');
      assert.equal(live.length, 1);
      assert.equal(live[0]?.run_id, january);
      assert.equal(Number(live[0].amount_cents), original.cents);
      assert.equal((await paymentOf(original.id)).status, 'reissued');
      assert.deepEqual(await returnOf(), { status: 'reissued', reissue_payment_id: live[0].id });

      const paidTo = async (personId: string) =>
        Number(
          (
            await db()
              .selectFrom('payment')
              .select((eb) => eb.fn.sum<string | number>('amount_cents').as('cents'))
              .where('run_id', '=', january)
              .where('person_id', '=', personId)
              .executeTakeFirstOrThrow()
          ).cents,
        );
      // Both are owed January and December's cancelled month; only person 1 is owed November once more.
      assert.equal((await paidTo(RETURNED_PERSON)) - (await paidTo(personIdOf(2))), original.cents);

      const report = await reportOf(january);
      assert.equal(report?.balanced, true);
      assert.deepEqual(report.lines.reissuesIncluded, { count: 1, cents: original.cents });
      const returnedRun = await reportOf(november);
      assert.equal(returnedRun?.balanced, true);
      assert.deepEqual(returnedRun.lines.reissued, { count: 1, cents: original.cents });
      assert.deepEqual(returnedRun.lines.awaitingReissue, { count: 0, cents: 0 });
    });

    it('a second live reissue of the same payment is refused by the database', async () => {
      const [, live] = await reissues();
      assert.ok(live);
      const copy = (id: string, reissueOf: string | null, period: string) =>
        db()
          .insertInto('payment')
          .values({
            id,
            reference: `COPY-${id.slice(-4)}`,
            run_id: live.run_id,
            enrolment_id: live.enrolment_id,
            person_id: RETURNED_PERSON,
            programme_id: 'oas',
            period,
            kind: 'reissue',
            amount_cents: original.cents,
            arrears: false,
            decision_id: 'copy',
            pay_date: '2027-01-27',
            reissue_of: reissueOf,
          })
          .execute();
      await assert.rejects(copy('45000000-0000-4000-8000-000000000001', original.id, '2026-09'), /unique/i);
      await assert.rejects(copy('45000000-0000-4000-8000-000000000002', null, live.period), /unique/i);
    });
  },
);

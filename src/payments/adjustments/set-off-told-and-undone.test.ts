import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { changingEntitlements, oasEntitlements } from '../../../test/support/payments/debt-schedule.ts';
import { personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff,
  prepareOasRun,
} from '../../../test/support/payments/payments-module.ts';
import { createAuditService } from '../../platform/audit/audit.service.ts';
import { testConfig } from '../../platform/config/config.ts';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { createCatalogueService, loadReferenceData } from '../../catalogue/index.ts';
import { createInboxService } from '../../inbox/index.ts';
import type { InboxService } from '../../inbox/index.ts';
import type { PaymentsModule } from '../payments.module.ts';
import type { EntitlementRow } from '../run/run-ports.ts';

const STAFF = (id: string) => paymentsStaff(id, id, `test-set-off-${id}`);
const row = oasEntitlements('31000000');

/** Everyone reads English but person 2, who reads French; everyone has an email, so Notify is asked. */
const recipientOf = (personId: string) => ({
  personId,
  lang: (personId === personIdOf(2) ? 'fr' : 'en') as Lang,
  addressLines: ['A Person', '1 Main St', 'Ottawa ON  K1A 0B1'],
  email: 'person@example.ca',
  phone: null,
  prefersPaper: false,
  alternateFormats: [],
});

describeOnBothDatabases(
  'arrears set off: told once the run is released, given back when the run is cancelled',
  (database: () => Database) => {
    // 1: lowered from July (a debt of 80,000), then put back; 2: lowered from May (a debt of 300,000), then
    // raised a little from October. December's run sets their arrears off; it is cancelled, and January's
    // run settles everything again. 3: raised from October, owing a debt on another enrolment (CPP): never
    // set off (arrears-set-off.yaml, scope: same-enrolment).
    let schedule: EntitlementRow[] = [1, 2, 3].map((n) => row(n, '2026-01-01', null, 100_000));
    let payments: PaymentsModule;
    let inbox: InboxService;
    let clock = new Date('2026-12-01T12:00:00Z');
    const db = () => database().db;
    const prepare = (period: string) => prepareOasRun(payments, period, STAFF('officer'));
    const balanceOf = async (n: number) =>
      Number(
        (
          await db()
            .selectFrom('payment_debt')
            .select('balance_cents')
            .where('person_id', '=', personIdOf(n))
            .executeTakeFirstOrThrow()
        ).balance_cents,
      );
    const setOffDocuments = () =>
      db()
        .selectFrom('person_document')
        .select(['person_id', 'source_key', 'kind'])
        .where('source_key', 'like', 'debt-set-off:%')
        .orderBy('person_id')
        .execute();
    let december = '';

    /** The two people the letters go to (the inbox keeps documents of people on the register). */
    async function register() {
      await createCatalogueService(db()).seedReferenceData(loadReferenceData());
      for (const n of [1, 2, 3]) {
        const householdId = `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        await db()
          .insertInto('household')
          .values({ id: householdId, province_code: 'ON', is_demo: true })
          .execute();
        await db()
          .insertInto('person')
          .values({
            id: personIdOf(n),
            household_id: householdId,
            given_name: 'Alex',
            family_name: 'Tremblay',
            birth_date: '1950-04-12',
            preferred_language: n === 2 ? 'fr' : 'en',
            marital_status: 'single',
            sin_ciphertext: null,
            sin_lookup: null,
            is_demo: true,
          })
          .execute();
      }
    }

    /** Person 3 owes 500.00 of CPP, told: a debt of another enrolment and programme. */
    async function debtOnAnotherEnrolment(runId: string) {
      const adjustmentId = '40000000-0000-4000-8000-000000000003';
      const common = {
        person_id: personIdOf(3),
        enrolment_id: 'cpp-00000003',
        programme_id: 'cpp',
        run_id: runId,
      };
      await db()
        .insertInto('payment_adjustment')
        .values({
          ...common,
          id: adjustmentId,
          decision_id: 'cpp-decision-3',
          net_cents: -50_000,
          outcome: 'debt',
          payment_id: null,
          basis: 'another-enrolment',
        })
        .execute();
      await db()
        .insertInto('payment_debt')
        .values({
          ...common,
          id: '41000000-0000-4000-8000-000000000003',
          adjustment_id: adjustmentId,
          original_cents: 50_000,
          balance_cents: 50_000,
          rate_basis_points: 1_000,
          rule_reference: 'CPP s. 66(2.1)',
          letter_sent_at: new Date('2026-10-20T12:00:00Z'),
        })
        .execute();
    }

    before(async () => {
      await register();
      const audit = createAuditService(db());
      const cipher = createFieldCrypto(testConfig()).cipher;
      inbox = createInboxService({
        db: db(),
        audit,
        cipher,
        recipients: {
          recipientOf: (personId) => Promise.resolve(recipientOf(personId)),
          recipientsOf: (personIds) =>
            Promise.resolve(new Map(personIds.map((id) => [id, recipientOf(id)] as const))),
        },
        clock: () => clock,
      });
      payments = createTestPaymentsModule(db(), {
        audit,
        clock: () => clock,
        entitlements: changingEntitlements(() => schedule),
        cipher,
        // The same port the root wires for debt letters: the inbox's `deliver`.
        letters: { deliver: (personId, request) => inbox.deliver(personId, request) },
        programmeName: (_id, lang) =>
          Promise.resolve(lang === 'fr' ? 'Sécurité de la vieillesse' : 'Old Age Security'),
      });
      await debtOnAnotherEnrolment((await prepare('2026-10')).id);
      schedule = [
        row(3, '2026-01-01', null, 100_000),
        row(1, '2026-01-01', '2026-06-30', 100_000),
        row(1, '2026-07-01', null, 80_000),
        row(2, '2026-01-01', '2026-04-30', 100_000),
        row(2, '2026-05-01', null, 50_000),
      ];
      await prepare('2026-11');
      schedule = [
        row(1, '2026-01-01', null, 100_000),
        row(3, '2026-01-01', '2026-09-30', 100_000),
        row(3, '2026-10-01', null, 110_000),
        row(2, '2026-01-01', '2026-04-30', 100_000),
        row(2, '2026-05-01', '2026-09-30', 50_000),
        row(2, '2026-10-01', null, 70_000),
      ];
      december = (await prepare('2026-12')).id;
    });

    it('sends no set-off letter while the run is only prepared', async () => {
      assert.equal(await balanceOf(1), 0, 'the December run set 80,000 of arrears off');
      assert.equal(await balanceOf(2), 300_000 - 40_000 - 7_000);
      assert.deepEqual(await setOffDocuments(), []);
      assert.equal(await payments.debts.sendSetOffLetters(), 0, 'a prepared run may still be cancelled');
    });

    it('cancels the prepared run: each debt gets back exactly what the run took, once', async () => {
      const first = await payments.cancel.cancel(december, STAFF('supervisor'));
      assert.deepEqual(first, {
        outcome: 'cancelled',
        payments: 5,
        setOffsReversed: { count: 2, cents: 80_000 + 40_000 },
        recoveriesReversed: { count: 1, cents: 7_000 },
        arrearsReopened: 3,
        reissuesUndone: 0,
      });
      assert.equal(await balanceOf(1), 80_000);
      assert.equal(await balanceOf(2), 300_000);
      assert.deepEqual(
        await payments.cancel.cancel('00000000-0000-4000-8000-000000000000', STAFF('supervisor')),
        { outcome: 'refused', reason: 'not-found' },
      );
      const again = await payments.cancel.cancel(december, STAFF('supervisor'));
      assert.deepEqual(again, { outcome: 'refused', reason: 'already-cancelled' });
      assert.equal(await balanceOf(1), 80_000, 'a second cancel gives nothing back twice');
      assert.equal(await balanceOf(2), 300_000);

      const reopened = await db()
        .selectFrom('payment_adjustment')
        .select(['payment_id', 'set_off_cents', 'settled_run_id'])
        .where('outcome', '=', 'arrears')
        .execute();
      assert.deepEqual(
        reopened.map((a) => [a.payment_id, Number(a.set_off_cents), a.settled_run_id]),
        [
          [null, 0, null],
          [null, 0, null],
          [null, 0, null],
        ],
        'the arrears are owed again',
      );
      const report = await payments.reconciliationOf(december);
      assert.equal(report?.report.balanced, true, 'the cancelled run still reconciles to the cent');
      assert.deepEqual(report.report.lines.cancelled, report.report.lines.prepared);
      assert.equal(report.report.lines.issued.cents, 0);
      assert.equal((await payments.debts.debtsOf(personIdOf(2), STAFF('officer')))[0]?.recoveredCents, 0);
    });

    it('refuses to cancel a released run, and tells each set-off once the next run is released', async () => {
      clock = new Date('2027-01-04T12:00:00Z');
      const january = await prepare('2027-01');
      // 1: the reopened 100,000 and December's 100,000 (its payment was cancelled): 80,000 to the debt.
      // 2: the reopened 40,000 and December's 70,000: all of it to the debt, and 10 % of January's 70,000.
      assert.equal(await balanceOf(1), 0);
      assert.equal(await balanceOf(2), 300_000 - 110_000 - 7_000);
      assert.deepEqual(await setOffDocuments(), [], 'prepared, not yet told');
      const three = await db()
        .selectFrom('payment')
        .select(['kind', 'amount_cents'])
        .where('run_id', '=', january.id)
        .where('person_id', '=', personIdOf(3))
        .orderBy('kind')
        .execute();
      assert.deepEqual(
        three.map((p) => [p.kind, Number(p.amount_cents)]),
        [
          ['arrears', 20_000 + 110_000],
          ['regular', 110_000],
        ],
        'arrears of one enrolment are never set off against a debt of another',
      );
      assert.equal(await balanceOf(3), 50_000);

      const released = await payments.release.release(january.id, 'supervisor', STAFF('supervisor'));
      assert.equal(released.outcome, 'released');
      const told = await setOffDocuments();
      assert.deepEqual(
        told.map((d) => [d.person_id, d.kind, d.source_key]),
        [
          [personIdOf(1), 'debt', `debt-set-off:${january.id}:oas-00000001`],
          [personIdOf(2), 'debt', `debt-set-off:${january.id}:oas-00000002`],
        ],
      );
      assert.deepEqual(await payments.cancel.cancel(january.id, STAFF('supervisor')), {
        outcome: 'refused',
        reason: 'not-cancellable',
      });

      // A stop between the letter and its mark: the next try delivers the same source, which the inbox ignores.
      await db().updateTable('payment_debt_set_off').set({ letter_sent_at: null }).execute();
      assert.equal(await payments.debts.sendSetOffLetters(), 2);
      assert.equal(await payments.debts.sendSetOffLetters(), 0);
      assert.equal((await setOffDocuments()).length, 2, 'exactly one letter per set-off');
    });

    it('cancels a run that pays a returned payment again: the payment waits to be reissued', async () => {
      clock = new Date('2027-02-01T12:00:00Z');
      const february = await prepare('2027-02');
      const original = await db()
        .selectFrom('payment')
        .selectAll()
        .where('person_id', '=', personIdOf(3))
        .where('kind', '=', 'regular')
        .where('period', '=', '2027-01')
        .executeTakeFirstOrThrow();
      const reissueId = '42000000-0000-4000-8000-000000000003';
      // What `returns/reissue.ts` writes: the reissue, its original `reissued`, the return pointing at it.
      await db().updateTable('payment').set({ status: 'reissued' }).where('id', '=', original.id).execute();
      await db()
        .insertInto('payment')
        .values({
          id: reissueId,
          reference: 'REISSUE-TEST-3',
          run_id: february.id,
          enrolment_id: original.enrolment_id,
          person_id: original.person_id,
          programme_id: original.programme_id,
          period: original.period,
          kind: 'reissue',
          amount_cents: Number(original.amount_cents),
          arrears: false,
          decision_id: original.decision_id,
          pay_date: '2027-02-24',
          reissue_of: original.id,
        })
        .execute();
      await db()
        .insertInto('payment_return')
        .values({
          id: '43000000-0000-4000-8000-000000000003',
          payment_id: original.id,
          reference: original.reference,
          amount_cents: Number(original.amount_cents),
          reason: 'account-closed',
          bank_reason_code: '905',
          returned_on: '2027-01-29',
          format: 'cpa005',
          status: 'reissued',
          loaded_by: 'payments-officer',
          load_id: null,
          told_at: null,
          reissue_payment_id: reissueId,
        })
        .execute();
      const cancelled = await payments.cancel.cancel(february.id, STAFF('supervisor'));
      assert.equal(cancelled.outcome === 'cancelled' && cancelled.reissuesUndone, 1);
      assert.equal((await payments.runs.get(february.id))?.status, 'cancelled');
      const statusOf = async (id: string) =>
        (await db().selectFrom('payment').select('status').where('id', '=', id).executeTakeFirstOrThrow())
          .status;
      assert.equal(await statusOf(reissueId), 'cancelled');
      assert.equal(await statusOf(original.id), 'returned', 'waiting to be reissued again');
    });

    it('says how much, what was applied, what is paid, what is still owed, why, and the rights', async () => {
      const letterOf = async (n: number) => {
        const [summary] = (await inbox.list(personIdOf(n))).filter((d) => /rappel|Arrears/i.test(d.title));
        assert.ok(summary);
        const opened = await inbox.open(personIdOf(n), summary.id, STAFF('officer'));
        return JSON.stringify(opened?.letter);
      };
      const one = await letterOf(1);
      assert.match(one, /We owed you \$2,000\.00 of Old Age Security/);
      assert.match(one, /applied \$800\.00 of the arrears/);
      assert.match(one, /paying you the remaining \$1,200\.00/);
      assert.match(one, /Overpayment still owed after this","value":"\$0\.00"/);
      assert.match(one, /100% of the arrears/);
      // The rule in plain language, never the source's working notes (issue #16: they were shown, in English).
      assert.match(one, /Old Age Security Act, section 37: an amount you owe may be taken from any benefit/);
      assert.doesNotMatch(one, /POLICY CHOICE|No statutory share/);
      assert.match(one, /within 90 days, by April 4, 2027/);
      assert.match(one, /hardship consideration/);

      const two = await letterOf(2);
      assert.match(two, /Nous vous devions 1\s100,00\s\$ de Sécurité de la vieillesse/);
      assert.match(two, /totalité du rappel au paiement en trop/);
      assert.match(two, /Qui vous est versé","value":"0,00\s\$"/);
      assert.match(two, /encore dû après cette opération","value":"1\s830,00\s\$"/);
      assert.match(two, /difficultés financières/);
      assert.match(two, /Loi sur la sécurité de la vieillesse, article 37\u202f: une somme que vous devez/);
      assert.doesNotMatch(two, /Old Age Security Act|POLICY CHOICE/);

      for (const n of [1, 2]) {
        const notices = await inbox.notices(personIdOf(n));
        assert.ok(notices.length > 0, 'GC Notify is asked to say a document arrived');
        // A notice points at the document: what goes to Notify (OutgoingNotice) has no field for its content.
        for (const notice of notices) {
          assert.equal(notice.kind, 'new-document');
          const fields = JSON.stringify({ ...notice, next_attempt_at: null, updated_at: null });
          assert.doesNotMatch(fields, /\$|\d[.,]\d{2}|arrears|rappel|overpayment/i);
        }
      }
    });
  },
);

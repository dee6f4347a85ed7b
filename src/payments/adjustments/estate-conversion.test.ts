import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { changingEntitlements, oasEntitlements } from '../../../test/support/payments/debt-schedule.ts';
import { deathRegisterOf, personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff,
  prepareOasRun,
} from '../../../test/support/payments/payments-module.ts';
import { createAuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { PaymentsModule } from '../payments.module.ts';
import type { EntitlementRow } from '../run/run-ports.ts';
import { debtsSection } from '../views/debts.views.ts';
import { debtsLocales } from './debts.service.ts';
import type { PaymentLetterPort } from './debts.service.ts';
import { convertDebtsAfterDeath } from './estate-conversion.ts';
import { loadEstateRecoveryLaw } from './estate-recovery.ts';
import { recoveryFrom } from './recovery-policy.ts';

type LetterRequest = Parameters<PaymentLetterPort['deliver']>[1];

const OFFICER = paymentsStaff('officer', 'payments-officer', 'test-estate-conversion');
const MONTHLY = 100_000;
const LOWERED = 61_234;
const row = oasEntitlements('e5a7e000');
/** The overpayment of August raised by the September run, and the share of October's payment kept for it. */
const OVERPAID = MONTHLY - LOWERED;
const OCTOBER_SHARE = recoveryFrom(LOWERED, OVERPAID, 1000);
const ENGLISH = { lang: 'en' as const, name: 'Ann Example', addressLines: ['Ann Example', '1 Main Street'] };

describeOnBothDatabases(
  'a debt being recovered from payments when the person dies is asked of the estate',
  (database: () => Database) => {
    // August paid 1,000.00 to all; then 1 and 3 lowered to 612.34 from August, 2 to 990.00 (a debt the October
    // payment recovers in full). 1 dies on 20 October and 2 on 5 October; 3 lives on.
    let schedule: EntitlementRow[] = [1, 2, 3].map((n) => row(n, '2026-01-01', null, MONTHLY));
    const deaths: Record<string, string> = {};
    const letters: { personId: string; request: LetterRequest }[] = [];
    let payments: PaymentsModule;
    const prepare = (period: string) => prepareOasRun(payments, period, OFFICER);
    const debtOf = (n: number) =>
      database()
        .db.selectFrom('payment_debt')
        .selectAll()
        .where('person_id', '=', personIdOf(n))
        .executeTakeFirstOrThrow();
    const conversions = () =>
      database().db.selectFrom('payment_debt_estate_conversion').selectAll().execute();
    const audited = () =>
      database()
        .db.selectFrom('audit_event')
        .select(['subject_person_id', 'details'])
        .where('action', '=', 'payments.debt.to-estate')
        .execute();

    before(async () => {
      payments = createTestPaymentsModule(database().db, {
        clock: () => new Date('2026-12-01T12:00:00Z'),
        entitlements: changingEntitlements(() => schedule),
        deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
        letters: {
          deliver: (personId, request) => {
            letters.push({ personId, request });
            return Promise.resolve({ documentId: request.sourceKey });
          },
          recipientOf: () => Promise.resolve({ name: 'Ann Example' }),
        },
        programmeName: (_id, lang) =>
          Promise.resolve(
            lang === 'fr' ? 'la pension de la Sécurité de la vieillesse' : 'Old Age Security pension',
          ),
      });
      await prepare('2026-08');
      schedule = [
        ...[1, 3].flatMap((n) => [
          row(n, '2026-01-01', '2026-07-31', MONTHLY),
          row(n, '2026-08-01', null, LOWERED),
        ]),
        row(2, '2026-01-01', '2026-07-31', MONTHLY),
        row(2, '2026-08-01', null, MONTHLY - 1_000),
      ];
      await prepare('2026-09');
      await prepare('2026-10');
      deaths[personIdOf(1)] = '2026-10-20';
      deaths[personIdOf(2)] = '2026-10-05';
      letters.length = 0;
      await prepare('2026-11');
    });

    it('asks the estate for what was left to the cent, keeping what was recovered recorded', async () => {
      const debt = await debtOf(1);
      assert.deepEqual(
        [debt.recover_from, debt.rate_basis_points, debt.died_on],
        ['estate', 0, '2026-10-20'],
      );
      assert.equal(Number(debt.original_cents), OVERPAID, 'the debt keeps what it was raised for');
      assert.equal(Number(debt.balance_cents), OVERPAID - OCTOBER_SHARE);
      assert.match(debt.rule_reference, /^Old Age Security Act, s\. 37/);
      const recovered = await database()
        .db.selectFrom('payment_debt_recovery')
        .select('recovered_cents')
        .where('debt_id', '=', debt.id)
        .execute();
      assert.deepEqual(
        recovered.map((r) => Number(r.recovered_cents)),
        [OCTOBER_SHARE],
        'October’s deduction stays on record',
      );
      const [conversion, ...others] = await conversions();
      assert.equal(others.length, 0, 'only the debt of the person who died with a balance');
      assert.equal(conversion?.debt_id, debt.id);
      assert.deepEqual(
        [Number(conversion?.recovered_cents), Number(conversion?.balance_cents)],
        [OCTOBER_SHARE, OVERPAID - OCTOBER_SHARE],
      );
      assert.equal(conversion?.previous_rate_basis_points, 1000);
    });

    it('leaves a debt recovered in full before the death, and a living person’s debt, as they were', async () => {
      const paidOff = await debtOf(2);
      assert.deepEqual(
        [paidOff.recover_from, Number(paidOff.balance_cents), paidOff.died_on],
        ['payments', 0, null],
      );
      const living = await debtOf(3);
      assert.deepEqual(
        [living.recover_from, living.rate_basis_points, Number(living.balance_cents)],
        ['payments', 1000, OVERPAID - 2 * OCTOBER_SHARE],
        'still recovered from November’s payment',
      );
    });

    it('audits the change and tells the estate once, by post, with what was recovered and the balance', async () => {
      const debt = await debtOf(1);
      const [conversion] = await conversions();
      assert.deepEqual(await audited(), [
        { subject_person_id: personIdOf(1), details: { debtId: debt.id, runId: conversion?.run_id } },
      ]);
      assert.deepEqual(
        letters.map((l) => [l.personId, l.request.sourceKey, l.request.toEstate]),
        [[personIdOf(1), `debt-estate:${debt.id}`, true]],
      );
      const letter = letters[0]?.request.compose({ personId: personIdOf(1), ...ENGLISH });
      assert.deepEqual(letter?.recipient.slice(0, 2), ['To the estate of Ann Example', '1 Main Street']);
      const text = JSON.stringify(letter);
      assert.match(text, /Amount still owed after the death of Ann Example/);
      assert.match(text, /died on October 20, 2026/);
      assert.match(text, /had overpaid \$387\.66/);
      assert.match(text, /\$61\.23 was recovered that way/);
      assert.match(text, /The estate must repay the balance of \$326\.43/);
      assert.match(text, /Old Age Security Act, s\. 37/);
      const askedOn = new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
        conversion?.created_at,
      );
      assert.equal(letter?.date.value, askedOn, 'dated the day it was asked of the estate');
      const fr = JSON.stringify(
        letters[0]?.request.compose({ personId: personIdOf(1), ...ENGLISH, lang: 'fr' }),
      );
      assert.match(fr, /Somme toujours due après le décès d’Ann Example/);
      assert.match(fr, /rembourser le solde de 326,43\s\$/);
    });

    it('shows the converted debt as the estate’s in the person’s and staff views', async () => {
      const [debt] = await payments.debts.debtsOf(personIdOf(1), OFFICER);
      assert.deepEqual(
        [debt?.recoverFrom, debt?.basisPoints, debt?.recoveredCents, debt?.balanceCents],
        ['estate', 0, OCTOBER_SHARE, OVERPAID - OCTOBER_SHARE],
      );
      const i18n = createI18n([PLATFORM_LOCALES, debtsLocales]);
      const en = String(debtsSection(i18n.translator('en'), debt ? [debt] : [], () => 'OAS', 3));
      assert.match(en, /From the estate/);
      const fr = String(debtsSection(i18n.translator('fr'), debt ? [debt] : [], () => 'SV', 3));
      assert.match(fr, /Auprès de la succession/);
    });

    it('converts nothing again: a later run, the letters sent again, or the same batch replayed', async () => {
      await prepare('2026-12');
      assert.equal(await payments.debts.sendLetters(), 0);
      const [conversion] = await conversions();
      const replayed = await database()
        .db.transaction()
        .execute((trx) =>
          convertDebtsAfterDeath(
            trx,
            { id: conversion?.run_id ?? '', programmeId: 'oas', period: '2026-11', payDate: '2026-11-26' },
            [schedule.filter((r) => r.personId === personIdOf(1))],
            new Map([[personIdOf(1), '2026-10-20']]),
            { estateLaw: loadEstateRecoveryLaw(), audit: createAuditService(database().db) },
          ),
        );
      assert.equal(replayed, 0);
      await assert.rejects(
        database()
          .db.insertInto('payment_debt_estate_conversion')
          .values({
            debt_id: conversion?.debt_id ?? '',
            run_id: conversion?.run_id ?? '',
            died_on: '2026-10-20',
            recovered_cents: 0,
            balance_cents: 1,
            previous_rate_basis_points: 1000,
            previous_rule_reference: 'replayed',
          })
          .execute(),
        'the database holds one conversion per debt',
      );
      assert.equal((await conversions()).length, 1);
      assert.equal((await audited()).length, 1);
      assert.equal(letters.length, 1);
      assert.equal(Number((await debtOf(1)).balance_cents), OVERPAID - OCTOBER_SHARE);
    });
  },
);

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
import type { Database } from '../../platform/db/database.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import type { PaymentsModule } from '../payments.module.ts';
import type { EntitlementRow } from '../run/run-ports.ts';

const OFFICER = paymentsStaff('officer', 'payments-officer', 'test-adjustments');
const MONTHLY = 100_000;
const row = oasEntitlements('20000000');

describeOnBothDatabases('overpayments and underpayments', (database: () => Database) => {
  // 1 steady; 2 lowered from July (new income) after July to October were paid; 3 raised from September;
  // 4 died in August, known only after September and October were paid.
  let schedule: EntitlementRow[] = [1, 2, 3, 4].map((n) => row(n, '2026-01-01', null, MONTHLY));
  const deaths: Record<string, string> = {};
  const letters: { personId: string; sourceKey: string; letter: Letter }[] = [];
  let payments: PaymentsModule;
  const prepare = (period: string) => prepareOasRun(payments, period, OFFICER);
  const paymentsOf = (n: number) =>
    database()
      .db.selectFrom('payment')
      .select(['period', 'kind', 'amount_cents', 'run_id', 'id'])
      .where('person_id', '=', personIdOf(n))
      .orderBy('period')
      .orderBy('kind')
      .execute();

  before(async () => {
    payments = createTestPaymentsModule(database().db, {
      clock: () => new Date('2026-12-01T12:00:00Z'),
      entitlements: changingEntitlements(() => schedule),
      deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
      letters: {
        deliver: (personId, request) => {
          letters.push({
            personId,
            sourceKey: request.sourceKey,
            letter: request.compose({ lang: 'fr', addressLines: ['A. Tremblay', '1 rue Principale'] }),
          });
          return Promise.resolve({ documentId: request.sourceKey });
        },
      },
      programmeName: (id, lang) => Promise.resolve(lang === 'fr' ? `Sécurité de la vieillesse (${id})` : id),
    });
    await prepare('2026-10');
  });

  it('finds the differences, pays arrears once in the next run and raises debts with a letter', async () => {
    schedule = [
      row(1, '2026-01-01', null, MONTHLY),
      row(2, '2026-01-01', '2026-06-30', MONTHLY),
      row(2, '2026-07-01', null, 80_000),
      row(3, '2026-01-01', '2026-08-31', MONTHLY),
      row(3, '2026-09-01', null, 120_000),
      row(4, '2026-01-01', null, MONTHLY),
    ];
    deaths[personIdOf(4)] = '2026-08-15';
    const november = await prepare('2026-11');

    const two = await paymentsOf(2);
    assert.equal(two.length, 11, 'January to November, no arrears payment for an overpayment');
    assert.equal(Number(two.at(-1)?.amount_cents), 80_000, 'not recovered in the run that found the debt');
    const three = await paymentsOf(3);
    const arrears = three.filter((p) => p.kind === 'arrears');
    assert.deepEqual(
      arrears.map((p) => [p.period, Number(p.amount_cents), p.run_id]),
      [['2026-11', 40_000, november.id]],
    );
    assert.equal((await paymentsOf(1)).length, 11, 'a steady enrolment gets no adjustment');
    assert.equal(
      (await paymentsOf(4)).filter((p) => p.period > '2026-08').length,
      2,
      'nothing paid after death',
    );

    const debts = await database()
      .db.selectFrom('payment_debt')
      .select(['person_id', 'original_cents', 'balance_cents', 'rate_basis_points', 'letter_sent_at'])
      .orderBy('person_id')
      .execute();
    assert.deepEqual(
      debts.map((d) => [d.person_id, Number(d.original_cents), Number(d.balance_cents), d.rate_basis_points]),
      [
        [personIdOf(2), 80_000, 80_000, 1000],
        // Paid after the death: asked of the estate in full, no share of payments (estate-debt.test.ts).
        [personIdOf(4), 200_000, 200_000, 0],
      ],
    );
    assert.ok(
      debts.every((d) => d.letter_sent_at !== null),
      'every debt was told',
    );
    assert.deepEqual(letters.map((l) => l.personId).sort(), [personIdOf(2), personIdOf(4)]);
    const letter = letters.find((l) => l.personId === personIdOf(2))?.letter;
    const text = JSON.stringify(letter);
    assert.match(text, /10\u00a0%/);
    assert.match(text, /réexaminer/);
    assert.match(text, /2026-07/);

    const totals = await database()
      .db.selectFrom('payment')
      .select((eb) => eb.fn.sum<string | number>('amount_cents').as('cents'))
      .where('run_id', '=', november.id)
      .executeTakeFirstOrThrow();
    assert.equal(november.totalCents, Number(totals.cents), 'the run total includes the arrears payment');
  });

  it('recovers a share of each later payment, never twice, and pays no arrears twice', async () => {
    const december = await prepare('2026-12');
    const two = await paymentsOf(2);
    const dec = two.find((p) => p.period === '2026-12');
    assert.equal(Number(dec?.amount_cents), 72_000, '10 % of 80,000 kept');
    const debt = await database()
      .db.selectFrom('payment_debt')
      .select(['balance_cents'])
      .where('person_id', '=', personIdOf(2))
      .executeTakeFirstOrThrow();
    assert.equal(Number(debt.balance_cents), 72_000);
    assert.equal((await paymentsOf(3)).filter((p) => p.kind === 'arrears').length, 1, 'arrears paid once');
    const adjustments = await database().db.selectFrom('payment_adjustment').select('id').execute();
    assert.equal(adjustments.length, 3, 'the recovered payment is not mistaken for an underpayment');
    assert.equal(december.totalCents, 72_000 + 100_000 + 120_000);
    assert.equal(letters.length, 2, 'a letter per debt, once');
  });

  it('shows the debts to the person, with what is left and the rate', async () => {
    const debts = await payments.debts.debtsOf(personIdOf(2), OFFICER);
    assert.equal(debts.length, 1);
    assert.equal(debts[0]?.recoveredCents, 8_000);
    assert.equal(debts[0]?.lines.length, 4);
    assert.ok(debts[0]?.lines.every((line) => line.differenceCents === -20_000));
  });
});

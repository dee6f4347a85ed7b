import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it, test } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { changingEntitlements, oasEntitlements } from '../../../test/support/payments/debt-schedule.ts';
import { personIdOf } from '../../../test/support/payments/entitlement-fixtures.ts';
import {
  createTestPaymentsModule,
  paymentsStaff,
  prepareOasRun,
} from '../../../test/support/payments/payments-module.ts';
import type { Database } from '../../platform/db/database.ts';
import type { PaymentsModule } from '../payments.module.ts';
import type { EntitlementRow } from '../run/run-ports.ts';
import { ARREARS_SET_OFF_FILE, loadArrearsSetOffPolicy, setOffArrears } from './recovery-policy.ts';

describe('setting arrears off against debts (pure, integer cents)', () => {
  const debts = [
    { id: 'old', balanceCents: 30_000 },
    { id: 'new', balanceCents: 50_000 },
  ];
  const cases = [
    {
      name: 'all of the arrears, oldest debt first, the rest paid when the debts are smaller',
      input: [100_000, 10_000, debts] as const,
      expected: {
        toDebts: [
          { debtId: 'old', cents: 30_000 },
          { debtId: 'new', cents: 50_000 },
        ],
        payCents: 20_000,
      },
    },
    {
      name: 'nothing paid when the debts take all of the arrears',
      input: [40_000, 10_000, debts] as const,
      expected: {
        toDebts: [
          { debtId: 'old', cents: 30_000 },
          { debtId: 'new', cents: 10_000 },
        ],
        payCents: 0,
      },
    },
    {
      name: 'a 50 % share of an odd amount rounds down: never more than the rule allows',
      input: [33_333, 5_000, debts] as const,
      expected: { toDebts: [{ debtId: 'old', cents: 16_666 }], payCents: 16_667 },
    },
    {
      name: 'no debt: everything paid',
      input: [12_345, 10_000, []] as const,
      expected: { toDebts: [], payCents: 12_345 },
    },
  ];
  for (const { name, input, expected } of cases)
    test(name, () => {
      const plan = setOffArrears(input[0], input[1], input[2]);
      assert.deepEqual(plan, expected);
      assert.equal(
        plan.payCents + plan.toDebts.reduce((sum, d) => sum + d.cents, 0),
        input[0],
        'to the cent',
      );
    });

  test('the share is dated and cited, and says where it is a policy choice', () => {
    const policy = loadArrearsSetOffPolicy();
    const oas = policy('oas', '2026-12-22');
    assert.equal(oas.basisPoints, 10_000);
    assert.match(oas.reference, /POLICY CHOICE/);
    assert.match(policy('on-odsp', '2026-12-01').reference, /100 % of arrears/);
    assert.throws(() => policy('on-odsp', '2020-01-01'), /No overpayment recovery rate/);
  });

  test('set-off reaches only the same enrolment: a file asking for more is refused at start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'set-off-scope-'));
    const wider = readFileSync(ARREARS_SET_OFF_FILE, 'utf8').replace(
      'scope: same-enrolment',
      'scope: same-person',
    );
    writeFileSync(join(dir, 'wider.yaml'), wider);
    assert.throws(
      () => loadArrearsSetOffPolicy(pathToFileURL(join(dir, 'wider.yaml'))),
      /"same-person" is not built: only same-enrolment is/,
    );
  });
});

const OFFICER = paymentsStaff('officer', 'payments-officer', 'test-arrears-set-off');
const row = oasEntitlements('30000000');

describeOnBothDatabases('arrears set off against a debt in a run', (database: () => Database) => {
  // 1: lowered from July (a debt of 80,000), then put back: the arrears repay the debt, the rest is paid.
  // 2: lowered from May (a debt of 300,000), then raised a little from October: all the arrears go to the debt.
  let schedule: EntitlementRow[] = [1, 2].map((n) => row(n, '2026-01-01', null, 100_000));
  let payments: PaymentsModule;
  const prepare = (period: string) => prepareOasRun(payments, period, OFFICER);
  const db = () => database().db;
  const debtOf = (n: number) =>
    db()
      .selectFrom('payment_debt')
      .selectAll()
      .where('person_id', '=', personIdOf(n))
      .executeTakeFirstOrThrow();
  const paymentsIn = (runId: string, n: number) =>
    db()
      .selectFrom('payment')
      .select(['kind', 'amount_cents'])
      .where('run_id', '=', runId)
      .where('person_id', '=', personIdOf(n))
      .orderBy('kind')
      .execute();

  before(async () => {
    payments = createTestPaymentsModule(db(), {
      clock: () => new Date('2026-12-01T12:00:00Z'),
      entitlements: changingEntitlements(() => schedule),
    });
    await prepare('2026-10');
    schedule = [
      row(1, '2026-01-01', '2026-06-30', 100_000),
      row(1, '2026-07-01', null, 80_000),
      row(2, '2026-01-01', '2026-04-30', 100_000),
      row(2, '2026-05-01', null, 50_000),
    ];
    await prepare('2026-11');
  });

  it('sets the arrears off against the debt first, pays the rest, and records the rule', async () => {
    assert.equal(Number((await debtOf(1)).balance_cents), 80_000);
    assert.equal(Number((await debtOf(2)).balance_cents), 300_000);
    schedule = [
      row(1, '2026-01-01', null, 100_000),
      row(2, '2026-01-01', '2026-04-30', 100_000),
      row(2, '2026-05-01', '2026-09-30', 50_000),
      row(2, '2026-10-01', null, 70_000),
    ];
    const december = await prepare('2026-12');

    // 1: arrears of 4 × 20,000 (July to October) + 20,000 (November) = 100,000; the debt takes 80,000.
    assert.deepEqual(
      (await paymentsIn(december.id, 1)).map((p) => [p.kind, Number(p.amount_cents)]),
      [
        ['arrears', 20_000],
        ['regular', 100_000],
      ],
      'the arrears paid are what the debt left; the month’s payment is whole: the debt is repaid',
    );
    const one = await debtOf(1);
    assert.equal(Number(one.balance_cents), 0);
    const setOffs = await db()
      .selectFrom('payment_debt_set_off')
      .selectAll()
      .where('run_id', '=', december.id)
      .orderBy('set_off_cents')
      .execute();
    assert.deepEqual(
      setOffs.map((s) => [s.debt_id, Number(s.set_off_cents), s.rate_basis_points]),
      [
        [(await debtOf(2)).id, 40_000, 10_000],
        [one.id, 80_000, 10_000],
      ],
    );
    assert.match(setOffs[0]?.rule_reference ?? '', /Old Age Security Act, s\. 37|POLICY CHOICE/);

    // 2: arrears of 20,000 (October) + 20,000 (November) all go to the debt: no arrears payment at all.
    assert.deepEqual(
      (await paymentsIn(december.id, 2)).map((p) => [p.kind, Number(p.amount_cents)]),
      [['regular', 63_000]],
      'no payment of the arrears; 10 % of the regular 70,000 still recovers',
    );
    assert.equal(Number((await debtOf(2)).balance_cents), 300_000 - 40_000 - 7_000);
    const debts = await payments.debts.debtsOf(personIdOf(2), OFFICER);
    assert.equal(debts[0]?.recoveredCents, 47_000, 'the person sees the set-off as recovered');

    const pending = await db()
      .selectFrom('payment_adjustment')
      .select(['net_cents', 'set_off_cents', 'payment_id'])
      .where('outcome', '=', 'arrears')
      .execute();
    assert.deepEqual(
      pending.map((a) => [Number(a.net_cents), Number(a.set_off_cents), a.payment_id !== null]).sort(),
      [
        [100_000, 80_000, true],
        [40_000, 40_000, false],
      ].sort(),
      'each arrears is settled: paid, set off, or both, and never found again',
    );
    const total = await db()
      .selectFrom('payment')
      .select((eb) => eb.fn.sum<string | number>('amount_cents').as('cents'))
      .where('run_id', '=', december.id)
      .executeTakeFirstOrThrow();
    assert.equal(december.totalCents, Number(total.cents));
    assert.equal(december.totalCents, 20_000 + 100_000 + 63_000);

    // Released, the set-off counts on the T4A(OAS) as pension paid and recovered, though nothing was deposited.
    const supervisor = { ...OFFICER, actor: { ...OFFICER.actor, id: 'supervisor', role: 'supervisor' } };
    const released = await payments.release.release(december.id, 'supervisor', supervisor);
    assert.equal(released.outcome, 'released');
    const slip = await payments.statements.slip(personIdOf(2), 2026, 't4a-oas', OFFICER);
    assert.deepEqual(Object.fromEntries(slip?.boxes.map((b) => [b.box, b.cents]) ?? []), {
      '18': 70_000 + 40_000,
      '19': 70_000 + 40_000,
      '20': 7_000 + 40_000,
      '21': 0,
      '22': 0,
    });
    const statement = await payments.statements.statement(personIdOf(2), 2026, OFFICER);
    // January to October at 1,000.00, November 500.00, December 700.00, and the 400.00 set off; 470.00 kept.
    assert.deepEqual(
      [statement.grossCents, statement.recoveredCents, statement.netCents],
      [1_160_000, 47_000, 1_113_000],
    );
    assert.ok(statement.lines.some((l) => l.arrears && l.grossCents === 40_000 && l.netCents === 0));
  });
});

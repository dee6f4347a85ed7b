import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import { adult, dollars, household, income } from '../../../../test/support/rules/households.ts';

const senior = (incomeDollars: number) =>
  household([
    adult('a', '1958-06-01', income(dollars(incomeDollars), 2023, 2024, 2025), {
      residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 },
    }),
  ]);

interface Scenario {
  readonly name: string;
  readonly period: string;
  readonly input: number;
  readonly expected: { annual: number; monthly: number; net: number; threshold: number; year: string };
}

/**
 * Income Tax Act s. 180.2: 15 % of the base year's net world income above the threshold, half up to
 * the cent, at most the pension of the year (12 × the month's pension); withheld monthly as the
 * annual tax ÷ 12, half up, at most the month's pension. January 2026: pension $742.31, 2024 income,
 * threshold $90,997.
 */
const SCENARIOS: readonly Scenario[] = [
  {
    name: 'income just above the threshold',
    period: '2026-01-15',
    input: 95000,
    // 15 % × 4,003 = 600.45; ÷ 12 = 50.0375 → 50.04
    expected: { annual: 600_45, monthly: 50_04, net: 692_27, threshold: 90997_00, year: '2024' },
  },
  {
    name: '$120,000',
    period: '2026-01-15',
    input: 120000,
    // 15 % × 29,003 = 4,350.45; ÷ 12 = 362.5375 → 362.54
    expected: { annual: 4350_45, monthly: 362_54, net: 379_77, threshold: 90997_00, year: '2024' },
  },
  {
    name: "fully recovered: the annual tax is capped at the year's pension",
    period: '2026-01-15',
    input: 200000,
    // 15 % × 109,003 = 16,350.45 > 12 × 742.31 = 8,907.72
    expected: { annual: 8907_72, monthly: 742_31, net: 0, threshold: 90997_00, year: '2024' },
  },
  {
    name: 'below the threshold',
    period: '2026-01-15',
    input: 60000,
    expected: { annual: 0, monthly: 0, net: 742_31, threshold: 90997_00, year: '2024' },
  },
];

for (const s of SCENARIOS) {
  test(`OAS recovery tax: ${s.name}`, () => {
    const [r] = evaluateHousehold(senior(s.input), { asOf: s.period, programmes: ['oas'] }).results;
    assert.deepEqual(r?.recoveryTax, {
      incomeYear: s.expected.year,
      thresholdCents: s.expected.threshold,
      annualCents: s.expected.annual,
      monthlyWithholdingCents: s.expected.monthly,
    });
    assert.equal(r?.periodCents, s.expected.net);
    const step = r?.trace.find((t) => t.rule === 'oas.recovery-tax-annual');
    assert.equal(step?.resultCents, s.expected.annual);
  });
}

test('OAS recovery tax: from July 2026 the 2025 income is tested against $93,454', () => {
  const [r] = evaluateHousehold(senior(120000), {
    asOf: '2026-08-01',
    programmes: ['oas'],
    estimates: true,
  }).results;
  assert.equal(r?.recoveryTax?.incomeYear, '2025');
  assert.equal(r?.recoveryTax?.thresholdCents, 93454_00);
  // 15 % × 26,546 = 3,981.90
  assert.equal(r?.recoveryTax?.annualCents, 3981_90);
});

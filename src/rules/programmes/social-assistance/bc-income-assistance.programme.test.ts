import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { bcIncomeAssistanceProgramme } from './bc-income-assistance.programme.ts';
import { assertResult, evaluateOne, household, type Expected, type UnitSpec } from './test-households.ts';

const AS_OF = '2024-06-01';

type Row = { name: string; unit: UnitSpec; expected: Expected };

const single: Row[] = [
  {
    name: 'Single employable, rent above the maximum: $560 + $500 = $1,060',
    unit: { province: 'BC', shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 106_000 },
  },
  {
    name: 'Single employable, rent $400: $560 + $400 = $960',
    unit: { province: 'BC', shelterCostCents: 40_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 96_000 },
  },
  {
    name: 'Rent of exactly the $500 maximum: $1,060',
    unit: { province: 'BC', shelterCostCents: 50_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 106_000 },
  },
  {
    name: 'Rent of $499.99: $1,059.99',
    unit: { province: 'BC', shelterCostCents: 49_999, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 105_999 },
  },
  {
    name: 'Rent of $75.01, just above the $75 minimum: $635.01',
    unit: { province: 'BC', shelterCostCents: 7_501, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 63_501 },
  },
  {
    name: 'Rent of $74.99: lifted to the $75 minimum shelter allowance, $635',
    unit: { province: 'BC', shelterCostCents: 7_499, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 63_500 },
  },
  {
    name: 'No shelter costs: the $75 minimum shelter allowance, $635',
    unit: { province: 'BC', shelterCostCents: 0, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 63_500 },
  },
  {
    name: 'Assets of exactly $5,000: eligible',
    unit: { province: 'BC', shelterCostCents: 120_000, assetsCents: 500_000 },
    expected: { status: 'eligible', monthlyCents: 106_000 },
  },
  {
    name: 'Assets of $5,000.01: not eligible',
    unit: { province: 'BC', shelterCostCents: 120_000, assetsCents: 500_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Other income of $200: $860',
    unit: { province: 'BC', otherIncomeCents: 20_000, shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 86_000 },
  },
  {
    name: 'Single aged 65: senior rates not encoded, cannot tell',
    unit: { province: 'BC', applicantBirthDate: '1959-01-01', shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.senior-rates-not-encoded'] },
  },
  {
    name: 'Assets not given: cannot tell',
    unit: { province: 'BC', shelterCostCents: 120_000 },
    expected: { status: 'cannot-tell', missingFacts: ['/assetsCents'] },
  },
];

const families: Row[] = [
  {
    name: 'Couple: family support rates not on file, cannot tell',
    unit: { province: 'BC', couple: true, shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'], missingFacts: [] },
  },
  {
    name: 'Couple, assets of exactly $10,000 (family limit): within the limit, then cannot tell',
    unit: { province: 'BC', couple: true, shelterCostCents: 120_000, assetsCents: 1_000_000 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'] },
  },
  {
    name: 'Couple, assets of $10,000.01: not eligible',
    unit: { province: 'BC', couple: true, shelterCostCents: 120_000, assetsCents: 1_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Single parent, 2 children, assets of $10,000.01: not eligible',
    unit: { province: 'BC', children: 2, shelterCostCents: 120_000, assetsCents: 1_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Two parents, 2 children, no assets: family support rates not on file, cannot tell',
    unit: { province: 'BC', couple: true, children: 2, shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'] },
  },
];

function throwsNoParameters(h: ReturnType<typeof household>, date: string): void {
  const ctx = createContext(defaultParameters, { tracing: false });
  assert.throws(() => bcIncomeAssistanceProgramme.evaluate(h, date, ctx), NoParametersForDateError);
}

describe('BC income assistance — scenario tables (June 2024)', () => {
  for (const [title, rows] of [
    ['single person', single],
    ['families', families],
  ] as const) {
    describe(title, () => {
      for (const row of rows) {
        it(row.name, () =>
          assertResult(evaluateOne(bcIncomeAssistanceProgramme, household(row.unit), AS_OF), row.expected),
        );
      }
    });
  }

  it('refuses to exempt earnings after 2020: the current exemption is not on file (NoParametersForDateError)', () =>
    throwsNoParameters(
      household({ province: 'BC', earningsCents: 30_000, shelterCostCents: 120_000, assetsCents: 0 }),
      AS_OF,
    ));
});

describe('BC income assistance — dates', () => {
  const h = household({ province: 'BC', shelterCostCents: 120_000, assetsCents: 0 });
  for (const [date, monthlyCents, label] of [
    ['2022-05-01', 93_500, 'May 2022: $560 + $375 = $935 (Clicklaw, July 2022)'],
    ['2023-07-31', 93_500, 'July 2023: still $935'],
    ['2023-08-01', 106_000, 'August 2023: shelter maximum $500 (Budget 2023), $1,060'],
    ['2024-12-31', 106_000, 'last covered day: $1,060'],
  ] as const) {
    it(label, () =>
      assertResult(evaluateOne(bcIncomeAssistanceProgramme, h, date), { status: 'eligible', monthlyCents }),
    );
  }

  it('refuses 30 April 2022, before the rate tables on file', () => throwsNoParameters(h, '2022-04-30'));
  it('refuses 1 January 2025: no rate source after 2024', () => throwsNoParameters(h, '2025-01-01'));
});

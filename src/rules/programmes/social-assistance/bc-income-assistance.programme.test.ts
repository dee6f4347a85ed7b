import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { bcIncomeAssistanceProgramme } from './bc-income-assistance.programme.ts';
import {
  assertResult,
  evaluateOne,
  household,
  type Expected,
  type UnitSpec,
} from '../../../../test/support/rules/social-assistance-households.ts';

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

const twoParents = {
  province: 'BC',
  couple: true,
  children: 2,
  shelterCostCents: 120_000,
  assetsCents: 0,
} as const;

/** $1,055 support: Clicklaw (LSLAP), revision reviewed 1 July 2022; shelter $840 / $225 for four: bc/ia-shelter. */
const twoParentsWithTwoChildren: Row[] = [
  {
    name: 'Two parents, 2 children, rent above the maximum: $1,055 + $840 = $1,895',
    unit: twoParents,
    expected: {
      status: 'eligible',
      monthlyCents: 189_500,
      reasons: ['social-assistance.budget-minus-income'],
    },
  },
  {
    name: 'Rent of exactly the $840 maximum: $1,895',
    unit: { ...twoParents, shelterCostCents: 84_000 },
    expected: { status: 'eligible', monthlyCents: 189_500 },
  },
  {
    name: 'Rent of $839.99: $1,894.99',
    unit: { ...twoParents, shelterCostCents: 83_999 },
    expected: { status: 'eligible', monthlyCents: 189_499 },
  },
  {
    name: 'Rent of $225.01, just above the $225 minimum for four: $1,280.01',
    unit: { ...twoParents, shelterCostCents: 22_501 },
    expected: { status: 'eligible', monthlyCents: 128_001 },
  },
  {
    name: 'Rent of $224.99: lifted to the $225 minimum, $1,280',
    unit: { ...twoParents, shelterCostCents: 22_499 },
    expected: { status: 'eligible', monthlyCents: 128_000 },
  },
  {
    name: 'Assets of exactly $10,000 (family limit): eligible, $1,895',
    unit: { ...twoParents, assetsCents: 1_000_000 },
    expected: { status: 'eligible', monthlyCents: 189_500 },
  },
  {
    name: 'Assets of $10,000.01: not eligible',
    unit: { ...twoParents, assetsCents: 1_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Other income of $200: $1,695',
    unit: { ...twoParents, otherIncomeCents: 20_000 },
    expected: { status: 'eligible', monthlyCents: 169_500 },
  },
  {
    name: 'Other income of $1,894.99: one cent left',
    unit: { ...twoParents, otherIncomeCents: 189_499 },
    expected: { status: 'eligible', monthlyCents: 1 },
  },
  {
    name: 'Other income of $1,895: nothing left',
    unit: { ...twoParents, otherIncomeCents: 189_500 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.income-above-needs'] },
  },
  {
    name: "Spouse's earnings of $300: the family earnings exemption is not on file, cannot tell",
    unit: { ...twoParents, spouseEarningsCents: 30_000 },
    expected: {
      status: 'cannot-tell',
      reasons: ['bc-ia.family-earnings-exemption-not-encoded'],
      missingFacts: [],
    },
  },
];

const families: Row[] = [
  {
    name: 'Two parents, 1 child (unit of 3): rate not on file, cannot tell',
    unit: { ...twoParents, children: 1 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'], missingFacts: [] },
  },
  {
    name: 'Two parents, 3 children (unit of 5): rate not on file, cannot tell',
    unit: { ...twoParents, children: 3 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'] },
  },
  {
    name: 'Two parents, 1 child and a dependant of 18 or over (unit of 4): not the two-children rate, cannot tell',
    unit: { ...twoParents, children: 1, dependentAdults: 1 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'] },
  },
  {
    name: 'Single parent, 2 children: rate not on file, cannot tell',
    unit: { province: 'BC', children: 2, shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'] },
  },
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
];

function withSpouseBorn(birthDate: string): ReturnType<typeof household> {
  const h = household(twoParents);
  return { ...h, people: h.people.map((p) => (p.id === 'a2' ? { ...p, birthDate } : p)) };
}

function throwsNoParameters(h: ReturnType<typeof household>, date: string): void {
  const ctx = createContext(defaultParameters, { tracing: false });
  assert.throws(() => bcIncomeAssistanceProgramme.evaluate(h, date, ctx), NoParametersForDateError);
}

describe('BC income assistance — scenario tables (June 2024)', () => {
  for (const [title, rows] of [
    ['single person', single],
    ['two parents with two children', twoParentsWithTwoChildren],
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

  it('Two parents, 2 children, spouse aged 65: senior rates not encoded, cannot tell', () =>
    assertResult(evaluateOne(bcIncomeAssistanceProgramme, withSpouseBorn('1959-01-01'), AS_OF), {
      status: 'cannot-tell',
      reasons: ['bc-ia.senior-rates-not-encoded'],
    }));

  it('Two parents, 2 children, spouse aged 64: $1,895', () =>
    assertResult(evaluateOne(bcIncomeAssistanceProgramme, withSpouseBorn('1959-06-02'), AS_OF), {
      status: 'eligible',
      monthlyCents: 189_500,
    }));

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

  const family = household(twoParents);
  for (const [date, monthlyCents, label] of [
    [
      '2022-05-01',
      177_000,
      'two parents, 2 children, May 2022: $1,055 + $715 = $1,770 (Clicklaw, July 2022)',
    ],
    ['2023-07-31', 177_000, 'two parents, 2 children, July 2023: still $1,770'],
    ['2023-08-01', 189_500, 'two parents, 2 children, August 2023: shelter maximum $840, $1,895'],
    ['2024-12-31', 189_500, 'two parents, 2 children, last covered day: $1,895'],
  ] as const) {
    it(label, () =>
      assertResult(evaluateOne(bcIncomeAssistanceProgramme, family, date), {
        status: 'eligible',
        monthlyCents,
      }),
    );
  }

  it('refuses 30 April 2022, before the rate tables on file', () => throwsNoParameters(h, '2022-04-30'));
  it('refuses a family on 1 January 2025: no rate source after 2024', () =>
    throwsNoParameters(family, '2025-01-01'));
  it('refuses 1 January 2025: no rate source after 2024', () => throwsNoParameters(h, '2025-01-01'));
});

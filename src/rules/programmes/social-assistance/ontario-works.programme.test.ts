import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { ontarioWorksProgramme } from './ontario-works.programme.ts';
import {
  assertResult,
  evaluateOne,
  household,
  type Expected,
  type UnitSpec,
} from '../../../../test/support/rules/social-assistance-households.ts';

const AS_OF = '2025-03-01';

const table: { name: string; unit: UnitSpec; expected: Expected }[] = [
  {
    name: 'Single, no income, rent above the maximum: $343 + $390 = $733 (City of Toronto, ISAC)',
    unit: { province: 'ON', shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 73_300 },
  },
  {
    name: 'Single, rent $300: actual shelter is paid, $343 + $300 = $643',
    unit: { province: 'ON', shelterCostCents: 30_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 64_300 },
  },
  {
    name: 'Single parent, 1 child: $360 + $642 = $1,002',
    unit: { province: 'ON', children: 1, shelterCostCents: 150_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 100_200 },
  },
  {
    name: 'Couple, 2 children: $494 + $756 = $1,250',
    unit: { province: 'ON', couple: true, children: 2, shelterCostCents: 150_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 125_000 },
  },
  {
    name: 'Single with 1 dependent adult: $623 + $642 = $1,265',
    unit: { province: 'ON', dependentAdults: 1, shelterCostCents: 150_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 126_500 },
  },
  {
    name: '$500 of earnings after 3 months on assistance: $150 deducted (DNSSAB example) → $583',
    unit: {
      province: 'ON',
      earningsCents: 50_000,
      monthsOnAssistance: 3,
      shelterCostCents: 90_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 58_300 },
  },
  {
    name: '$500 of earnings after 2 months: deducted in full → $233',
    unit: {
      province: 'ON',
      earningsCents: 50_000,
      monthsOnAssistance: 2,
      shelterCostCents: 90_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 23_300 },
  },
  {
    name: '$200 of earnings after 3 months: fully exempt → $733',
    unit: {
      province: 'ON',
      earningsCents: 20_000,
      monthsOnAssistance: 3,
      shelterCostCents: 90_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 73_300 },
  },
  {
    name: 'Assets of exactly $10,000 (single limit): eligible',
    unit: { province: 'ON', shelterCostCents: 90_000, assetsCents: 1_000_000 },
    expected: { status: 'eligible', monthlyCents: 73_300 },
  },
  {
    name: 'Assets of $10,000.01: not eligible',
    unit: { province: 'ON', shelterCostCents: 90_000, assetsCents: 1_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Single parent, 1 child, assets $10,500 (limit $10,000 + $500): eligible',
    unit: { province: 'ON', children: 1, shelterCostCents: 90_000, assetsCents: 1_050_000 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Couple, assets $15,000.01: not eligible',
    unit: { province: 'ON', couple: true, shelterCostCents: 90_000, assetsCents: 1_500_001 },
    expected: { status: 'not-eligible' },
  },
  {
    name: 'Other income of $733 uses up the budget: not eligible',
    unit: { province: 'ON', otherIncomeCents: 73_300, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.income-above-needs'] },
  },
  {
    name: 'Other income of $732.99: one cent of assistance',
    unit: { province: 'ON', otherIncomeCents: 73_299, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 1 },
  },
  {
    name: 'Shelter cost not given: cannot tell',
    unit: { province: 'ON', assetsCents: 0 },
    expected: { status: 'cannot-tell', missingFacts: ['/shelterCostCents'] },
  },
  {
    name: 'Earnings without months on assistance: cannot tell which exemption applies',
    unit: { province: 'ON', earningsCents: 50_000, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', missingFacts: ['/people/0/socialAssistance/monthsOnAssistance'] },
  },
];

describe('Ontario Works — scenario table (2025)', () => {
  for (const row of table) {
    it(row.name, () =>
      assertResult(evaluateOne(ontarioWorksProgramme, household(row.unit), AS_OF), row.expected),
    );
  }

  it('answers "not eligible" outside Ontario', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const results = ontarioWorksProgramme.evaluate(household({ province: 'BC' }), AS_OF, ctx);
    assert.deepEqual(
      results.map((r) => [r.status, r.reasons]),
      [['not-eligible', ['social-assistance.other-province']]],
    );
  });

  it('refuses July 2025 and later: no rate source after July 2024 (NoParametersForDateError)', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const h = household({ province: 'ON', shelterCostCents: 90_000, assetsCents: 0 });
    assert.throws(() => ontarioWorksProgramme.evaluate(h, '2025-07-01', ctx), NoParametersForDateError);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { albertaIncomeSupportProgramme } from './alberta-income-support.programme.ts';
import { bcIncomeAssistanceProgramme } from './bc-income-assistance.programme.ts';
import { assertResult, evaluateOne, household, type Expected, type UnitSpec } from './test-households.ts';

const AS_OF = '2024-06-01';

type Row = { name: string; unit: UnitSpec; expected: Expected };

const bc: Row[] = [
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
    name: 'Couple: family rates not encoded, cannot tell',
    unit: { province: 'BC', couple: true, shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.family-rates-not-encoded'], missingFacts: [] },
  },
  {
    name: 'Single aged 65: senior rates not encoded, cannot tell',
    unit: { province: 'BC', applicantBirthDate: '1959-01-01', shelterCostCents: 120_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['bc-ia.senior-rates-not-encoded'] },
  },
  {
    name: 'Assets not given: cannot tell',
    unit: { province: 'BC', shelterCostCents: 120_000 },
    expected: { status: 'cannot-tell', missingFacts: ['assetsCents'] },
  },
];

const ab: Row[] = [
  {
    name: 'Single adult, Expected to Work, rent above the maximum: $459 + $365 = $824',
    unit: { province: 'AB', barriers: false, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 82_400, reasons: ['ab-is.etw'] },
  },
  {
    name: 'Single adult, Barriers to Full Employment: $594 + $365 = $959',
    unit: { province: 'AB', barriers: true, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 95_900, reasons: ['ab-is.bfe'] },
  },
  {
    name: 'Single parent, 2 children, Expected to Work: $791 + $640 = $1,431',
    unit: { province: 'AB', barriers: false, children: 2, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 143_100 },
  },
  {
    name: 'Earnings of $630, Expected to Work: $230 + 25 % of $400 exempt, $300 counted → $524',
    unit: {
      province: 'AB',
      barriers: false,
      earningsCents: 63_000,
      shelterCostCents: 90_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 52_400 },
  },
  {
    name: 'Liquid assets of one month of core support ($824), Expected to Work: eligible',
    unit: { province: 'AB', barriers: false, shelterCostCents: 90_000, assetsCents: 82_400 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Liquid assets of $824.01, Expected to Work: not eligible',
    unit: { province: 'AB', barriers: false, shelterCostCents: 90_000, assetsCents: 82_401 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Liquid assets of $1,918 (two months), Barriers to Full Employment: eligible',
    unit: { province: 'AB', barriers: true, shelterCostCents: 90_000, assetsCents: 191_800 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Liquid assets of $1,918.01, Barriers to Full Employment: not eligible',
    unit: { province: 'AB', barriers: true, shelterCostCents: 90_000, assetsCents: 191_801 },
    expected: { status: 'not-eligible' },
  },
  {
    name: 'Single parent above the core-only asset limit: the child benefit allowance is unknown, cannot tell',
    unit: { province: 'AB', barriers: false, children: 1, shelterCostCents: 90_000, assetsCents: 200_000 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.child-benefit-asset-allowance-not-encoded'] },
  },
  {
    name: 'Designation not given: cannot tell, naming it',
    unit: { province: 'AB', shelterCostCents: 90_000, assetsCents: 0 },
    expected: {
      status: 'cannot-tell',
      missingFacts: ['people[0].socialAssistance.barriersToFullEmployment'],
    },
  },
  {
    name: 'Couple: rates not encoded, cannot tell',
    unit: { province: 'AB', couple: true, barriers: false, shelterCostCents: 90_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.couple-rates-not-encoded'] },
  },
];

describe('BC income assistance — scenario table (June 2024)', () => {
  for (const row of bc) {
    it(row.name, () =>
      assertResult(evaluateOne(bcIncomeAssistanceProgramme, household(row.unit), AS_OF), row.expected),
    );
  }

  it('refuses to exempt earnings after 2020: the current exemption is not on file (NoParametersForDateError)', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const h = household({ province: 'BC', earningsCents: 30_000, shelterCostCents: 120_000, assetsCents: 0 });
    assert.throws(() => bcIncomeAssistanceProgramme.evaluate(h, AS_OF, ctx), NoParametersForDateError);
  });
});

describe('Alberta Income Support — scenario table (June 2024)', () => {
  for (const row of ab) {
    it(row.name, () =>
      assertResult(evaluateOne(albertaIncomeSupportProgramme, household(row.unit), AS_OF), row.expected),
    );
  }

  it('refuses 2025: only the 2024 rates are on file (NoParametersForDateError)', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const h = household({ province: 'AB', barriers: false, shelterCostCents: 90_000, assetsCents: 0 });
    assert.throws(
      () => albertaIncomeSupportProgramme.evaluate(h, '2025-01-01', ctx),
      NoParametersForDateError,
    );
  });
});

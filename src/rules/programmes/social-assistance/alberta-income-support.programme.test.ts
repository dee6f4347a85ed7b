import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { albertaIncomeSupportProgramme } from './alberta-income-support.programme.ts';
import {
  assertResult,
  evaluateOne,
  household,
  type Expected,
  type UnitSpec,
} from '../../../../test/support/rules/social-assistance-households.ts';

const AS_OF = '2024-06-01';

type Row = { name: string; unit: UnitSpec; expected: Expected };

const etw = { province: 'AB', barriers: false, shelterCostCents: 90_000, assetsCents: 0 } as const;

const rows: Row[] = [
  {
    name: 'Single adult, Expected to Work, rent above the maximum: $459 + $365 = $824',
    unit: etw,
    expected: { status: 'eligible', monthlyCents: 82_400, reasons: ['ab-is.etw'] },
  },
  {
    name: 'Single adult, Barriers to Full Employment: $594 + $365 = $959',
    unit: { ...etw, barriers: true },
    expected: { status: 'eligible', monthlyCents: 95_900, reasons: ['ab-is.bfe'] },
  },
  {
    name: 'Single parent, 2 children, Expected to Work: $791 + $640 = $1,431',
    unit: { ...etw, children: 2 },
    expected: { status: 'eligible', monthlyCents: 143_100 },
  },
  {
    name: 'Single parent, 3 children, Barriers to Full Employment: $1,036 + $662 = $1,698',
    unit: { ...etw, barriers: true, children: 3 },
    expected: { status: 'eligible', monthlyCents: 169_800 },
  },
  {
    name: 'Single parent, 4 children: core essential row not on file, cannot tell',
    unit: { ...etw, children: 4 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.family-size-not-encoded'], missingFacts: [] },
  },
  {
    name: 'Earnings of $630, Expected to Work: $230 + 25 % of $400 exempt, $300 counted → $524',
    unit: { ...etw, earningsCents: 63_000 },
    expected: { status: 'eligible', monthlyCents: 52_400 },
  },
  {
    name: 'Liquid assets of one month of core support ($824), Expected to Work: eligible',
    unit: { ...etw, assetsCents: 82_400 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Liquid assets of $824.01, Expected to Work: not eligible',
    unit: { ...etw, assetsCents: 82_401 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Liquid assets of $1,918 (two months), Barriers to Full Employment: eligible',
    unit: { ...etw, barriers: true, assetsCents: 191_800 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Liquid assets of $1,918.01, Barriers to Full Employment: not eligible',
    unit: { ...etw, barriers: true, assetsCents: 191_801 },
    expected: { status: 'not-eligible' },
  },
  {
    name: 'Single parent above the core-only asset limit: the child benefit allowance is unknown, cannot tell',
    unit: { ...etw, children: 1, assetsCents: 200_000 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.child-benefit-asset-allowance-not-encoded'] },
  },
  {
    name: 'Designation not given: cannot tell, naming it',
    unit: { province: 'AB', shelterCostCents: 90_000, assetsCents: 0 },
    expected: {
      status: 'cannot-tell',
      missingFacts: ['/people/0/socialAssistance/barriersToFullEmployment'],
    },
  },
  {
    name: 'Couple: couple rows not on file, cannot tell',
    unit: { ...etw, couple: true },
    expected: { status: 'cannot-tell', reasons: ['ab-is.couple-rates-not-encoded'], missingFacts: [] },
  },
  {
    name: 'Couple, 2 children: couple rows not on file, cannot tell',
    unit: { ...etw, couple: true, children: 2 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.couple-rates-not-encoded'] },
  },
  {
    name: 'Single adult with a dependent adult: no row for other adults, cannot tell',
    unit: { ...etw, dependentAdults: 1 },
    expected: { status: 'cannot-tell', reasons: ['ab-is.couple-rates-not-encoded'] },
  },
];

describe('Alberta Income Support — scenario table (June 2024)', () => {
  for (const row of rows) {
    it(row.name, () =>
      assertResult(evaluateOne(albertaIncomeSupportProgramme, household(row.unit), AS_OF), row.expected),
    );
  }

  it('answers on 1 January and 31 December 2024', () => {
    for (const date of ['2024-01-01', '2024-12-31'])
      assertResult(evaluateOne(albertaIncomeSupportProgramme, household(etw), date), {
        status: 'eligible',
        monthlyCents: 82_400,
      });
  });

  for (const date of ['2023-12-31', '2025-01-01']) {
    it(`refuses ${date}: only the 2024 tables are on file (NoParametersForDateError)`, () => {
      const ctx = createContext(defaultParameters, { tracing: false });
      assert.throws(
        () => albertaIncomeSupportProgramme.evaluate(household(etw), date, ctx),
        NoParametersForDateError,
      );
    });
  }
});

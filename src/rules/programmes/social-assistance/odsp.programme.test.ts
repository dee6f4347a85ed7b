import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { rowForSizeOrMore } from './needs-test.ts';
import { odspProgramme } from './odsp.programme.ts';
import {
  assertResult,
  evaluateOne,
  household,
  type Expected,
  type UnitSpec,
} from '../../../../test/support/rules/social-assistance-households.ts';

const AS_OF = '2024-09-01';
const RENT = 300_000;

type Row = { name: string; unit: UnitSpec; expected: Expected };

const single: Row[] = [
  {
    name: 'Single with a disability, rent above the maximum: $786 + $582 = $1,368 (ISAC, July 2024)',
    unit: { province: 'ON', disabled: true, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 136_800 },
  },
  {
    name: '$1,000 of earnings are fully exempt',
    unit: { province: 'ON', disabled: true, earningsCents: 100_000, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 136_800 },
  },
  {
    name: '$1,500 of earnings: 75 % of $500 = $375 deducted → $993',
    unit: { province: 'ON', disabled: true, earningsCents: 150_000, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 99_300 },
  },
  {
    name: 'Assets of exactly $40,000: eligible',
    unit: { province: 'ON', disabled: true, shelterCostCents: RENT, assetsCents: 4_000_000 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Assets of $40,000.01: not eligible',
    unit: { province: 'ON', disabled: true, shelterCostCents: RENT, assetsCents: 4_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'No disability determination: not eligible',
    unit: { province: 'ON', disabled: false, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'not-eligible', reasons: ['odsp.no-disability-determination'] },
  },
  {
    name: 'Disability status not given: cannot tell, naming it',
    unit: { province: 'ON', shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'cannot-tell', missingFacts: ['/people/0/disability/provincialDisability'] },
  },
];

const couple = { province: 'ON', couple: true, shelterCostCents: RENT, assetsCents: 0 } as const;

const families: Row[] = [
  {
    name: 'Couple, applicant with a disability: $1,134 + $915 (unit of 2) = $2,049',
    unit: { ...couple, disabled: true, spouseDisabled: false },
    expected: { status: 'eligible', monthlyCents: 204_900 },
  },
  {
    name: 'Couple, only the spouse has a disability: same rate, $2,049',
    unit: { ...couple, disabled: false, spouseDisabled: true },
    expected: { status: 'eligible', monthlyCents: 204_900 },
  },
  {
    name: 'Couple, both with a disability: $1,569 + $915 = $2,484',
    unit: { ...couple, disabled: true, spouseDisabled: true },
    expected: { status: 'eligible', monthlyCents: 248_400 },
  },
  {
    name: 'Couple, neither with a disability: not eligible',
    unit: { ...couple, disabled: false, spouseDisabled: false },
    expected: { status: 'not-eligible', reasons: ['odsp.no-disability-determination'] },
  },
  {
    name: "Couple, spouse's disability status not given: cannot tell, naming it",
    unit: { ...couple, disabled: true },
    expected: { status: 'cannot-tell', missingFacts: ['/people/1/disability/provincialDisability'] },
  },
  {
    name: 'Couple, rent $600 below the maximum: actual shelter paid, $1,134 + $600 = $1,734',
    unit: { ...couple, disabled: true, spouseDisabled: false, shelterCostCents: 60_000 },
    expected: { status: 'eligible', monthlyCents: 173_400 },
  },
  {
    name: 'Couple, 2 children (unit of 4): children add shelter only, $1,134 + $1,074 = $2,208',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 2 },
    expected: { status: 'eligible', monthlyCents: 220_800 },
  },
  {
    name: 'Couple, 3 children (unit of 5): $1,134 + $1,159 = $2,293',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 3 },
    expected: { status: 'eligible', monthlyCents: 229_300 },
  },
  {
    name: 'Couple, 4 children (unit of 6): $1,134 + $1,201 = $2,335',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 4 },
    expected: { status: 'eligible', monthlyCents: 233_500 },
  },
  {
    name: 'Couple, 5 children (unit of 7): the "6 or more" maximum, $2,335',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 5 },
    expected: { status: 'eligible', monthlyCents: 233_500 },
  },
  {
    name: 'Single with 1 dependent adult: $1,219 + $915 = $2,134',
    unit: { province: 'ON', disabled: true, dependentAdults: 1, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 213_400 },
  },
  {
    name: 'Single with 3 dependent adults: $1,441 + $248 + $1,074 = $2,763',
    unit: { province: 'ON', disabled: true, dependentAdults: 3, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 276_300 },
  },
  {
    name: 'Couple, 1 dependent adult, both with a disability: $1,790 + $990 = $2,780',
    unit: { ...couple, disabled: true, spouseDisabled: true, dependentAdults: 1 },
    expected: { status: 'eligible', monthlyCents: 278_000 },
  },
  {
    name: 'Single parent: the sole-support parent supplement is not on file, cannot tell',
    unit: { province: 'ON', disabled: true, children: 1, shelterCostCents: RENT, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['odsp.rate-not-on-file'], missingFacts: [] },
  },
  {
    name: 'Spouse with a disability earns $1,500: $375 counted, $2,049 − $375 = $1,674',
    unit: { ...couple, disabled: false, spouseDisabled: true, spouseEarningsCents: 150_000 },
    expected: { status: 'eligible', monthlyCents: 167_400 },
  },
  {
    name: 'Spouse without a disability has earnings: exemption not encoded, cannot tell',
    unit: { ...couple, disabled: true, spouseDisabled: false, spouseEarningsCents: 10_000 },
    expected: { status: 'cannot-tell', reasons: ['odsp.earnings-exemption-not-encoded'] },
  },
  {
    name: 'Both spouses have earnings: exemption not encoded, cannot tell',
    unit: { ...couple, disabled: true, spouseDisabled: true, earningsCents: 1, spouseEarningsCents: 1 },
    expected: { status: 'cannot-tell', reasons: ['odsp.earnings-exemption-not-encoded'] },
  },
];

const assets: Row[] = [
  {
    name: 'Couple, assets of exactly $50,000: eligible',
    unit: { ...couple, disabled: true, spouseDisabled: false, assetsCents: 5_000_000 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Couple, assets of $50,000.01: not eligible',
    unit: { ...couple, disabled: true, spouseDisabled: false, assetsCents: 5_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Couple, 2 children, assets of exactly $51,000 ($50,000 + 2 × $500): eligible',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 2, assetsCents: 5_100_000 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Couple, 2 children, assets of $51,000.01: not eligible',
    unit: { ...couple, disabled: true, spouseDisabled: false, children: 2, assetsCents: 5_100_001 },
    expected: { status: 'not-eligible' },
  },
  {
    name: 'Single parent, assets of $40,500.01: not eligible even though the rate is not on file',
    unit: { province: 'ON', disabled: true, children: 1, shelterCostCents: RENT, assetsCents: 4_050_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Single parent, assets of exactly $40,500: within the limit, then cannot tell (rate)',
    unit: { province: 'ON', disabled: true, children: 1, shelterCostCents: RENT, assetsCents: 4_050_000 },
    expected: { status: 'cannot-tell', reasons: ['odsp.rate-not-on-file'] },
  },
];

const JULY_2025 = '2025-09-01';
const single2025 = { province: 'ON', disabled: true, shelterCostCents: RENT, assetsCents: 0 } as const;

/** July 2025 indexation: only the single person's $809 + $599 are on file (Daily Bread, secondary). */
const july2025: Row[] = [
  {
    name: 'Single with a disability, rent above the maximum: $809 + $599 = $1,408',
    unit: single2025,
    expected: { status: 'eligible', monthlyCents: 140_800 },
  },
  {
    name: 'Rent of exactly the $599 maximum: $1,408',
    unit: { ...single2025, shelterCostCents: 59_900 },
    expected: { status: 'eligible', monthlyCents: 140_800 },
  },
  {
    name: 'Rent of $598.99, just under the maximum: $1,407.99',
    unit: { ...single2025, shelterCostCents: 59_899 },
    expected: { status: 'eligible', monthlyCents: 140_799 },
  },
  {
    name: '$1,000 of earnings are fully exempt: $1,408',
    unit: { ...single2025, earningsCents: 100_000 },
    expected: { status: 'eligible', monthlyCents: 140_800 },
  },
  {
    name: '$1,000.04 of earnings: 4 ¢ above the exemption, 3 ¢ counted → $1,407.97',
    unit: { ...single2025, earningsCents: 100_004 },
    expected: { status: 'eligible', monthlyCents: 140_797 },
  },
  {
    name: 'Assets of exactly $40,000: eligible',
    unit: { ...single2025, assetsCents: 4_000_000 },
    expected: { status: 'eligible', monthlyCents: 140_800 },
  },
  {
    name: 'Assets of $40,000.01: not eligible',
    unit: { ...single2025, assetsCents: 4_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'Couple: the July 2025 couple rate is not on file, cannot tell',
    unit: { ...couple, disabled: true, spouseDisabled: false },
    expected: { status: 'cannot-tell', reasons: ['odsp.rate-not-on-file'], missingFacts: [] },
  },
  {
    name: 'Couple, both with a disability: not on file, cannot tell',
    unit: { ...couple, disabled: true, spouseDisabled: true },
    expected: { status: 'cannot-tell', reasons: ['odsp.rate-not-on-file'] },
  },
  {
    name: 'Single with 1 dependent adult: not on file, cannot tell',
    unit: { ...single2025, dependentAdults: 1 },
    expected: { status: 'cannot-tell', reasons: ['odsp.rate-not-on-file'] },
  },
  {
    name: 'Couple above the $50,000 asset limit: not eligible even though the rate is not on file',
    unit: { ...couple, disabled: true, spouseDisabled: false, assetsCents: 5_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
];

describe('ODSP — scenario tables (September 2024, and September 2025 for a single person)', () => {
  for (const [title, rows] of [
    ['single person', single],
    ['families', families],
    ['asset limits', assets],
  ] as const) {
    describe(title, () => {
      for (const row of rows) {
        it(row.name, () =>
          assertResult(evaluateOne(odspProgramme, household(row.unit), AS_OF), row.expected),
        );
      }
    });
  }

  describe('from July 2025 (single person only)', () => {
    for (const row of july2025) {
      it(row.name, () =>
        assertResult(evaluateOne(odspProgramme, household(row.unit), JULY_2025), row.expected),
      );
    }
  });

  it("a shelter table dated with some sizes only never lends one size's row to another", () => {
    assert.equal(rowForSizeOrMore({ '1': 59_900 }, 1, 6), 59_900);
    assert.equal(rowForSizeOrMore({ '1': 59_900 }, 3, 6), undefined);
    assert.equal(rowForSizeOrMore({ '1': 59_900 }, 9, 6), undefined);
    assert.equal(rowForSizeOrMore({ '5': 115_900, '6': 120_100 }, 9, 6), 120_100);
  });

  for (const [date, label] of [
    ['2024-06-30', 'before the July 2024 rates'],
    ['2026-07-01', 'from July 2026: that indexation is not on file'],
  ] as const) {
    it(`refuses ${date}, ${label} (NoParametersForDateError)`, () => {
      const ctx = createContext(defaultParameters, { tracing: false });
      assert.throws(() => odspProgramme.evaluate(household(single2025), date, ctx), NoParametersForDateError);
    });
  }

  for (const [date, monthlyCents] of [
    ['2025-06-30', 136_800],
    ['2025-07-01', 140_800],
    ['2026-06-30', 140_800],
  ] as const) {
    it(`single person on ${date}: ${monthlyCents / 100} dollars`, () =>
      assertResult(evaluateOne(odspProgramme, household(single2025), date), {
        status: 'eligible',
        monthlyCents,
      }));
  }

  it('answers for a couple on the last day of the July 2024 table, 30 June 2025', () =>
    assertResult(
      evaluateOne(
        odspProgramme,
        household({ ...couple, disabled: true, spouseDisabled: false }),
        '2025-06-30',
      ),
      {
        status: 'eligible',
        monthlyCents: 204_900,
      },
    ));
});

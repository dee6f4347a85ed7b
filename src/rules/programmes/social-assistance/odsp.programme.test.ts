import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { odspProgramme } from './odsp.programme.ts';
import { assertResult, evaluateOne, household, type Expected, type UnitSpec } from './test-households.ts';

const AS_OF = '2024-09-01';

const table: { name: string; unit: UnitSpec; expected: Expected }[] = [
  {
    name: 'Single with a disability, rent above the maximum: $786 + $582 = $1,368 (ISAC, July 2024)',
    unit: { province: 'ON', disabled: true, shelterCostCents: 100_000, assetsCents: 0 },
    expected: { status: 'eligible', monthlyCents: 136_800 },
  },
  {
    name: '$1,000 of earnings are fully exempt',
    unit: {
      province: 'ON',
      disabled: true,
      earningsCents: 100_000,
      shelterCostCents: 100_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 136_800 },
  },
  {
    name: '$1,500 of earnings: 75 % of $500 = $375 deducted → $993',
    unit: {
      province: 'ON',
      disabled: true,
      earningsCents: 150_000,
      shelterCostCents: 100_000,
      assetsCents: 0,
    },
    expected: { status: 'eligible', monthlyCents: 99_300 },
  },
  {
    name: 'Assets of exactly $40,000: eligible',
    unit: { province: 'ON', disabled: true, shelterCostCents: 100_000, assetsCents: 4_000_000 },
    expected: { status: 'eligible' },
  },
  {
    name: 'Assets of $40,000.01: not eligible',
    unit: { province: 'ON', disabled: true, shelterCostCents: 100_000, assetsCents: 4_000_001 },
    expected: { status: 'not-eligible', reasons: ['social-assistance.assets-above-limit'] },
  },
  {
    name: 'No disability determination: not eligible',
    unit: { province: 'ON', disabled: false, shelterCostCents: 100_000, assetsCents: 0 },
    expected: { status: 'not-eligible', reasons: ['odsp.no-disability-determination'] },
  },
  {
    name: 'Disability status not given: cannot tell, naming it',
    unit: { province: 'ON', shelterCostCents: 100_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', missingFacts: ['people[0].disability.provincialDisability'] },
  },
  {
    name: 'Couple: family rates not encoded, cannot tell',
    unit: { province: 'ON', couple: true, disabled: true, shelterCostCents: 100_000, assetsCents: 0 },
    expected: { status: 'cannot-tell', reasons: ['odsp.family-rates-not-encoded'] },
  },
];

describe('ODSP — scenario table (September 2024)', () => {
  for (const row of table) {
    it(row.name, () => assertResult(evaluateOne(odspProgramme, household(row.unit), AS_OF), row.expected));
  }

  it('refuses July 2025 and later: the indexed split is not on file (NoParametersForDateError)', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const h = household({ province: 'ON', disabled: true, shelterCostCents: 100_000, assetsCents: 0 });
    assert.throws(() => odspProgramme.evaluate(h, '2025-07-01', ctx), NoParametersForDateError);
  });

  it('refuses June 2024, before the July 2024 rates', () => {
    const ctx = createContext(defaultParameters, { tracing: false });
    const h = household({ province: 'ON', disabled: true, shelterCostCents: 100_000, assetsCents: 0 });
    assert.throws(() => odspProgramme.evaluate(h, '2024-06-30', ctx), NoParametersForDateError);
  });
});

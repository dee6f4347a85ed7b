import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gisSpouseNoBenefit, spouseExemption } from './gis.formula.ts';
import type { SeniorsPlan } from './seniors.plan.ts';

/**
 * canada.ca "Table 3 – GIS amounts for an income range of $7,456.00 to $8,687.99" (July–September 2023,
 * spouse of a non-pensioner): maxima then $1,043.45 with a $161.63 top-up, OAS $698.60 (outside our
 * parameter files, so the plan is written out here).
 */
const JULY_2023 = {
  oasMax: 698_60,
  gisMaxSingle: 1043_45,
  topUpSingle: 161_63,
  topUpThresholdCouple: 4000_00,
} as SeniorsPlan;

const ROWS: readonly [number, number][] = [
  [7456_00, 1007_45],
  [7551_99, 1007_45],
  [8416_00, 997_45],
  [8447_99, 997_45],
  [8448_00, 996_45],
  [8495_99, 996_45],
];

test('GIS, spouse receives no benefit: exemption E = 48 × ⌈OAS / 4⌉ = $8,400', () => {
  assert.equal(spouseExemption(JULY_2023), 8400_00);
});

for (const [income, monthly] of ROWS) {
  test(`GIS table 3, July 2023: combined income ${income / 100} → ${monthly / 100}`, () => {
    assert.equal(gisSpouseNoBenefit(JULY_2023, income, 0), monthly);
  });
}

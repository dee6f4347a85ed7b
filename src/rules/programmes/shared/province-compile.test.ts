import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateBatch, evaluateHousehold } from '../../index.ts';
import { householdAnnualCents } from '../../core/result.ts';
import type { Household, ProvinceCode } from '../../model/household.ts';
import {
  adult,
  dollars,
  household,
  income,
  parentOf,
  person,
} from '../../../../test/support/rules/households.ts';

const PROGRAMMES = ['qpp-retirement', 'bc-family-benefit'];

function families(): Household[] {
  const out: Household[] = [];
  for (const province of ['QC', 'BC', 'ON'] as ProvinceCode[])
    for (const afni of [0, 20_000, 45_000, 120_000]) {
      const parent = adult('p', '1988-04-02', income(dollars(afni), 2023, 2024, 2025));
      const kid = person('k', '2019-09-09');
      out.push(household([parent, kid], [parentOf('p', 'k', 1)], province));
      out.push(household([adult('s', '1958-02-02', income(dollars(afni), 2023, 2024, 2025))], [], province));
    }
  return out;
}

test('QPP and BC family benefit: the batch path gives the traced path’s cents in and out of the province', () => {
  for (const asOf of ['2025-09-15', '2026-03-01', '2019-01-01']) {
    const households = families();
    const batch = evaluateBatch(households, { asOf, programmes: PROGRAMMES });
    households.forEach((h, i) => {
      PROGRAMMES.forEach((programme, p) => {
        const traced = householdAnnualCents(evaluateHousehold(h, { asOf, programmes: [programme] }).results);
        assert.ok(
          Object.is(batch.annualCents[i * PROGRAMMES.length + p], traced),
          `${programme} ${h.province} ${asOf}`,
        );
      });
    });
  }
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBatch, evaluateHousehold } from '../../engine.ts';
import { validateHousehold } from '../../model/household.validate.ts';
import type { Household } from '../../model/household.ts';

/** rules-B programmes through the public engine: registry, validation, no-parameters handling, batch. */

const ontarioSingle: Household = {
  province: 'ON',
  people: [
    {
      id: 'a1',
      birthDate: '1959-12-10',
      socialAssistance: { monthlyNetEarningsCents: 0, monthlyOtherIncomeCents: 0 },
      cpp: { earningsByYear: { '2000': 5_000_000, '2010': 5_000_000 }, pensionStartDate: '2025-01-01' },
    },
  ],
  shelterCostCents: 90_000,
  assetsCents: 0,
};

const RULES_B = [
  'cpp-retirement',
  'ei-regular',
  'ontario-works',
  'odsp',
  'bc-income-assistance',
  'alberta-income-support',
];

describe('rules-B programmes in the engine', () => {
  it('are registered and accept the socialAssistance facts of the schema', () => {
    assert.doesNotThrow(() => validateHousehold(ontarioSingle, '2025-03-01'));
    const { results } = evaluateHousehold(ontarioSingle, { asOf: '2025-03-01', programmes: RULES_B });
    assert.deepEqual(
      results.map((r) => [r.programme, r.status]),
      [
        ['cpp-retirement', 'eligible'],
        ['ei-regular', 'not-eligible'],
        ['ontario-works', 'eligible'],
        ['odsp', 'cannot-tell'],
        ['bc-income-assistance', 'not-eligible'],
        ['alberta-income-support', 'not-eligible'],
      ],
    );
  });

  it('turn a date outside the parameters into rates-not-on-file, never an estimate', () => {
    const { results } = evaluateHousehold(ontarioSingle, {
      asOf: '2025-07-01',
      programmes: ['ontario-works'],
    });
    assert.equal(results[0]?.status, 'rates-not-on-file');
    assert.deepEqual(results[0]?.reasons, ['engine.no-parameters-for-date']);
    assert.deepEqual(results[0]?.coverage, {
      parameter: 'on/ow-asset-limit',
      from: '2018-10-01',
      to: '2025-06-30',
    });
  });

  it('answer rates-not-on-file on 22 November 2026 in every province: no rate source reaches that date yet', () => {
    for (const [province, id] of [
      ['ON', 'ontario-works'],
      ['ON', 'odsp'],
      ['BC', 'bc-income-assistance'],
      ['AB', 'alberta-income-support'],
    ] as const) {
      const h: Household = {
        province,
        people: [
          {
            id: 'a1',
            birthDate: '1985-04-01',
            socialAssistance: {
              monthlyNetEarningsCents: 0,
              monthlyOtherIncomeCents: 0,
              barriersToFullEmployment: false,
            },
            disability: { provincialDisability: true },
          },
        ],
        shelterCostCents: 90_000,
        assetsCents: 0,
      };
      const { results } = evaluateHousehold(h, { asOf: '2026-11-22', programmes: [id] });
      assert.deepEqual(
        results.map((r) => [r.status, r.reasons]),
        [['rates-not-on-file', ['engine.no-parameters-for-date']]],
        id,
      );
    }
  });

  it('give the same cents in the batch path', () => {
    const { results } = evaluateHousehold(ontarioSingle, {
      asOf: '2025-03-01',
      programmes: ['ontario-works'],
    });
    const batch = evaluateBatch([ontarioSingle], { asOf: '2025-03-01', programmes: ['ontario-works'] });
    assert.equal(batch.annualCents[0], results[0]?.annualCents);
  });
});

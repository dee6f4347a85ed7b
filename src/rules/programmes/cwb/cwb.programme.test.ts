import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import type { Household, IncomeByType, ProvinceCode } from '../../model/household.ts';
import { adult, dollars, household, spouses } from '../../../../test/support/rules/households.ts';

const year = (y: number, work: number, net = work): Record<string, IncomeByType> => ({
  [String(y)]: { employment: dollars(work), other: dollars(net - work) },
});
const single = (y: number, work: number, net = work, dtc = false, province: ProvinceCode = 'ON'): Household =>
  household(
    [adult('a', '1990-01-01', year(y, work, net), { disability: { dtcEligible: dtc } })],
    [],
    province,
  );
const couple = (y: number, work: number, net: number, dtcA: boolean, dtcB: boolean): Household =>
  household(
    [
      adult('a', '1990-01-01', year(y, work, net), { disability: { dtcEligible: dtcA } }),
      adult('b', '1990-01-01', year(y, 0), { disability: { dtcEligible: dtcB } }),
    ],
    [spouses('a', 'b')],
  );

/** CRA CWB figures (2022 amounts page; 2024 net-income cut-offs $36,749/$42,221; see cwb/amounts.yaml). */
const SCENARIOS: readonly {
  name: string;
  date: string;
  household: Household;
  expected: number | 'not-eligible' | 'cannot-tell' | 'rates-not-on-file';
}[] = [
  {
    name: '2024 single, $10,000: maximum $1,590',
    date: '2024-06-01',
    household: single(2024, 10000),
    expected: 1590_00,
  },
  {
    name: '2024 single, $5,000: 27 % above $3,000',
    date: '2024-06-01',
    household: single(2024, 5000),
    expected: 540_00,
  },
  {
    name: '2024 single, $3,000 working income: nil',
    date: '2024-06-01',
    household: single(2024, 3000),
    expected: 'not-eligible',
  },
  {
    name: '2024 single, net $36,748: 15 cents',
    date: '2024-06-01',
    household: single(2024, 30000, 36748),
    expected: 15,
  },
  {
    name: '2024 single, net $36,749: basic amount ends',
    date: '2024-06-01',
    household: single(2024, 30000, 36749),
    expected: 'not-eligible',
  },
  {
    name: '2024 family, $20,000: $2,739',
    date: '2024-06-01',
    household: couple(2024, 20000, 20000, false, false),
    expected: 2739_00,
  },
  {
    name: '2024 single with DTC, $10,000: $1,590 + $821',
    date: '2024-06-01',
    household: single(2024, 10000, 10000, true),
    expected: 2411_00,
  },
  {
    name: '2024 single with DTC, net $42,221: supplement ends (5 cents left)',
    date: '2024-06-01',
    household: single(2024, 30000, 42221, true),
    expected: 5,
  },
  {
    name: '2024 single with DTC, net $42,222: nil',
    date: '2024-06-01',
    household: single(2024, 30000, 42222, true),
    expected: 'not-eligible',
  },
  {
    name: '2024 both spouses DTC, net $50,000: 7.5 % each',
    date: '2024-06-01',
    household: couple(2024, 20000, 50000, true, true),
    expected: 2 * 677_82,
  },
  {
    name: '2022 single, $10,000: maximum $1,428',
    date: '2022-06-01',
    household: single(2022, 10000),
    expected: 1428_00,
  },
  {
    name: '2023: single, $10,000 → the indexed 2023 maximum $1,518 (ITA s. 117.1)',
    date: '2023-06-01',
    household: single(2023, 10000),
    expected: 1518_00,
  },
  {
    name: '2021: before our parameter coverage → rates not on file',
    date: '2021-06-01',
    household: single(2021, 10000),
    expected: 'rates-not-on-file',
  },
  {
    name: 'Quebec sets its own CWB → cannot tell',
    date: '2024-06-01',
    household: single(2024, 10000, 10000, false, 'QC'),
    expected: 'cannot-tell',
  },
  {
    name: 'Alberta, no working income → not eligible (every province needs working income)',
    date: '2024-06-01',
    household: single(2024, 0, 12000, false, 'AB'),
    expected: 'not-eligible',
  },
  {
    name: 'Quebec couple, neither works → not eligible',
    date: '2024-06-01',
    household: household(
      [adult('a', '1956-01-01', year(2024, 0, 18000)), adult('b', '1958-01-01', year(2024, 0, 6000))],
      [spouses('a', 'b')],
      'QC',
    ),
    expected: 'not-eligible',
  },
];

for (const s of SCENARIOS) {
  test(`cwb: ${s.name}`, () => {
    const [r] = evaluateHousehold(s.household, { asOf: s.date, programmes: ['cwb'] }).results;
    if (typeof s.expected === 'number') {
      assert.equal(r?.status, 'eligible', JSON.stringify(r?.reasons));
      assert.equal(r?.annualCents, s.expected);
    } else assert.equal(r?.status, s.expected);
  });
}

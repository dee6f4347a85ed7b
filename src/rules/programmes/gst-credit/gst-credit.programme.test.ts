import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import type { Household } from '../../model/household.ts';
import {
  adult,
  dollars,
  household,
  income,
  parentOf,
  person,
  spouses,
} from '../../../../test/support/rules/households.ts';

const Y = [2021, 2022, 2023, 2024];
const single = (net: number, birthDate = '1980-01-01'): Household =>
  household([adult('a', birthDate, income(dollars(net), ...Y))]);
const married = (net: number, kids: number): Household => {
  const children = Array.from({ length: kids }, (_, i) => person(`c${i}`, `201${i}-05-01`));
  return household(
    [
      adult('a', '1980-01-01', income(dollars(net), ...Y)),
      adult('b', '1981-01-01', income(0, ...Y)),
      ...children,
    ],
    [spouses('a', 'b'), ...children.map((c) => parentOf('a', c.id))],
  );
};
const singleParent = (net: number, share = 1): Household =>
  household(
    [adult('a', '1980-01-01', income(dollars(net), ...Y)), person('c', '2015-01-01')],
    [parentOf('a', 'c', share)],
  );

/** CRA GST/HST credit calculation sheets and payments chart (see gst-credit/amounts.yaml). */
const SCENARIOS: readonly {
  name: string;
  date: string;
  household: Household;
  expected: number | 'not-eligible';
}[] = [
  {
    name: '2024–25 chart: single, $15,000 → $419.22',
    date: '2024-07-15',
    household: single(15000),
    expected: 419_22,
  },
  {
    name: '2024–25 chart: single, $20,000 → $519.00',
    date: '2024-07-15',
    household: single(20000),
    expected: 519_00,
  },
  {
    name: '2024–25 chart: married, no child, $50,000 → $396.20',
    date: '2024-07-15',
    household: married(50000, 0),
    expected: 396_20,
  },
  {
    name: '2025–26 chart: single, $12,000 → $362.26',
    date: '2025-07-15',
    household: single(12000),
    expected: 362_26,
  },
  {
    name: '2025–26 chart: married, 2 children, $50,000 → $842.05',
    date: '2025-07-15',
    household: married(50000, 2),
    expected: 842_05,
  },
  {
    name: 'singles supplement starts above $11,039',
    date: '2024-07-15',
    household: single(11039),
    expected: 340_00,
  },
  {
    name: 'reduction threshold $44,324: none',
    date: '2024-07-15',
    household: single(44324),
    expected: 519_00,
  },
  {
    name: 'reduction threshold + $1: 5 cents',
    date: '2024-07-15',
    household: single(44325),
    expected: 518_95,
  },
  {
    name: 'single parent: dependant at the adult rate + full supplement',
    date: '2024-07-15',
    household: singleParent(30000),
    expected: 340_00 + 340_00 + 179_00,
  },
  {
    name: 'single parent, shared custody: half of what the child adds',
    date: '2024-07-15',
    household: singleParent(30000, 0.5),
    expected: 519_00 + 170_00,
  },
  {
    name: 'child living here 30 % of the time: not counted',
    date: '2024-07-15',
    household: singleParent(30000, 0.3),
    expected: 519_00,
  },
  { name: '2022–23 single, no income: $306', date: '2022-07-15', household: single(0), expected: 306_00 },
  {
    name: 'aged 18, no spouse or child: not eligible',
    date: '2024-07-15',
    household: single(10000, '2006-01-01'),
    expected: 'not-eligible',
  },
  {
    name: 'income so high the credit is nil',
    date: '2024-07-15',
    household: single(60000),
    expected: 'not-eligible',
  },
];

for (const s of SCENARIOS) {
  test(`gst-credit: ${s.name}`, () => {
    const [r] = evaluateHousehold(s.household, { asOf: s.date, programmes: ['gst-credit'] }).results;
    if (typeof s.expected === 'number') {
      assert.equal(r?.status, 'eligible');
      assert.equal(r?.annualCents, s.expected);
      assert.equal(r?.period, 'quarter');
    } else assert.equal(r?.status, s.expected);
  });
}

test('gst-credit: quarter is a quarter of the annual credit, half up', () => {
  const [r] = evaluateHousehold(single(15000), { asOf: '2024-07-15', programmes: ['gst-credit'] }).results;
  assert.equal(r?.periodCents, 104_81);
});

test('gst-credit: missing income → cannot-tell', () => {
  const [r] = evaluateHousehold(single(15000), { asOf: '2025-07-15', programmes: ['gst-credit'] }).results;
  assert.equal(r?.status, 'eligible');
  const [missing] = evaluateHousehold(household([adult('a', '1980-01-01', {})]), {
    asOf: '2025-07-15',
    programmes: ['gst-credit'],
  }).results;
  assert.deepEqual([missing?.status, missing?.missingFacts], ['cannot-tell', ['/people/0/income/2024']]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import type { Household, Person } from '../../model/household.ts';
import {
  adult,
  dollars,
  household,
  income,
  parentOf,
  person,
  spouses,
} from '../../../../test/support/rules/households.ts';

const kids = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => person(`c${i + 1}`, `2018-0${i + 1}-01`));

/** One parent, or two (the second with no income), with `n` children, AFNI in the base year 2024. */
function bcFamily(
  afniDollars: number,
  n: number,
  options: { couple?: boolean; share?: number } = {},
): Household {
  const parents = [adult('p1', '1988-01-01', income(dollars(afniDollars), 2024, 2025))];
  if (options.couple) parents.push(adult('p2', '1989-01-01', income(0, 2024, 2025)));
  const children = kids(n);
  return household(
    [...parents, ...children],
    [
      ...(options.couple ? [spouses('p1', 'p2')] : []),
      ...children.map((c) => parentOf('p1', c.id, options.share ?? 1)),
    ],
    'BC',
  );
}

interface Scenario {
  readonly name: string;
  readonly period: string;
  readonly input: Household;
  /** Annual cents, or a status with its reason. */
  readonly expected: number | { status: string; reason: string };
}

/** CRA, BC family benefit July 2025 to June 2026: $1,750 / $1,100 / $900, +$500 single parent, 4 %. */
const SCENARIOS: readonly Scenario[] = [
  {
    name: 'couple, one child, low income: the maximum',
    period: '2025-09-15',
    input: bcFamily(25000, 1, { couple: true }),
    expected: 1750_00,
  },
  {
    name: 'single parent, one child, low income: maximum and supplement',
    period: '2025-09-15',
    input: bcFamily(20000, 1),
    expected: 2250_00,
  },
  // 2,850 − 4 % × (50,000 − 29,526) = 2,850 − 818.96
  {
    name: 'couple, two children, $50,000',
    period: '2025-09-15',
    input: bcFamily(50000, 2, { couple: true }),
    expected: 2031_04,
  },
  // 1,750 − 4 % × 30,474 = 531.04, below the $775 minimum
  {
    name: 'couple, one child, $60,000: the minimum',
    period: '2025-09-15',
    input: bcFamily(60000, 1, { couple: true }),
    expected: 775_00,
  },
  // 775 − 4 % × (100,000 − 94,483)
  {
    name: 'couple, one child, $100,000: the minimum, reduced',
    period: '2025-09-15',
    input: bcFamily(100000, 1, { couple: true }),
    expected: 554_32,
  },
  // 4,250 − 4 % × 10,474
  {
    name: 'single parent, three children, $40,000',
    period: '2025-09-15',
    input: bcFamily(40000, 3),
    expected: 3831_04,
  },
  {
    name: 'couple, one child, $120,000',
    period: '2025-09-15',
    input: bcFamily(120000, 1, { couple: true }),
    expected: { status: 'not-eligible', reason: 'bcfb.income-above-threshold' },
  },
  {
    name: 'a family in Ontario',
    period: '2025-09-15',
    input: { ...bcFamily(20000, 1), province: 'ON' },
    expected: { status: 'not-eligible', reason: 'bcfb.outside-bc' },
  },
  {
    name: 'shared custody',
    period: '2025-09-15',
    input: bcFamily(20000, 1, { share: 0.5 }),
    expected: { status: 'cannot-tell', reason: 'bcfb.shared-custody-not-modelled' },
  },
  {
    name: 'July 2026: not on file',
    period: '2026-12-02',
    input: bcFamily(20000, 1),
    expected: { status: 'rates-not-on-file', reason: 'engine.no-parameters-for-date' },
  },
  {
    name: 'before July 2025: not on file',
    period: '2025-03-01',
    input: bcFamily(20000, 1),
    expected: { status: 'rates-not-on-file', reason: 'engine.no-parameters-for-date' },
  },
];

for (const s of SCENARIOS) {
  test(`BC family benefit: ${s.name}`, () => {
    const [r] = evaluateHousehold(s.input, { asOf: s.period, programmes: ['bc-family-benefit'] }).results;
    if (typeof s.expected === 'number') {
      assert.equal(r?.status, 'eligible', JSON.stringify(r?.reasons));
      assert.equal(r?.annualCents, s.expected);
      assert.equal(r?.periodCents, Math.floor(s.expected / 12));
    } else {
      assert.equal(r?.status, s.expected.status);
      assert.deepEqual(r?.reasons, [s.expected.reason]);
    }
  });
}

test('BC family benefit: a date outside coverage names the range on file', () => {
  const [r] = evaluateHousehold(bcFamily(20000, 1), {
    asOf: '2025-03-01',
    programmes: ['bc-family-benefit'],
  }).results;
  assert.deepEqual(r?.coverage, { parameter: 'bc/family-benefit', from: '2025-07-01', to: '2026-06-30' });
});

test('BC family benefit: one child of a couple is $145.83 a month, as CRA publishes', () => {
  const [r] = evaluateHousehold(bcFamily(25000, 1, { couple: true }), {
    asOf: '2025-09-15',
    programmes: ['bc-family-benefit'],
  }).results;
  assert.equal(r?.periodCents, 145_83);
});

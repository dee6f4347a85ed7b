import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import { dollars, family } from '../../../../test/support/rules/households.ts';
import type { Household } from '../../model/household.ts';

interface Scenario {
  readonly name: string;
  readonly date: string;
  readonly household: Household;
  readonly expected: { annual: number; monthly?: number; status?: string };
}

const Y = [2021, 2022, 2023, 2024];
const under6 = { birthDate: '2021-01-10' };
const age9 = { birthDate: '2015-01-10' };

/** Official figures: CRA CCB calculation sheets and the CDB guideline table (see parameter references). */
const CCB: readonly Scenario[] = [
  {
    name: '2022–23 maximum, one child under 6',
    date: '2022-07-15',
    household: family(dollars(30000), Y, [under6]),
    expected: { annual: 6997_00 },
  },
  {
    name: '2023–24 two children, AFNI $100,000 (step 2)',
    date: '2023-08-01',
    household: family(dollars(100000), Y, [{ birthDate: '2020-05-01' }, age9]),
    expected: { annual: 6826_61 },
  },
  {
    name: '2024–25 under 6 at the first threshold',
    date: '2024-07-15',
    household: family(dollars(36502), Y, [under6]),
    expected: { annual: 7787_00, monthly: 648_91 },
  },
  {
    name: '2024–25 under 6, $1 above the first threshold',
    date: '2024-07-15',
    household: family(dollars(36503), Y, [under6]),
    expected: { annual: 7786_93 },
  },
  {
    name: '2024–25 at the second threshold (step 1 only)',
    date: '2024-07-15',
    household: family(dollars(79087), Y, [under6]),
    expected: { annual: 4806_05 },
  },
  {
    name: '2024–25 $1 above the second threshold (fixed $2,981 + 3.2 %)',
    date: '2024-07-15',
    household: family(dollars(79088), Y, [under6]),
    expected: { annual: 4805_97 },
  },
  {
    name: '2024–25 aged 6 to 17',
    date: '2024-07-15',
    household: family(dollars(20000), Y, [age9]),
    expected: { annual: 6570_00, monthly: 547_50 },
  },
  {
    name: '2025–26 under 6 maximum',
    date: '2025-07-15',
    household: family(dollars(20000), Y, [under6]),
    expected: { annual: 7997_00, monthly: 666_41 },
  },
  {
    name: 'shared custody below the threshold: half',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [{ ...under6, share: 0.5 }]),
    expected: { annual: 3893_50 },
  },
  {
    name: 'shared custody above the threshold: half of the full-custody result',
    date: '2024-07-15',
    household: family(dollars(60000), Y, [{ ...under6, share: 0.5 }]),
    expected: { annual: 3071_07 },
  },
  {
    name: 'custody 39 %: not eligible',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [{ ...under6, share: 0.39 }]),
    expected: { annual: 0, status: 'not-eligible' },
  },
  {
    name: 'custody 40 %: shared',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [{ ...under6, share: 0.4 }]),
    expected: { annual: 3893_50 },
  },
  {
    name: 'custody 60 %: shared',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [{ ...under6, share: 0.6 }]),
    expected: { annual: 3893_50 },
  },
  {
    name: 'custody 61 %: full',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [{ ...under6, share: 0.61 }]),
    expected: { annual: 7787_00 },
  },
  {
    name: 'turning 6 in March: under-6 rate for March',
    date: '2025-03-20',
    household: family(dollars(30000), Y, [{ birthDate: '2019-03-15' }]),
    expected: { annual: 7787_00 },
  },
  {
    name: 'turning 6 in March: 6–17 rate from April',
    date: '2025-04-02',
    household: family(dollars(30000), Y, [{ birthDate: '2019-03-15' }]),
    expected: { annual: 6570_00 },
  },
  {
    name: 'turning 18 in December: paid for December',
    date: '2025-12-05',
    household: family(dollars(30000), Y, [{ birthDate: '2007-12-10' }]),
    expected: { annual: 6748_00 },
  },
  {
    name: 'turning 18 in December: nothing in January',
    date: '2026-01-05',
    household: family(dollars(30000), Y, [{ birthDate: '2007-12-10' }]),
    expected: { annual: 0, status: 'not-eligible' },
  },
  {
    name: 'income so high the benefit is nil',
    date: '2024-07-15',
    household: family(dollars(300000), Y, [age9]),
    expected: { annual: 0, status: 'not-eligible' },
  },
];

const CDB: readonly Scenario[] = [
  {
    name: 'one child at $85,000 → $261.06 a month',
    date: '2024-07-15',
    household: family(dollars(85000), Y, [{ ...age9, dtc: true }]),
    expected: { annual: 3132_78, monthly: 261_06 },
  },
  {
    name: 'two children under $75,000 → $553.66',
    date: '2024-07-15',
    household: family(dollars(70000), Y, [
      { ...age9, dtc: true },
      { ...under6, dtc: true },
    ]),
    expected: { annual: 6644_00, monthly: 553_66 },
  },
  {
    name: 'three children at $85,000 → $802.41',
    date: '2024-07-15',
    household: family(dollars(85000), Y, [
      { ...age9, dtc: true },
      { ...under6, dtc: true },
      { birthDate: '2012-01-01', dtc: true },
    ]),
    expected: { annual: 9628_96, monthly: 802_41 },
  },
  {
    name: 'two children at $195,000 → $3.07 (truncated from the exact amount)',
    date: '2024-07-15',
    household: family(dollars(195000), Y, [
      { ...age9, dtc: true },
      { ...under6, dtc: true },
    ]),
    expected: { annual: 36_96, monthly: 3_07 },
  },
  {
    name: 'one child at $185,000 → nil',
    date: '2024-07-15',
    household: family(dollars(185000), Y, [{ ...age9, dtc: true }]),
    expected: { annual: 0, status: 'not-eligible' },
  },
  {
    name: 'no DTC-eligible child',
    date: '2024-07-15',
    household: family(dollars(30000), Y, [age9]),
    expected: { annual: 0, status: 'not-eligible' },
  },
];

function run(programme: string, scenarios: readonly Scenario[]): void {
  for (const s of scenarios) {
    test(`${programme}: ${s.name}`, () => {
      const [result] = evaluateHousehold(s.household, { asOf: s.date, programmes: [programme] }).results;
      assert.ok(result);
      assert.equal(result.annualCents, s.expected.annual);
      assert.equal(result.status, s.expected.status ?? 'eligible');
      if (s.expected.monthly !== undefined) assert.equal(result.periodCents, s.expected.monthly);
    });
  }
}

run('ccb', CCB);
run('cdb', CDB);

test('ccb: outside coverage → rates not on file, never the nearest year', () => {
  for (const date of ['2020-06-30', '2027-07-01']) {
    const [r] = evaluateHousehold(family(dollars(30000), [2020, 2021, 2025], [age9]), {
      asOf: date,
      programmes: ['ccb'],
    }).results;
    assert.equal(r?.status, 'rates-not-on-file');
    assert.deepEqual(r?.reasons, ['engine.no-parameters-for-date']);
  }
});

test('ccb: missing base-year income → cannot-tell naming the fact', () => {
  const [r] = evaluateHousehold(family(dollars(30000), [2022], [age9]), {
    asOf: '2024-07-15',
    programmes: ['ccb'],
  }).results;
  assert.equal(r?.status, 'cannot-tell');
  assert.deepEqual(r?.missingFacts, ['/people/0/income/2023']);
});

test('ccb: trace records parameter files, dates and values', () => {
  const [r] = evaluateHousehold(family(dollars(30000), Y, [age9]), {
    asOf: '2024-07-15',
    programmes: ['ccb'],
  }).results;
  const first = r?.trace[0]?.parameters?.find((p) => p.file === 'ccb/max-6-to-17.yaml');
  assert.deepEqual([first?.effective, first?.value], ['2024-07-01', 6570_00]);
});

test('ccb: a temporary resident is paid the amount and told the 18-month condition applies', () => {
  const h = family(dollars(30000), Y, [age9]);
  const temporary: Household = {
    ...h,
    people: h.people.map((p) =>
      p.id === 'parent' ? { ...p, residence: { status: 'temporary-resident', livesInCanada: true } } : p,
    ),
  };
  const [r] = evaluateHousehold(temporary, { asOf: '2024-07-15', programmes: ['ccb'] }).results;
  assert.equal(r?.status, 'eligible');
  assert.deepEqual(r?.reasons, ['ccb.eligible', 'ccb.temporary-resident-conditions']);
  const [citizen] = evaluateHousehold(h, { asOf: '2024-07-15', programmes: ['ccb'] }).results;
  assert.equal(citizen?.annualCents, r?.annualCents);
  assert.deepEqual(citizen?.reasons, ['ccb.eligible']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import type { Household, Person } from '../../model/household.ts';
import { adult, dollars, household, income, spouses } from '../../../../test/support/rules/households.ts';

interface Scenario {
  readonly name: string;
  readonly date: string;
  readonly household: Household;
  /** Monthly cents for the first person, or a status. */
  readonly expected: number | 'not-eligible' | 'cannot-tell';
}

const YEARS = [2023, 2024, 2025];
const senior = (id: string, birthDate: string, yearlyIncome: number, extra: Partial<Person> = {}): Person =>
  adult(id, birthDate, income(dollars(yearlyIncome), ...YEARS), {
    residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 },
    ...extra,
  });
const single = (p: Person): Household => household([p]);
const couple = (a: Person, b: Person): Household => household([a, b], [spouses(a.id, b.id)]);
const withYears = (years: number, livesInCanada = true) => ({
  residence: { status: 'citizen' as const, livesInCanada, yearsInCanadaAfter18: years },
});

const ALLOWANCE: readonly Scenario[] = [
  {
    name: 'aged 61, spouse a pensioner, no income: maximum',
    date: '2026-01-15',
    household: couple(senior('b', '1964-06-01', 0), senior('a', '1958-06-01', 0)),
    expected: 1409_72,
  },
  {
    name: 'at the combined cut-off $41,616: nil',
    date: '2026-01-15',
    household: couple(senior('b', '1964-06-01', 41616), senior('a', '1958-06-01', 0)),
    expected: 'not-eligible',
  },
  {
    name: 'just under the cut-off ($41,568): $0.74',
    date: '2026-01-15',
    household: couple(senior('b', '1964-06-01', 41568), senior('a', '1958-06-01', 0)),
    expected: 74,
  },
  {
    name: 'spouse not a pensioner',
    date: '2026-01-15',
    household: couple(senior('b', '1964-06-01', 0), senior('a', '1966-06-01', 0)),
    expected: 'not-eligible',
  },
  {
    name: 'partial residence: cannot tell yet',
    date: '2026-01-15',
    household: couple(senior('b', '1964-06-01', 0, withYears(20)), senior('a', '1958-06-01', 0)),
    expected: 'cannot-tell',
  },
];

const SURVIVOR: readonly Scenario[] = [
  {
    name: 'widowed, aged 62, no income: maximum',
    date: '2026-01-15',
    household: single(senior('a', '1963-06-01', 0, { maritalStatus: 'widowed' })),
    expected: 1680_47,
  },
  {
    name: 'widowed, at the cut-off $30,312: nil',
    date: '2026-01-15',
    household: single(senior('a', '1963-06-01', 30312, { maritalStatus: 'widowed' })),
    expected: 'not-eligible',
  },
  {
    name: 'divorced: not eligible',
    date: '2026-01-15',
    household: single(senior('a', '1963-06-01', 0, { maritalStatus: 'divorced' })),
    expected: 'not-eligible',
  },
  {
    name: 'marital status not given: cannot tell',
    date: '2026-01-15',
    household: single(senior('a', '1963-06-01', 0)),
    expected: 'cannot-tell',
  },
  {
    name: 'aged 59: not eligible',
    date: '2026-01-15',
    household: single(senior('a', '1966-06-01', 0, { maritalStatus: 'widowed' })),
    expected: 'not-eligible',
  },
];

function run(programme: string, scenarios: readonly Scenario[]): void {
  for (const s of scenarios) {
    test(`${programme}: ${s.name}`, () => {
      const [r] = evaluateHousehold(s.household, { asOf: s.date, programmes: [programme] }).results;
      assert.ok(r);
      if (typeof s.expected === 'number') {
        assert.equal(r.status, 'eligible', JSON.stringify(r.reasons));
        assert.equal(r.periodCents, s.expected);
        assert.equal(r.annualCents, s.expected * 12);
      } else {
        assert.equal(r.status, s.expected, JSON.stringify(r.reasons));
      }
    });
  }
}

run('allowance', ALLOWANCE);
run('afs', SURVIVOR);

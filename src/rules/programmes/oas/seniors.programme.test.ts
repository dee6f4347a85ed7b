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
  readonly expected: number | 'not-eligible' | 'cannot-tell' | 'rates-not-on-file';
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

/** ESDC quarterly amounts (oas-amounts-en.json) and OAS Act rules; January–March 2026 unless stated. */
const OAS: readonly Scenario[] = [
  {
    name: 'full pension 65–74',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000)),
    expected: 742_31,
  },
  {
    name: 'full pension 75+',
    date: '2026-01-15',
    household: single(senior('a', '1948-06-01', 20000)),
    expected: 816_54,
  },
  {
    name: 'partial: 20 years → 20/40, half up',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000, withYears(20))),
    expected: 371_16,
  },
  {
    name: '10 years: minimum partial pension',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000, withYears(10))),
    expected: 185_58,
  },
  {
    name: '9 years: not eligible',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000, withYears(9))),
    expected: 'not-eligible',
  },
  {
    name: 'abroad with 19 years: not paid',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000, withYears(19, false))),
    expected: 'not-eligible',
  },
  {
    name: 'abroad with 20 years: paid',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 20000, withYears(20, false))),
    expected: 371_16,
  },
  {
    name: 'turns 65 in January: not yet in January',
    date: '2026-01-20',
    household: single(senior('a', '1961-01-05', 20000)),
    expected: 'not-eligible',
  },
  {
    name: 'turns 65 in January: paid from February',
    date: '2026-02-01',
    household: single(senior('a', '1961-01-05', 20000)),
    expected: 742_31,
  },
  {
    name: 'turns 75 in December: 65–74 rate in December',
    date: '2025-12-15',
    household: single(senior('a', '1950-12-10', 20000)),
    expected: 740_09,
  },
  {
    name: 'turns 75 in December: 75+ rate from January',
    date: '2026-01-15',
    household: single(senior('a', '1950-12-10', 20000)),
    expected: 816_54,
  },
  {
    name: 'deferred 12 months (Apr–Jun 2026: $796.55)',
    date: '2026-04-15',
    household: single(senior('a', '1960-01-10', 20000, { oas: { startDate: '2026-02-01' } })),
    expected: 796_55,
  },
  {
    name: 'deferred 60 months, capped at 36 % ($1,010.55)',
    date: '2026-04-15',
    household: single(senior('a', '1956-01-10', 20000, { oas: { startDate: '2026-02-01' } })),
    expected: 1010_55,
  },
  {
    name: 'recovery tax: 2024 income $1,500 a year above $90,997',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 100997)),
    expected: 742_31 - 125_00,
  },
  {
    name: 'recovery tax at the threshold: none',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 90997)),
    expected: 742_31,
  },
  {
    name: 'fully recovered',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 200000)),
    expected: 'not-eligible',
  },
  {
    name: 'before our coverage (2023)',
    date: '2023-12-15',
    household: single(senior('a', '1950-06-01', 20000)),
    expected: 'rates-not-on-file',
  },
  {
    name: 'residence not given',
    date: '2026-01-15',
    household: single(adult('a', '1958-06-01', income(0, ...YEARS))),
    expected: 'cannot-tell',
  },
];

const GIS: readonly Scenario[] = [
  {
    name: 'single, no income: maximum',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 0)),
    expected: 1108_74,
  },
  {
    name: 'single, $22,487: $1.00 (just under the cut-off)',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 22487)),
    expected: 1_00,
  },
  {
    name: 'single at the cut-off $22,488: nil',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 22488)),
    expected: 'not-eligible',
  },
  {
    name: 'single, partial OAS (20 years) gets the difference',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 0, withYears(20))),
    expected: 1108_74 + (742_31 - 371_16),
  },
  {
    name: 'single, $15,000 earnings: $10,000 exempt',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 0, { income: { '2024': { employment: dollars(15000) } } })),
    expected: 937_00 - 208_00 + (171_74 - 62_00),
  },
  {
    name: 'both spouses get OAS, no income',
    date: '2026-01-15',
    household: couple(senior('a', '1958-06-01', 0), senior('b', '1957-06-01', 0)),
    expected: 667_41,
  },
  {
    name: 'both spouses get OAS, at the cut-off $29,712',
    date: '2026-01-15',
    household: couple(senior('a', '1958-06-01', 29712), senior('b', '1957-06-01', 0)),
    expected: 'not-eligible',
  },
  {
    name: 'spouse gets no benefit (aged 55), no income',
    date: '2026-01-15',
    household: couple(senior('a', '1958-06-01', 0), senior('b', '1971-06-01', 0)),
    expected: 1108_74,
  },
  {
    name: 'spouse gets no benefit, at the cut-off $53,904',
    date: '2026-01-15',
    household: couple(senior('a', '1958-06-01', 53904), senior('b', '1971-06-01', 0)),
    expected: 'not-eligible',
  },
  {
    name: 'spouse gets the Allowance, no income',
    date: '2026-01-15',
    household: couple(senior('a', '1958-06-01', 0), senior('b', '1964-06-01', 0)),
    expected: 667_41,
  },
  {
    name: 'living abroad: no supplement',
    date: '2026-01-15',
    household: single(senior('a', '1958-06-01', 0, withYears(30, false))),
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

run('oas', OAS);
run('gis', GIS);

test('oas: residence periods after 18 are added up and rounded down to whole years', () => {
  const periods = {
    status: 'citizen' as const,
    livesInCanada: true,
    periodsInCanada: [{ from: '1970-01-01', to: '1996-01-01' }],
  };
  const h = single(adult('a', '1958-06-01', income(0, ...YEARS), { residence: periods }));
  const [r] = evaluateHousehold(h, { asOf: '2026-01-15', programmes: ['oas'] }).results;
  // From the 18th birthday (1976-06-01) to 1996-01-01: 19 years and 7 months → 19/40.
  assert.equal(r?.periodCents, 352_60);
});

test('oas: missing residence names the fact', () => {
  const [r] = evaluateHousehold(single(adult('a', '1958-06-01', income(0, ...YEARS))), {
    asOf: '2026-01-15',
    programmes: ['oas'],
  }).results;
  assert.deepEqual(r?.missingFacts, ['/people/0/residence/yearsInCanadaAfter18']);
});

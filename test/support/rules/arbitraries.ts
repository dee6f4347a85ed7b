import fc from 'fast-check';
import type { Household, IncomeByType, Person, Relationship } from '../../../src/rules/model/household.ts';

/** Random households that stress every branch: ages 0–100, optional facts, shared custody, couples. */

const date = (from: number, to: number) =>
  fc
    .tuple(
      fc.integer({ min: from, max: to }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const cents = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 25_000_000 }),
  fc.integer({ min: 0, max: 6_000_000 }),
);

const incomeYear: fc.Arbitrary<IncomeByType> = fc.record(
  { employment: cents, selfEmployment: cents, cpp: cents, investment: cents, other: cents },
  { requiredKeys: [] },
);

const income = fc.dictionary(fc.constantFrom('2020', '2021', '2022', '2023', '2024', '2025'), incomeYear, {
  minKeys: 0,
  maxKeys: 6,
});

const residence = fc.option(
  fc.record(
    {
      status: fc.constantFrom('citizen', 'permanent-resident', 'temporary-resident', 'other'),
      livesInCanada: fc.boolean(),
      yearsInCanadaAfter18: fc.integer({ min: 0, max: 60 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const personArb = (id: string): fc.Arbitrary<Person> =>
  fc
    .record({
      birthDate: date(1925, 2025),
      maritalStatus: fc.option(fc.constantFrom('single', 'married', 'widowed', 'divorced'), {
        nil: undefined,
      }),
      dtc: fc.boolean(),
      residence,
      income,
      start: fc.option(date(2015, 2026), { nil: undefined }),
    })
    .map((r) => ({
      id,
      birthDate: r.birthDate,
      ...(r.maritalStatus ? { maritalStatus: r.maritalStatus } : {}),
      disability: { dtcEligible: r.dtc },
      ...(r.residence ? { residence: r.residence } : {}),
      income: r.income,
      ...(r.start ? { oas: { startDate: r.start } } : {}),
    }));

const SHARES = [0, 0.3, 0.4, 0.5, 0.6, 0.61, 1];

export const householdArb: fc.Arbitrary<Household> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      people: fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i}`))),
      spouse: fc.boolean(),
      links: fc.array(fc.tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(...SHARES)), { maxLength: 4 }),
      province: fc.constantFrom('ON', 'BC', 'AB', 'QC', 'NS'),
    }),
  )
  .map(({ people, spouse, links, province }) => {
    const relationships: Relationship[] = [];
    if (spouse && people.length > 1)
      relationships.push({ type: 'spouse', partners: ['p0', 'p1'], kind: 'married' });
    const seen = new Set<number>();
    for (const [child, share] of links) {
      if (child >= people.length || seen.has(child)) continue;
      seen.add(child);
      relationships.push({ type: 'parent', parentId: 'p0', childId: `p${child}`, custodyShare: share });
    }
    return { province, people, relationships } as Household;
  });

export const asOfArb = fc.constantFrom(
  '2022-06-30',
  '2022-07-15',
  '2023-03-01',
  '2023-11-20',
  '2024-01-15',
  '2024-05-31',
  '2024-08-01',
  '2024-12-24',
  '2025-04-10',
  '2025-07-01',
  '2025-10-31',
  '2026-02-14',
  '2026-06-30',
  '2026-07-01',
);

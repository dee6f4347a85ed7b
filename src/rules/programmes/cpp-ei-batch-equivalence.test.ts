import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateBatch, evaluateHousehold } from '../index.ts';
import { householdAnnualCents } from '../core/result.ts';
import type { CppFacts, EiFacts, EiWeek, Household, Person } from '../model/household.ts';
import { addDays, benefitPeriodStart } from './ei/ei-weeks.ts';

/** Random CPP contributors and EI claimants: the compiled fast paths must give the traced path's cents. */

const PROGRAMMES = ['cpp-retirement', 'ei-regular'];

const isoDate = (from: number, to: number) =>
  fc
    .tuple(
      fc.integer({ min: from, max: to }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const yearCents = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 400_000 }),
  fc.integer({ min: 0, max: 12_000_000 }),
);

const cppArb: fc.Arbitrary<CppFacts> = fc
  .record({
    earnings: fc.dictionary(fc.integer({ min: 1966, max: 2026 }).map(String), yearCents, { maxKeys: 45 }),
    start: fc.option(isoDate(2014, 2027), { nil: undefined }),
    childRearing: fc.option(fc.uniqueArray(fc.integer({ min: 1975, max: 2025 }), { maxLength: 8 }), {
      nil: undefined,
    }),
  })
  .map((r) => ({
    earningsByYear: r.earnings,
    ...(r.start ? { pensionStartDate: r.start } : {}),
    ...(r.childRearing ? { childRearingYears: r.childRearing } : {}),
  }));

const weekArb = fc.record({
  before: fc.integer({ min: -3, max: 60 }),
  hours: fc.integer({ min: 0, max: 70 }),
  earningsCents: fc.oneof(fc.integer({ min: 0, max: 150_000 }), fc.integer({ min: 0, max: 400_000 })),
});

const eiArb: fc.Arbitrary<EiFacts> = fc
  .record({
    separation: fc.option(fc.oneof({ arbitrary: isoDate(2024, 2026), weight: 4 }, isoDate(2021, 2027)), {
      nil: undefined,
      freq: 8,
    }),
    rate: fc.option(fc.integer({ min: 10, max: 250 }), { nil: undefined, freq: 8 }),
    weeks: fc.oneof(
      fc.array(weekArb, { maxLength: 60 }),
      fc.array(weekArb, { minLength: 30, maxLength: 60 }),
    ),
  })
  .map((r) => {
    const start = benefitPeriodStart(r.separation ?? '2025-06-15');
    const weeks: EiWeek[] = r.weeks.map((w) => ({
      weekEnding: addDays(start, -1 - 7 * w.before),
      hours: w.hours,
      earningsCents: w.earningsCents,
    }));
    return {
      weeks,
      economicRegion: '27',
      ...(r.rate === undefined ? {} : { regionalUnemploymentRate: r.rate / 10 }),
      ...(r.separation === undefined ? {} : { separationDate: r.separation }),
    };
  });

const personArb = (id: string): fc.Arbitrary<Person> =>
  fc
    .record({
      birthDate: isoDate(1935, 2005),
      cpp: fc.option(cppArb, { nil: undefined, freq: 4 }),
      ei: fc.option(eiArb, { nil: undefined, freq: 4 }),
    })
    .map((r) => ({
      id,
      birthDate: r.birthDate,
      ...(r.cpp ? { cpp: r.cpp } : {}),
      ...(r.ei ? { ei: r.ei } : {}),
    }));

const householdArb: fc.Arbitrary<Household> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i}`))))
  .map((people) => ({ province: 'ON', people }));

const asOfArb = fc.constantFrom(
  '2019-03-01',
  '2022-10-01',
  '2024-01-15',
  '2025-06-30',
  '2026-11-01',
  '2027-02-01',
);

test('CPP and EI: compiled fast paths are cent-identical to the traced path', () => {
  const eligible: Record<string, number> = { 'cpp-retirement': 0, 'ei-regular': 0 };
  const unknown: Record<string, number> = { 'cpp-retirement': 0, 'ei-regular': 0 };
  fc.assert(
    fc.property(fc.array(householdArb, { minLength: 1, maxLength: 10 }), asOfArb, (hs, asOf) => {
      const batch = evaluateBatch(hs, { asOf, programmes: PROGRAMMES });
      hs.forEach((h, i) => {
        const results = evaluateHousehold(h, { asOf, programmes: PROGRAMMES }).results;
        for (const r of results)
          for (const path of r.missingFacts) assert.match(path, /^\/people\/\d+\/(cpp|ei)\//);
        batch.programmes.forEach((id, p) => {
          const single = householdAnnualCents(results.filter((r) => r.programme === id));
          const fast = batch.annualCents[i * batch.programmes.length + p];
          if (single > 0) eligible[id] = (eligible[id] ?? 0) + 1;
          if (Number.isNaN(single)) unknown[id] = (unknown[id] ?? 0) + 1;
          assert.ok(Object.is(single, fast), `${id} on ${asOf}: traced ${single} vs fast ${fast}`);
        });
      });
    }),
    { numRuns: 400, seed: 20261122 },
  );
  // The generator must reach the amounts, not only the refusals.
  const counts = `eligible ${JSON.stringify(eligible)}, cannot tell ${JSON.stringify(unknown)}`;
  console.log(counts);
  for (const id of PROGRAMMES) assert.ok((eligible[id] ?? 0) > 100 && (unknown[id] ?? 0) > 20, counts);
});

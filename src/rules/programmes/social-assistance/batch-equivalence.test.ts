import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateBatch, evaluateHousehold } from '../../engine.ts';
import { householdAnnualCents } from '../../core/result.ts';
import type { Household, Person, Relationship } from '../../model/household.ts';

/**
 * The engine's single-vs-batch equivalence, on households that reach every branch of the needs
 * tests (the engine's own random households carry no social assistance facts): the compiled fast
 * paths must give the same cents, NaN and 0 as `evaluate`, on dates inside and around coverage.
 */

const PROGRAMMES = ['ontario-works', 'odsp', 'bc-income-assistance', 'alberta-income-support'];

const money = fc.oneof(
  fc.constant(0),
  fc.constantFrom(1, 7_499, 7_500, 20_000, 50_000, 82_400, 100_000, 150_000),
  fc.integer({ min: 0, max: 300_000 }),
);

const assets = fc.oneof(
  fc.constant(0),
  fc.constantFrom(0, 82_400, 82_401, 500_000, 500_001, 1_000_000, 1_000_001, 4_000_000, 4_050_001, 5_000_001),
  fc.integer({ min: 0, max: 6_000_000 }),
);

/** Undefined with probability 1 / freq. */
const opt = <T>(arb: fc.Arbitrary<T>, freq = 4) => fc.option(arb, { nil: undefined, freq });

const personArb = (id: string): fc.Arbitrary<Person> =>
  fc
    .record({
      birthDate: fc.constantFrom(
        '1950-03-01',
        '1959-01-01',
        '1961-06-30',
        '1985-04-01',
        '2006-11-30',
        '2008-05-01',
        '2015-06-01',
        '2024-01-01',
      ),
      earnings: opt(fc.oneof(fc.constant(0), fc.constant(0), money), 25),
      other: opt(fc.oneof(fc.constant(0), fc.constant(0), money), 25),
      months: opt(fc.integer({ min: 0, max: 6 })),
      barriers: opt(fc.boolean()),
      disabled: opt(fc.boolean()),
      own: opt(fc.constant(0), 2),
    })
    .map((r) => ({
      id,
      birthDate: r.birthDate,
      socialAssistance: {
        ...(r.earnings === undefined ? {} : { monthlyNetEarningsCents: r.earnings }),
        ...(r.other === undefined ? {} : { monthlyOtherIncomeCents: r.other }),
        ...(r.months === undefined ? {} : { monthsOnAssistance: r.months }),
        ...(r.barriers === undefined ? {} : { barriersToFullEmployment: r.barriers }),
      },
      ...(r.disabled === undefined ? {} : { disability: { provincialDisability: r.disabled } }),
      ...(r.own === undefined ? {} : { assetsCents: r.own }),
    }));

const householdArb: fc.Arbitrary<Household> = fc
  .oneof(fc.constant(1), fc.constant(1), fc.constant(2), fc.integer({ min: 1, max: 8 }))
  .chain((n) =>
    fc.record({
      people: fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i}`))),
      spouse: fc.boolean(),
      province: fc.constantFrom('ON', 'BC', 'AB', 'QC'),
      shelter: opt(
        fc.oneof(money, fc.constantFrom(39_000, 58_200, 59_899, 59_900, 91_500, 120_100, 200_000)),
        25,
      ),
      assets: opt(assets, 25),
    }),
  )
  .map(({ people, spouse, province, shelter, assets: a }) => {
    const relationships: Relationship[] =
      spouse && people.length > 1 ? [{ type: 'spouse', partners: ['p0', 'p1'], kind: 'married' }] : [];
    return {
      province,
      people,
      relationships,
      ...(shelter === undefined ? {} : { shelterCostCents: shelter }),
      ...(a === undefined ? {} : { assetsCents: a }),
    } as Household;
  });

const asOfArb = fc.constantFrom(
  '2019-06-30',
  '2022-04-30',
  '2022-05-01',
  '2023-08-01',
  '2023-12-31',
  '2024-01-01',
  '2024-06-30',
  '2024-07-01',
  '2024-12-31',
  '2024-12-31',
  '2024-12-31',
  '2025-01-01',
  '2025-06-30',
  '2025-07-01',
  '2026-06-30',
  '2026-07-01',
  '2026-11-22',
);

test('social assistance: compiled batch path is cent-identical to evaluate (NaN and 0 included)', () => {
  const eligible = new Map<string, number>();
  fc.assert(
    fc.property(fc.array(householdArb, { minLength: 1, maxLength: 10 }), asOfArb, (hs, asOf) => {
      const batch = evaluateBatch(hs, { asOf, programmes: PROGRAMMES });
      hs.forEach((h, i) => {
        PROGRAMMES.forEach((id, p) => {
          const single = householdAnnualCents(evaluateHousehold(h, { asOf, programmes: [id] }).results);
          if (single > 0) eligible.set(id, (eligible.get(id) ?? 0) + 1);
          const fast = batch.annualCents[i * PROGRAMMES.length + p];
          assert.ok(Object.is(single, fast), `${id} on ${asOf}: ${single} vs ${fast}\n${JSON.stringify(h)}`);
        });
      });
    }),
    { numRuns: 600, seed: 20261122 },
  );
  for (const id of PROGRAMMES) {
    const n = eligible.get(id) ?? 0;
    assert.ok(n >= 10, `${id}: only ${n} eligible evaluations, the generator misses the amount branches`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { evaluateBatch, evaluateHousehold, programmes } from './index.ts';
import { householdAnnualCents } from './core/result.ts';
import { UnknownProgrammeError } from './core/errors.ts';
import { InvalidDateError } from './engine.ts';
import { asOfArb, householdArb } from '../../test/support/rules/arbitraries.ts';
import { adult, family, dollars, household } from '../../test/support/rules/households.ts';
import type { ProgrammeResult } from './core/types.ts';

const reasonsEn = JSON.parse(readFileSync(new URL('./reasons.en.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const reasonsFr = JSON.parse(readFileSync(new URL('./reasons.fr.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

test('output has the documented stable shape', () => {
  const { results } = evaluateHousehold(family(dollars(30000), [2023], [{ birthDate: '2020-01-01' }]), {
    asOf: '2024-07-15',
  });
  assert.deepEqual(
    results.map((r) => r.programme),
    programmes.flatMap((p) => (results.some((r) => r.programme === p.id) ? [p.id] : [])),
  );
  for (const r of results) {
    for (const key of [
      'programme',
      'status',
      'annualCents',
      'periodCents',
      'period',
      'reasons',
      'missingFacts',
      'citations',
      'trace',
    ]) {
      assert.ok(key in r, `${r.programme} lacks ${key}`);
    }
  }
});

/** missingFacts are JSON Pointers into the household input (docs/rules-output.md), e.g. /people/0/income/2023. */
const JSON_POINTER = /^(\/[A-Za-z0-9-]+)+$/;

test('invariants: eligible ⇔ amount > 0, cannot-tell ⇔ null amount', () => {
  fc.assert(
    fc.property(householdArb, asOfArb, (h, asOf) => {
      for (const r of evaluateHousehold(h, { asOf }).results) {
        if (r.status === 'eligible') assert.ok((r.annualCents ?? 0) > 0, r.programme);
        if (r.status === 'cannot-tell') assert.equal(r.annualCents, null, r.programme);
        if (r.status === 'not-eligible') assert.equal(r.annualCents, 0, r.programme);
        assert.ok(r.reasons.length > 0, `${r.programme} gives no reason`);
        for (const path of r.missingFacts) assert.match(path, JSON_POINTER, `${r.programme}: ${path}`);
      }
    }),
    { numRuns: 500, seed: 20260101 },
  );
});

test('single and batch paths are cent-identical on thousands of random households', () => {
  fc.assert(
    fc.property(fc.array(householdArb, { minLength: 1, maxLength: 20 }), asOfArb, (hs, asOf) => {
      const batch = evaluateBatch(hs, { asOf });
      const width = batch.programmes.length;
      hs.forEach((h, i) => {
        const byProgramme = new Map<string, ProgrammeResult[]>();
        for (const r of evaluateHousehold(h, { asOf }).results)
          byProgramme.set(r.programme, [...(byProgramme.get(r.programme) ?? []), r]);
        batch.programmes.forEach((id, p) => {
          const single = householdAnnualCents(byProgramme.get(id) ?? []);
          assert.ok(
            Object.is(single, batch.annualCents[i * width + p]),
            `${id} on ${asOf}: ${single} vs ${batch.annualCents[i * width + p]}`,
          );
        });
      });
    }),
    { numRuns: 300, seed: 42 },
  );
});

test('every reason code produced has English and French text', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(householdArb, asOfArb, (h, asOf) => {
      for (const r of evaluateHousehold(h, { asOf }).results) for (const code of r.reasons) seen.add(code);
    }),
    { numRuns: 1500, seed: 7 },
  );
  const missing = [...seen].filter((code) => !reasonsEn[code] || !reasonsFr[code]);
  assert.deepEqual(missing, []);
  assert.deepEqual(Object.keys(reasonsEn).sort(), Object.keys(reasonsFr).sort());
  assert.ok(seen.size > 40, `only ${seen.size} codes exercised`);
});

test('unknown programme and bad date are refused', () => {
  const h = household([adult('a', '1980-01-01')]);
  assert.throws(
    () => evaluateHousehold(h, { asOf: '2024-07-15', programmes: ['nope'] }),
    UnknownProgrammeError,
  );
  assert.throws(() => evaluateHousehold(h, { asOf: '2024-13-01' }), InvalidDateError);
});

test('trace can be turned off without changing amounts', () => {
  const h = family(dollars(55000), [2023], [{ birthDate: '2020-01-01', share: 0.5 }]);
  const traced = evaluateHousehold(h, { asOf: '2024-07-15' }).results;
  const quiet = evaluateHousehold(h, { asOf: '2024-07-15', trace: false }).results;
  assert.deepEqual(
    quiet.map((r) => r.annualCents),
    traced.map((r) => r.annualCents),
  );
  assert.ok(quiet.every((r) => r.trace.length === 0 || r.reasons.includes('engine.no-parameters-for-date')));
});

test('untraced evaluations keep plans by date: across random dates and households, the traced results', () => {
  // Each untraced run below reuses plans kept by the runs before it (same store, other dates and households);
  // a plan kept under the wrong date, or one that held a household's figures, would change a result.
  fc.assert(
    fc.property(fc.array(fc.tuple(householdArb, asOfArb), { minLength: 2, maxLength: 6 }), (cases) => {
      for (const [h, asOf] of cases) {
        const traced = evaluateHousehold(h, { asOf }).results;
        const quiet = evaluateHousehold(h, { asOf, trace: false }).results;
        assert.deepEqual(
          quiet.map(({ trace: _trace, ...rest }) => rest),
          traced.map(({ trace: _trace, ...rest }) => rest),
        );
      }
    }),
    { numRuns: 150 },
  );
});

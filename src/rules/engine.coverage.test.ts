import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBatch, evaluateHousehold, programmes } from './index.ts';
import type { Household, ProgrammeResult } from './index.ts';
import { adult, dollars, household, income } from '../../test/support/rules/households.ts';

/** A single senior in Ontario with $20,000 of income in each year: OAS and GIS apply. */
const SENIOR: Household = household([
  adult('s', '1955-03-01', income(dollars(20000), 2023, 2024, 2025), {
    residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 },
  }),
]);

const byProgramme = (results: readonly ProgrammeResult[], id: string) =>
  results.filter((r) => r.programme === id);

interface CoverageScenario {
  readonly name: string;
  readonly period: string;
  readonly programme: string;
  readonly expected: { status: string; from: string | null; to: string | null } | { status: string };
}

/** Dates outside a programme's rates answer for that programme only, naming the range on file. */
const COVERAGE: readonly CoverageScenario[] = [
  {
    name: 'OAS after its last published quarter',
    period: '2026-12-02',
    programme: 'oas',
    expected: { status: 'rates-not-on-file', from: '2024-01-01', to: '2026-06-30' },
  },
  {
    name: 'OAS before its first quarter on file (the GIS amounts start in 2024)',
    period: '2021-06-01',
    programme: 'oas',
    expected: { status: 'rates-not-on-file', from: '2024-01-01', to: '2026-06-30' },
  },
  {
    name: 'OAS in October-December 2023, a gap on file',
    period: '2023-11-15',
    programme: 'oas',
    expected: { status: 'rates-not-on-file', from: '2024-01-01', to: '2026-06-30' },
  },
  {
    name: 'GST/HST credit after June 2026 (the Canada Groceries and Essentials Benefit is not on file)',
    period: '2026-12-02',
    programme: 'gst-credit',
    expected: { status: 'rates-not-on-file', from: '2022-07-01', to: '2026-06-30' },
  },
  {
    name: "CCB on today's date: the July 2026 year is on file",
    period: '2026-12-02',
    programme: 'ccb',
    expected: { status: 'not-eligible' },
  },
  {
    name: "CPP on today's date",
    period: '2026-12-02',
    programme: 'cpp-retirement',
    expected: { status: 'cannot-tell' },
  },
];

for (const s of COVERAGE) {
  test(`coverage: ${s.name}`, () => {
    const [result, ...more] = byProgramme(evaluateHousehold(SENIOR, { asOf: s.period }).results, s.programme);
    assert.equal(more.length, 0);
    assert.equal(result?.status, s.expected.status);
    if ('from' in s.expected) {
      assert.equal(result?.coverage?.from, s.expected.from);
      assert.equal(result?.coverage?.to, s.expected.to);
      assert.equal(result?.annualCents, null);
      assert.deepEqual(result?.reasons, ['engine.no-parameters-for-date']);
    }
  });
}

test('on today\'s date every programme answers, and the batch path says "cannot tell" (NaN) where rates are not on file', () => {
  const { results } = evaluateHousehold(SENIOR, { asOf: '2026-12-02' });
  assert.deepEqual(
    [...new Set(results.map((r) => r.programme))],
    programmes.map((p) => p.id),
  );
  const batch = evaluateBatch([SENIOR], { asOf: '2026-12-02' });
  const oas = batch.programmes.indexOf('oas');
  assert.ok(Number.isNaN(batch.annualCents[oas]));
});

interface EstimateScenario {
  readonly name: string;
  readonly period: string;
  readonly programme: string;
  readonly estimates: boolean;
  readonly expected: { status: string; periodCents: number | null; estimated: boolean };
}

/**
 * July-September 2026 is not published on file. With estimates, OAS Act s. 7 gives 743.05 × 1.012
 * (CPI Feb-Apr 2026 167.1 over Nov 2025-Jan 2026 165.1) = $751.97; the GIS single maximum is
 * 937.94 × 1.012 + 171.91 × 1.012 = 949.20 + 173.97 = $1,123.17, less the income test.
 * October 2026 needs the CPI of May-July 2026, which is not on file: no estimate.
 */
const ESTIMATES: readonly EstimateScenario[] = [
  {
    name: 'OAS, July 2026, decisions',
    period: '2026-08-01',
    programme: 'oas',
    estimates: false,
    expected: { status: 'rates-not-on-file', periodCents: null, estimated: false },
  },
  {
    name: 'OAS, July 2026, estimate',
    period: '2026-08-01',
    programme: 'oas',
    estimates: true,
    expected: { status: 'eligible', periodCents: 751_97, estimated: true },
  },
  {
    name: 'OAS, October 2026: CPI not on file',
    period: '2026-12-02',
    programme: 'oas',
    estimates: true,
    expected: { status: 'rates-not-on-file', periodCents: null, estimated: false },
  },
  {
    name: 'OAS, April 2026 is published: no estimate',
    period: '2026-05-01',
    programme: 'oas',
    estimates: true,
    expected: { status: 'eligible', periodCents: 743_05, estimated: false },
  },
  {
    name: 'GST/HST credit: no indexation estimate where the law changed',
    period: '2026-08-01',
    programme: 'gst-credit',
    estimates: true,
    expected: { status: 'rates-not-on-file', periodCents: null, estimated: false },
  },
];

for (const s of ESTIMATES) {
  test(`estimates: ${s.name}`, () => {
    const results = evaluateHousehold(SENIOR, { asOf: s.period, estimates: s.estimates }).results;
    const [result] = byProgramme(results, s.programme);
    assert.equal(result?.status, s.expected.status);
    assert.equal(result?.periodCents, s.expected.periodCents);
    assert.equal(result?.estimate !== undefined, s.expected.estimated);
    assert.equal(result?.reasons.includes('engine.estimated-rates'), s.expected.estimated);
  });
}

test('an estimate names its basis, and the traced parameter read says it is one', () => {
  const [oas] = byProgramme(
    evaluateHousehold(SENIOR, { asOf: '2026-08-01', estimates: true }).results,
    'oas',
  );
  const basis = oas?.estimate?.find((e) => e.parameter === 'oas/max-65-to-74');
  assert.deepEqual(
    { from: basis?.from, period: basis?.period, rule: basis?.rule, factors: basis?.factors },
    { from: '2026-04-01', period: '2026-07-01', rule: 'oas-quarterly', factors: [1.012] },
  );
  const reads = oas?.trace.flatMap((step) => step.parameters ?? []) ?? [];
  assert.ok(reads.some((p) => p.file === 'oas/max-65-to-74.yaml' && p.estimate?.period === '2026-07-01'));
});

test('the GIS single maximum is estimated as supplement and top-up each indexed (July 2026)', () => {
  const lowIncome = household([
    adult('s', '1955-03-01', income(0, 2025), {
      residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: 45 },
    }),
  ]);
  const [gis] = byProgramme(
    evaluateHousehold(lowIncome, { asOf: '2026-08-01', estimates: true }).results,
    'gis',
  );
  assert.equal(gis?.periodCents, 1123_17);
});

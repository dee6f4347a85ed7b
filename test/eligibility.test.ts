import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from './support/databases.ts';
import type { TestDatabase } from './support/databases.ts';
import { buildTestApp } from './support/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { programmes } from '../src/rules/index.ts';

const SENIOR = {
  province: 'ON',
  people: [
    {
      id: 'p1',
      birthDate: '1955-03-01',
      maritalStatus: 'single',
      residence: { livesInCanada: true, yearsInCanadaAfter18: 40, status: 'citizen' },
      income: { '2024': { cpp: 900000 } },
    },
  ],
};

interface Result {
  programme: string;
  status: string;
  annualCents: number | null;
  periodCents: number | null;
  period: string | null;
  reasons: string[];
  citations: unknown[];
  trace: unknown[];
}

describe('POST /api/v1/evaluate', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    guichet = await buildTestApp(db.database);
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });
  const post = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    guichet.app.inject({
      method: 'POST',
      url: '/api/v1/evaluate',
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  test('answers the documented shape with amounts in integer cents', async () => {
    const response = await post({ household: SENIOR, date: '2025-09-01', programmes: ['oas', 'gis'] });
    assert.equal(response.statusCode, 200);
    // The answer repeats the household's incomes: never kept by a browser or cache (issue 11).
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json<{ asOf: string; results: Result[] }>();
    assert.equal(body.asOf, '2025-09-01');
    assert.deepEqual(
      body.results.map((r) => r.programme),
      ['oas', 'gis'],
    );
    for (const r of body.results) {
      for (const key of [
        'programme',
        'status',
        'annualCents',
        'periodCents',
        'period',
        'reasons',
        'citations',
        'trace',
      ])
        assert.ok(key in r, key);
      if (r.annualCents !== null) assert.ok(Number.isInteger(r.annualCents));
    }
    assert.equal(body.results[0]?.status, 'eligible');
  });

  test('a household that fails the schema gets problem details naming the field', async () => {
    const response = await post({
      household: { province: 'ZZ', people: [{ id: 'x', birthDate: '2030-01-01' }] },
      date: '2025-09-01',
    });
    assert.equal(response.statusCode, 400);
    const problem = response.json<{
      errors: { pointer: string }[];
      translations: { fr: { title: string } };
    }>();
    assert.ok(
      problem.errors.some((e) => e.pointer === '/household/province'),
      JSON.stringify(problem.errors),
    );
    assert.equal(problem.translations.fr.title, 'Données non valides');
  });

  test('impossible facts are a validation error, never an amount', async () => {
    const childOlderThanParent = {
      province: 'ON',
      people: [
        { id: 'parent', birthDate: '2000-01-01' },
        { id: 'child', birthDate: '1990-01-01' },
      ],
      relationships: [{ type: 'parent', parentId: 'parent', childId: 'child', custodyShare: 1 }],
    };
    const response = await post({ household: childOlderThanParent, date: '2025-09-01' });
    assert.equal(response.statusCode, 400);
    assert.doesNotMatch(response.body, /annualCents/);
  });

  test('a date before all coverage: each programme says "rates not on file" with the range, not the nearest year', async () => {
    const response = await post({ household: SENIOR, date: '1990-01-01', programmes: ['oas', 'ccb'] });
    assert.equal(response.statusCode, 200);
    const body = response.json<{ results: (Result & { coverage?: { from: string; to: string } })[] }>();
    assert.deepEqual(
      body.results.map((r) => [r.programme, r.status, r.annualCents, r.coverage?.from]),
      [
        ['oas', 'rates-not-on-file', null, '2024-01-01'],
        ['ccb', 'rates-not-on-file', null, '2020-07-01'],
      ],
    );
  });

  test('estimates are off unless asked, and marked when on', async () => {
    const date = '2026-08-01';
    const household = { ...SENIOR, people: [{ ...SENIOR.people[0], income: { '2025': { cpp: 900000 } } }] };
    const plain = (await post({ household, date, programmes: ['oas'] })).json<{
      results: Result[];
    }>();
    assert.equal(plain.results[0]?.status, 'rates-not-on-file');
    const estimated = (await post({ household, date, programmes: ['oas'], estimates: true })).json<{
      results: (Result & { estimate?: unknown[] })[];
    }>();
    assert.equal(estimated.results[0]?.status, 'eligible');
    assert.ok(estimated.results[0]?.estimate?.length);
    assert.ok(estimated.results[0]?.reasons.includes('engine.estimated-rates'));
  });

  test('a wrong content type is 415 and malformed JSON is 400', async () => {
    assert.equal((await post('a,b', { 'content-type': 'text/csv' })).statusCode, 415);
    assert.equal((await post('{"household":', { 'content-type': 'application/json' })).statusCode, 400);
  });

  test('the operation and its schemas are in the OpenAPI document', async () => {
    const doc = (await guichet.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    assert.ok(doc.paths['/api/v1/evaluate']);
    for (const name of ['Household', 'EvaluateRequest', 'EvaluateResponse', 'Problem'])
      assert.ok(doc.components.schemas[name], name);
  });
});

describe('guichet evaluate', () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['bin/guichet.js', 'evaluate', ...args], { input, encoding: 'utf8' });

  test('prints the same results as the API for one household', () => {
    const result = run(['--date', '2025-09-01', '--programme', 'oas'], JSON.stringify(SENIOR));
    assert.equal(result.status, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { results: Result[] };
    assert.equal(body.results[0]?.programme, 'oas');
    assert.ok(Number.isInteger(body.results[0]?.annualCents));
  });

  test("with no --date, answers on today's date for every programme and exits 0", () => {
    const result = run(['--no-trace'], JSON.stringify(SENIOR));
    assert.equal(result.status, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { asOf: string; results: Result[] };
    assert.equal(body.asOf, new Date().toISOString().slice(0, 10));
    assert.deepEqual(
      [...new Set(body.results.map((r) => r.programme))],
      programmes.map((p) => p.id),
    );
    for (const r of body.results) {
      assert.ok(
        ['eligible', 'not-eligible', 'cannot-tell', 'rates-not-on-file'].includes(r.status),
        r.programme,
      );
      assert.ok(r.reasons.length > 0, r.programme);
    }
  });

  test('exits 2 with a message for a household that fails the schema, or bad JSON', () => {
    const invalid = run([], JSON.stringify({ province: 'ON' }));
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /invalid household: \/people/);
    assert.equal(run([], '{').status, 2);
    assert.equal(run(['--date', 'tomorrow'], '{}').status, 2);
  });

  test('--batch reads JSON Lines and answers one line per household, in order', () => {
    const lines = [
      JSON.stringify(SENIOR),
      '{"province":"ON"}',
      JSON.stringify({ ...SENIOR, province: 'BC' }),
    ].join('\n');
    const result = run(['--batch', '--date', '2025-09-01', '--programme', 'oas', '--no-trace'], lines);
    assert.equal(result.status, 2, 'one refused line makes the exit code 2');
    const out = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { results?: Result[]; line?: number });
    assert.equal(out.length, 3);
    assert.equal(out[1]?.line, 2);
    assert.equal(out[0]?.results?.[0]?.annualCents, out[2]?.results?.[0]?.annualCents);
  });
});

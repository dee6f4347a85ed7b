import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/app.ts';
import type { GuichetApp } from '../app.ts';

const COUPLE = {
  province: 'ON',
  people: [
    {
      id: 'p1',
      birthDate: '1955-03-01',
      maritalStatus: 'married',
      residence: { livesInCanada: true, yearsInCanadaAfter18: 40, status: 'citizen' },
      income: { '2024': { cpp: 900000 } },
    },
    {
      id: 'p2',
      birthDate: '1957-06-01',
      maritalStatus: 'married',
      residence: { livesInCanada: true, yearsInCanadaAfter18: 40, status: 'citizen' },
      income: { '2024': { cpp: 300000 } },
    },
  ],
  relationships: [{ type: 'spouse', partners: ['p1', 'p2'], kind: 'married' }],
};

interface Body {
  results: { programme: string; trace: unknown[] }[];
}

describe('POST /api/v1/evaluate: trace on request, compression, no caching', () => {
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
  const post = (payload: unknown, url = '/api/v1/evaluate', headers: Record<string, string> = {}) =>
    guichet.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(payload),
    });
  const traced = (body: Body) => body.results.filter((r) => r.trace.length > 0).length;

  test('without asking, every result has an empty trace and the answer is small', async () => {
    const response = await post({ household: COUPLE, date: '2025-09-01' });
    assert.equal(response.statusCode, 200);
    const body = response.json<Body>();
    assert.ok(body.results.length > 0);
    assert.equal(traced(body), 0);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['content-encoding'], undefined);
  });

  test('"trace": true or ?trace=full sends the trace', async () => {
    const inBody = (await post({ household: COUPLE, date: '2025-09-01', trace: true })).json<Body>();
    assert.ok(traced(inBody) > 0);
    const inQuery = await post({ household: COUPLE, date: '2025-09-01' }, '/api/v1/evaluate?trace=full');
    assert.equal(inQuery.statusCode, 200);
    assert.equal(traced(inQuery.json<Body>()), traced(inBody));
  });

  test('an unknown trace form in the query is not a trace', async () => {
    const response = await post({ household: COUPLE, date: '2025-09-01' }, '/api/v1/evaluate?trace=yes');
    assert.equal(traced(response.json<Body>()), 0);
  });

  test('compressed when the client accepts it, and the same JSON once inflated', async () => {
    const plain = await post({ household: COUPLE, date: '2025-09-01', trace: true });
    const zipped = await post({ household: COUPLE, date: '2025-09-01', trace: true }, undefined, {
      'accept-encoding': 'gzip',
    });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['cache-control'], 'no-store');
    assert.ok(zipped.rawPayload.length < plain.rawPayload.length / 5);
    assert.deepEqual(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')), plain.json());
  });

  test('HTML pages are never compressed', async () => {
    const page = await guichet.app.inject({
      method: 'GET',
      url: '/en',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(page.headers['content-encoding'], undefined);
  });

  test('the OpenAPI document says how to ask for the trace and that answers are compressed', async () => {
    const doc = (await guichet.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { post: { description: string; parameters: { name: string; in: string }[] } }>;
    }>();
    const operation = doc.paths['/api/v1/evaluate']?.post;
    assert.ok(operation?.parameters.some((p) => p.name === 'trace' && p.in === 'query'));
    assert.match(operation?.description ?? '', /trace=full/);
    assert.match(operation?.description ?? '', /Accept-Encoding/);
  });
});

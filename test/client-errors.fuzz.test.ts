import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { formOf, startRouteDriver } from './support/route-driver.ts';
import type { Payload, RouteDriver } from './support/route-driver.ts';

/**
 * Client errors are client errors (issue 11): whatever a browser or a script posts to any form route —
 * a broken body, one too large, the wrong type, control characters, objects where text belongs — the answer
 * is a 4xx page in the route's language, never a 5xx. Every POST page route of the route table is driven,
 * signed in as whoever the route is for, so a new form is covered without being listed here.
 */
describe('client errors on every form route', () => {
  let database: Database;
  let driver: RouteDriver;
  let fields: string[];
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    driver = await startRouteDriver(database);
    fields = await driver.formFieldNames();
  });
  after(async () => {
    await driver.guichet.app.close();
    await database.close();
  });

  /** Each hostile input, with the statuses it may be answered with (any 4xx other than these is wrong). */
  const inputs = (): { name: string; body: Payload; expect?: readonly number[] }[] => [
    {
      name: 'malformed JSON',
      body: { contentType: 'application/json', payload: '{"a":' },
      expect: [400, 415],
    },
    {
      name: 'JSON with objects for strings',
      body: {
        contentType: 'application/json',
        payload: JSON.stringify(Object.fromEntries(fields.map((f) => [f, { toString: 'x' }]))),
      },
      expect: [400, 415],
    },
    { name: 'XML', body: { contentType: 'application/xml', payload: '<a><b>' }, expect: [400, 415] },
    { name: 'plain text', body: { contentType: 'text/plain', payload: 'hello' }, expect: [415] },
    {
      name: 'multipart',
      body: { contentType: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
      expect: [415],
    },
    {
      name: 'a 300 KB form',
      body: formOf(['message'], () => 'a'.repeat(300_000)),
      expect: [413],
    },
    { name: 'a NUL in every field', body: formOf(fields, () => 'Jane\u0000Doe'), expect: [400] },
    { name: 'a control character in every field', body: formOf(fields, () => 'ring\u0007'), expect: [400] },
    { name: 'every field twice', body: formOf([...fields, ...fields], () => 'twice') },
    { name: 'every field empty', body: formOf(fields, () => '') },
    { name: 'very long values', body: formOf(fields, () => 'x'.repeat(5_000)) },
    { name: 'no body', body: { contentType: 'application/x-www-form-urlencoded', payload: '' } },
    {
      name: 'bracketed names',
      body: formOf(
        fields.map((f) => `${f}[toString]`),
        () => 'x',
      ),
    },
  ];

  it('answers every hostile input with a 4xx page, never a 5xx', async () => {
    const problems: string[] = [];
    const routes = driver.postRoutes();
    assert.ok(routes.length > 20, `only ${routes.length} form routes found`);
    for (const entry of routes)
      for (const input of inputs()) {
        const response = await driver.send(entry, input.body);
        const where = `${input.name} → POST ${entry.path}: ${response.statusCode}`;
        // An upload form takes multipart: a bad one is any client error, not the 415 of other pages.
        const accepted = input.name === 'multipart' && entry.requires.files === true;
        if (response.statusCode >= 500) problems.push(where);
        else if (accepted && response.statusCode < 400) problems.push(`${where} (expected a 4xx)`);
        else if (
          !accepted &&
          input.expect &&
          !input.expect.includes(response.statusCode) &&
          !isRedirectOrRefusal(response)
        )
          problems.push(`${where} (expected ${input.expect.join('/')})`);
        else if (response.statusCode >= 400 && !response.contentType.startsWith('text/html'))
          problems.push(`${where} answered ${response.contentType}, not a page`);
      }
    assert.deepEqual(problems, []);
  });

  it('keeps what was typed on a refused form, in the route language, without the control characters', async () => {
    const entry = driver.postRoutes().find((e) => e.lang === 'fr' && e.access === 'signed-in');
    assert.ok(entry);
    const response = await driver.send(
      entry,
      formOf(['line1'], () => '12 rue\u0000 Principale'),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<html lang="fr"/);
    assert.match(response.body, /12 rue Principale/);
    assert.ok(!response.body.includes('\u0000'));
  });

  it('answers the API with problem details, never a 5xx', async () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(driver.guichet.openapi.document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'post' || !operation.requestBody) continue;
        const entry = {
          method: 'POST',
          path: path.replace(/\{(\w+)\}/g, ':$1'),
          lang: null,
          access: 'public',
          requires: {},
        } as const;
        for (const body of [
          { contentType: 'application/json', payload: '{"a":' },
          { contentType: 'application/xml', payload: '<a/>' },
          { contentType: 'application/json', payload: JSON.stringify({ asOf: 'x\u0000' }) },
          { contentType: 'application/json', payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }) },
        ]) {
          const response = await driver.send(entry, body);
          if (response.statusCode >= 500 || !response.contentType.startsWith('application/problem+json'))
            problems.push(
              `${body.payload.slice(0, 12)} → POST ${path}: ${response.statusCode} ${response.contentType}`,
            );
        }
      }
    assert.deepEqual(problems, []);
  });
});

/** A 303 back to the form (Post/Redirect/Get) or to sign-in is a refusal too, and a fine one. */
function isRedirectOrRefusal(response: { statusCode: number }): boolean {
  return response.statusCode === 303 || response.statusCode === 403;
}

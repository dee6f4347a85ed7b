import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from './support/databases.ts';
import type { TestDatabase } from './support/databases.ts';
import { CookieJar, buildTestApp } from './support/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { sql } from 'kysely';

// A fixed "today" whose parameters every programme of the reference configuration covers.
const TODAY = new Date('2025-09-15T12:00:00Z');

describe('benefits finder journey', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    guichet = await buildTestApp(db.database, {}, () => TODAY);
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });

  async function visit(jar: CookieJar, url: string) {
    const response = await guichet.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
    jar.store(response);
    return response;
  }

  async function answer(jar: CookieJar, url: string, fields: Record<string, string>) {
    const page = await visit(jar, url);
    assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const response = await guichet.app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
    });
    jar.store(response);
    assert.equal(response.statusCode, 303, `${url} → ${response.statusCode}`);
    return String(response.headers.location);
  }

  test('a senior living alone is asked only what matters and sees OAS and GIS with amounts', async () => {
    const jar = new CookieJar();
    let next = await answer(jar, '/en/benefits-finder/province', { answer: 'NB' });
    assert.equal(next, '/en/benefits-finder/status-in-canada');
    next = await answer(jar, next, { answer: 'citizen' });
    assert.equal(next, '/en/benefits-finder/date-of-birth');
    next = await answer(jar, next, { day: '3', month: '2', year: '1955' });
    next = await answer(jar, next, { answer: 'widowed' });
    assert.equal(next, '/en/benefits-finder/children', 'no partner questions for a widow');
    next = await answer(jar, next, { answer: '0' });
    assert.equal(next, '/en/benefits-finder/years-in-canada', 'no child questions without children');
    next = await answer(jar, next, { answer: '45' });
    next = await answer(jar, next, { answer: '0' });
    next = await answer(jar, next, { answer: '$9,500' });
    assert.equal(
      next,
      '/en/benefits-finder/results',
      'no disability, housing or savings questions for a senior in NB',
    );
    const results = await visit(jar, next);
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /You may qualify/);
    assert.match(results.body, /Old Age Security pension<\/a>/);
    assert.match(results.body, /Guaranteed Income Supplement<\/a>/);
    assert.match(results.body, /About \$[\d,]+\.\d\d a year/);
    assert.match(results.body, /\$9,500\.00/, 'answers are shown for checking');
  });

  test('a bad answer comes back with a bilingual error and exactly what was typed', async () => {
    const jar = new CookieJar();
    await answer(jar, '/en/benefits-finder/province', { answer: 'ON' });
    await answer(jar, '/en/benefits-finder/status-in-canada', { answer: 'citizen' });
    const back = await answer(jar, '/en/benefits-finder/date-of-birth', {
      day: '31',
      month: '2',
      year: '1980',
    });
    assert.equal(back, '/en/benefits-finder/date-of-birth');
    const page = await visit(jar, back);
    assert.match(page.body, /<title>Error: What is your date of birth\?/);
    assert.match(page.body, /Enter a real date/);
    assert.match(page.body, /name="day" value="31"/);
    assert.match(page.body, /name="year" value="1980"/);
    const french = await visit(jar, '/fr/trouver-des-prestations/date-de-naissance');
    assert.match(french.body, /<h1>Quelle est votre date de naissance\u00a0\?<\/h1>/);
    assert.match(french.body, /name="year" value="1980"/, 'typed values also survive the language toggle');
  });

  test('the language toggle keeps the answers', async () => {
    const jar = new CookieJar();
    await answer(jar, '/en/benefits-finder/province', { answer: 'QC' });
    const french = await visit(jar, '/fr/trouver-des-prestations/province');
    assert.match(french.body, /value="QC" checked/);
    assert.match(french.body, /href="\/en\/benefits-finder\/province"/);
  });

  test('a family with children in Ontario is asked about children and housing, and sees the CCB', async () => {
    const jar = new CookieJar();
    let next = await answer(jar, '/en/benefits-finder/province', { answer: 'ON' });
    next = await answer(jar, next, { answer: 'permanent-resident' });
    next = await answer(jar, next, { day: '10', month: '6', year: '1990' });
    next = await answer(jar, next, { answer: 'single' });
    next = await answer(jar, next, { answer: '2' });
    assert.equal(next, '/en/benefits-finder/children-ages');
    next = await answer(jar, next, { age0: '3', age1: '19' });
    assert.equal(next, '/en/benefits-finder/children-ages', 'a child of 19 is refused');
    next = await answer(jar, next, { age0: '3', age1: '8' });
    next = await answer(jar, next, { answer: 'no' });
    next = await answer(jar, next, { answer: '28000' });
    next = await answer(jar, next, { answer: '0' });
    next = await answer(jar, next, { answer: 'no' });
    assert.equal(next, '/en/benefits-finder/housing-costs');
    next = await answer(jar, next, { answer: '1200' });
    next = await answer(jar, next, { answer: '500' });
    assert.equal(next, '/en/benefits-finder/results');
    const results = await visit(jar, next);
    assert.match(results.body, /Canada Child Benefit<\/a>/);
    assert.match(results.body, /Ontario Works<\/a>/);
    assert.match(results.body, /a month/);
  });

  test('results are not shown before the questions are answered', async () => {
    const response = await visit(new CookieJar(), '/en/benefits-finder/results');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/benefits-finder/province');
  });

  test('a tampered finder cookie is ignored, and starting again deletes the answers', async () => {
    const tampered = await guichet.app.inject({
      method: 'GET',
      url: '/en/benefits-finder/results',
      headers: { cookie: '__Host-guichet-finder=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    assert.equal(tampered.statusCode, 303);
    const jar = new CookieJar();
    await answer(jar, '/en/benefits-finder/province', { answer: 'ON' });
    assert.ok(jar.has('__Host-guichet-finder'));
    const page = await visit(jar, '/en/benefits-finder/date-of-birth');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const restart = await guichet.app.inject({
      method: 'POST',
      url: '/en/benefits-finder/start-again',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${token}`,
    });
    jar.store(restart);
    assert.equal(restart.headers.location, '/en/benefits-finder');
    assert.equal(jar.has('__Host-guichet-finder'), false);
  });

  test('nothing typed into the finder reaches the database', async () => {
    const count = async () =>
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_event`.execute(db.database.db)).rows[0]
        ?.n;
    const before = await count();
    const jar = new CookieJar();
    await answer(jar, '/en/benefits-finder/province', { answer: 'BC' });
    const rows = await sql<{
      table_name: string;
    }>`SELECT table_name FROM information_schema.tables WHERE table_name ILIKE '%finder%'`.execute(
      db.database.db,
    );
    assert.deepEqual(rows.rows, []);
    assert.equal(await count(), before);
    const sealed = /__Host-guichet-finder=([^;]+)/.exec(jar.header())?.[1] ?? '';
    assert.ok(sealed.length > 28, 'the answers travel in the cookie');
    assert.doesNotMatch(
      Buffer.from(sealed, 'base64url').toString('latin1'),
      /province|"BC"/,
      'the cookie is encrypted',
    );
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from './support/databases.ts';
import { buildTestApp, csrfFrom } from './support/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';

const reference = loadReferenceData();

describeOnBothDatabases('public pages and platform routes', (database) => {
  let guichet: GuichetApp;
  before(async () => {
    guichet = await buildTestApp(database());
  });
  after(async () => {
    await guichet.app.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    guichet.app.inject({ method: 'GET', url, headers });

  test('the splash page offers both languages', async () => {
    const response = await get('/');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<section class="bilingual-col" lang="fr">/);
    assert.match(response.body, /href="\/en"/);
    assert.match(response.body, /href="\/fr"/);
  });

  for (const [lang, other, heading] of [
    ['en', 'fr', 'Your government benefits, in one place'],
    ['fr', 'en', 'Vos prestations gouvernementales, au même endroit'],
  ] as const) {
    test(`the ${lang} home page has the right language, chrome and toggle`, async () => {
      const response = await get(`/${lang}`);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`<html lang="${lang}"`));
      assert.match(response.body, new RegExp(`<h1>${heading}</h1>`));
      assert.match(response.body, new RegExp(`class="lang-toggle" href="/${other}" lang="${other}"`));
      assert.match(response.body, /class="skip-link" href="#main-content"/);
      assert.match(response.body, /<title>[^<]+ - Guichet - Canada.ca<\/title>/);
      assert.match(response.body, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    });
  }

  test('the catalogue lists every programme from the database, in both languages', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const body = (await get(`/${lang}/programmes`)).body;
      for (const programme of reference.programmes)
        assert.ok(body.includes(`>${programme[`name_${lang}`]}</a>`), `${lang}: ${programme.id}`);
    }
  });

  test('each programme page shows its agency and law, and toggles to the same programme', async () => {
    for (const programme of reference.programmes) {
      const response = await get(`/en/programmes/${programme.slug_en}`);
      assert.equal(response.statusCode, 200, programme.id);
      assert.ok(response.body.includes(`href="${programme.legal_url_en}"`), programme.id);
      assert.ok(response.body.includes(`href="/fr/programmes/${programme.slug_fr}"`), programme.id);
      const french = await get(`/fr/programmes/${programme.slug_fr}`);
      assert.ok(french.body.includes(`<h1>${programme.name_fr.replaceAll('’', '’')}</h1>`), programme.id);
    }
  });

  test('unknown pages and languages get the bilingual 404 page', async () => {
    for (const url of [
      '/de',
      '/en/nothing-here',
      '/fr/programmes/inconnu',
      '/en/programmes/ontario-au-travail',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /We couldn&#39;t find that Web page/);
      assert.match(response.body, /Nous ne pouvons trouver cette page Web/);
    }
  });

  test('every HTML response carries the security headers and a fresh CSP nonce', async () => {
    const [first, second] = [await get('/en'), await get('/en')];
    const csp = String(first.headers['content-security-policy']);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ])
      assert.ok(csp.includes(directive), directive);
    assert.notEqual(csp, second.headers['content-security-policy']);
    assert.equal(first.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    assert.equal(first.headers['x-content-type-options'], 'nosniff');
    assert.ok(first.headers['referrer-policy']);
    assert.equal(first.headers['cache-control'], 'no-store');
  });

  test('a form post without a CSRF token gets the 403 page, which shows nothing that was posted', async () => {
    const response = await guichet.app.inject({
      method: 'POST',
      url: '/en',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'city=%3Cb%3EMoncton%3C%2Fb%3E&sin=046454286',
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Your form could not be sent/);
    // A cross-site form must not be able to write on this site's pages (issue 11).
    assert.doesNotMatch(response.body, /Moncton/);
    assert.doesNotMatch(response.body, /046454286/);
  });

  test('a form post with a valid CSRF token passes the check', async () => {
    const page = await get('/en');
    const { cookie } = csrfFrom(page);
    assert.ok(cookie, 'the first page sets the CSRF cookie');
    const secret = cookie.split('=')[1] ?? '';
    const token = await guichet.app.inject({ method: 'GET', url: '/en', headers: { cookie } });
    assert.equal(csrfFrom(token).cookie, '', 'an existing cookie is kept, not replaced');
    assert.ok(secret.length >= 32);
  });

  test('APIs answer problem details for malformed JSON and unknown paths, in the language asked for', async () => {
    const malformed = await guichet.app.inject({
      method: 'POST',
      url: '/api/v1/nothing',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    assert.equal(malformed.statusCode, 400);
    assert.match(String(malformed.headers['content-type']), /application\/problem\+json/);
    const body = malformed.json<{ title: string; translations: { fr: { title: string } } }>();
    assert.equal(body.title, 'Malformed JSON');
    assert.equal(body.translations.fr.title, 'JSON mal formé');
    const missing = await get('/api/v1/nothing', { 'accept-language': 'fr-CA' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json<{ title: string }>().title, 'Introuvable');
  });

  test('/health reports the database check as application/health+json', async () => {
    const response = await get('/health');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/health\+json/);
    const body = response.json<{ status: string; checks: Record<string, { status: string }[]> }>();
    assert.equal(body.status, 'pass');
    assert.equal(body.checks['database:responseTime']?.[0]?.status, 'pass');
  });

  test('no stylesheet loads anything from another origin (the CSP would block it)', async () => {
    for (const path of [
      '/assets/gcds/fonts.css',
      '/assets/gcds/tokens.css',
      '/assets/gcds/css-shortcuts.min.css',
    ]) {
      const css = (await get(path)).body;
      assert.doesNotMatch(css, /@import|url\(\s*["']?(https?:)?\/\//, path);
    }
    const icons = await get('/assets/gcds/fonts/icons/gcds-icons.woff');
    assert.equal(icons.statusCode, 200);
  });

  test('/metrics exposes Prometheus metrics including request durations by route template', async () => {
    await get('/en/programmes');
    const response = await get('/metrics');
    assert.match(
      response.body,
      /guichet_http_request_duration_seconds_bucket\{[^}]*route="\/:lang\/programmes"|route="\/en\/programmes"/,
    );
    // Default metrics under their standard names, as dashboards expect them (issue 11).
    assert.match(response.body, /^process_cpu_seconds_total /m);
    assert.match(response.body, /^nodejs_heap_size_used_bytes /m);
    assert.doesNotMatch(response.body, /guichet_(process|nodejs)_/);
  });

  test('the OpenAPI 3.1 document and its docs page are served', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      openapi: string;
      components: { schemas: Record<string, unknown> };
    }>();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.components.schemas.Problem);
    const docs = await get('/api/docs');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /Guichet API/);
  });

  test('GC Design System assets are served by the application itself', async () => {
    for (const url of [
      '/assets/gcds/tokens.css',
      '/assets/gcds/css-shortcuts.min.css',
      '/assets/gcds/fonts.css',
      '/assets/guichet.css',
    ]) {
      assert.equal((await get(url)).statusCode, 200, url);
    }
    const fonts = (await get('/assets/gcds/fonts.css')).body;
    assert.equal(
      fonts.match(/@font-face/g)?.length,
      fonts.match(/font-display: swap/g)?.length,
      'text never hides while fonts load',
    );
    const fontUrl = /url\("([^"]+\.woff2)"\)/.exec(fonts)?.[1] ?? '';
    assert.equal((await get(fontUrl)).statusCode, 200, fontUrl);
    assert.doesNotMatch(
      (await get('/en')).body,
      /https?:\/\/(?!www\.canada\.ca|laws-lois)[^"]*\.(css|js|woff2?)/,
    );
  });

  test('reference data seeding is idempotent', async () => {
    const again = await guichet.services.catalogue.seedReferenceData(reference);
    assert.deepEqual(again, {
      jurisdictions: 14,
      agencies: reference.agencies.length,
      programmes: reference.programmes.length,
    });
    assert.equal((await guichet.services.catalogue.listJurisdictions()).length, 14);
    assert.equal((await guichet.services.catalogue.listProgrammes()).length, reference.programmes.length);
  });
});

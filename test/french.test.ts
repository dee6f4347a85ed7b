import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LOCALE_DIRS } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { createI18n } from '../src/platform/i18n/i18n.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadReferenceData } from '../src/catalogue/index.ts';
import { buildTestApp, CookieJar, requestWithJar } from './support/app.ts';
import { CODES, ENGLISH, visibleText } from './support/french-leaks.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseParameterFile, PARAMETERS_DIR } from '../src/rules/core/parameters.ts';

/**
 * French as a first language (issue #14, docs/glossary-fr.md): the catalogues use typographic apostrophes and
 * non-breaking spaces, and no French page lets English words or enumeration codes through.
 */
const NBSP = /[\u00a0\u202f]/;
const i18n = createI18n(LOCALE_DIRS);
const french = [
  ...[...i18n.keys('fr')].map((key) => [key, i18n.translator('fr').t(key)] as const),
  // The parameters' French descriptions are shown on the policy analyst's release preview.
  ...readdirSync(PARAMETERS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => {
      const path = join(PARAMETERS_DIR, file);
      return [file, parseParameterFile(path, readFileSync(path, 'utf8')).descriptionFr] as const;
    }),
  // The rules' reasons, on the finder's cards and in decision letters, for "you" and for a spouse or partner.
  ...['reasons.fr.json', 'reasons.partner.fr.json'].flatMap((file) =>
    Object.entries(
      JSON.parse(readFileSync(new URL(`../src/rules/${file}`, import.meta.url), 'utf8')) as Record<
        string,
        string
      >,
    ).map(([code, text]) => [`${file} ${code}`, text] as const),
  ),
  // The steps' names and the law's French titles, on decision pages and letters.
  ...Object.entries(
    JSON.parse(readFileSync(new URL('../src/rules/steps.fr.json', import.meta.url), 'utf8')) as Record<
      string,
      string
    >,
  ).map(([step, text]) => [`steps.fr.json ${step}`, text] as const),
  ...Object.values(
    JSON.parse(readFileSync(new URL('../src/rules/citations.fr.json', import.meta.url), 'utf8')) as Record<
      string,
      { title: string }
    >,
  ).map(({ title }) => ['citations.fr.json', title] as const),
];

describe('French catalogues follow French typography', () => {
  it('apostrophes are all typographic (’), never straight', () => {
    const straight = french.filter(([, text]) => text.includes("'")).map(([key]) => key);
    assert.deepEqual(straight, []);
  });

  it('a non-breaking space comes before ; : ! ? and inside « »', () => {
    const wrong = french
      .filter(
        ([, text]) =>
          [...text.matchAll(/(.)([;:!?])(?=\s|$)/g)].some((m) => !NBSP.test(m[1] ?? '')) ||
          [...text.matchAll(/«(.)|(.)»/g)].some((m) => !NBSP.test(m[1] ?? m[2] ?? '')),
      )
      .map(([key, text]) => `${key}: ${text}`);
    assert.deepEqual(wrong, []);
  });

  it('one term per concept: the glossary’s rejected terms do not appear', () => {
    const rejected = [
      /état matrimonial/i,
      /statut vital/i,
      /\bFin\b(?! de)/,
      /est changée/,
      /époux ou conjoint(?! de fait)/,
      // Epicene staff pages: « la personne cliente », « gestionnaire », doublets feminine first, written once.
      /(?<!personnes? |dossier )\bclients?(?!\p{L})/iu,
      /\bsuperviseur/i,
      /\bagent ou (?:une |l’|à une |de l’)?agente\b/i,
      /\bagente ou une agente\b/i,
      /\bune ou un agent\b/i,
    ];
    const found = french.filter(([, text]) => rejected.some((term) => term.test(text))).map(([key]) => key);
    assert.deepEqual(found, []);
  });
});

describe('French pages show no English words or codes', () => {
  let database: Database;
  let guichet: GuichetApp;
  before(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    guichet = await buildTestApp(database, {}, () => new Date('2026-05-15T12:00:00Z'));
  });
  after(async () => {
    await guichet.app.close();
    await database.close();
  });

  const pages = [
    '/fr',
    '/fr/aide',
    '/fr/aide/nous-joindre/oas',
    '/fr/aide/nous-joindre/ccb',
    '/fr/aide/bureaux',
    '/fr/aide/bureaux/pres-de/h3a',
    '/fr/aide/bureau/sc-montreal-guy-favreau',
    '/fr/aide/rappel',
    '/fr/aide/rendez-vous',
    '/fr/programmes',
    '/fr/avis',
    '/fr/confidentialite',
    '/fr/accessibilite',
    '/fr/connexion',
    ...loadReferenceData().programmes.map((programme) => `/fr/programmes/${String(programme.slug_fr)}`),
  ];

  it('every public French page, the help pages and every programme page', async () => {
    const leaks: string[] = [];
    for (const url of pages) {
      const response = await guichet.app.inject({ url });
      assert.equal(response.statusCode, 200, url);
      const text = visibleText(response.body);
      const leak = ENGLISH.exec(text) ?? CODES.exec(text);
      if (leak) leaks.push(`${url}: “${text.slice(Math.max(0, leak.index - 40), leak.index + 40).trim()}”`);
    }
    assert.deepEqual(leaks, []);
  });

  it('a refused French form (error summary and messages) stays French', async () => {
    const jar = new CookieJar();
    const form = await requestWithJar(guichet, jar, 'GET', '/fr/aide/rappel');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const refused = await requestWithJar(guichet, jar, 'POST', '/fr/aide/rappel', {
      _csrf: csrf,
      phone: 'abc',
    });
    const page = await requestWithJar(guichet, jar, 'GET', String(refused.headers.location));
    assert.match(page.body, /<title>Erreur/);
    const text = visibleText(page.body);
    assert.equal(ENGLISH.exec(text) ?? CODES.exec(text), null);
  });
});

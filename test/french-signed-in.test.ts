import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../src/app.ts';
import { SESSION_COOKIE } from '../src/identity/identity.paths.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../src/population/demo-people.ts';
import { buildTestApp, CookieJar, requestWithJar } from './support/app.ts';
import { describeOnBothDatabases } from './support/databases.ts';
import { findLeak } from './support/french-leaks.ts';
import { personSession, staffSession } from './support/identity/sessions.ts';

/**
 * The French leak test (test/french.test.ts) on the pages a person and staff see once signed in (issue #14):
 * My Guichet and everything under it, and the staff workspace, rendered in French with a record that has
 * something in every section, show no English word and no internal code.
 */
const jordan = DEMO_PEOPLE[1];
const CLOCK = () => new Date('2026-05-15T12:00:00Z');
const STAFF_ROLES = [
  'agent',
  'supervisor',
  'adjudicator',
  'payments-officer',
  'administrator',
  'analyst',
  'policy-analyst',
] as const;
const STAFF_NAME = `Test ${STAFF_ROLES.join(' ')}`;

const PERSON_PAGES = [
  '/fr/mon-guichet',
  '/fr/mon-guichet/profil',
  '/fr/mon-guichet/profil/adresse',
  '/fr/mon-guichet/profil/coordonnees',
  '/fr/mon-guichet/profil/depot-direct',
  '/fr/mon-guichet/profil/adresse/confirmation',
  '/fr/mon-guichet/consentements',
  '/fr/mon-guichet/consentements/donner',
  '/fr/mon-guichet/qui-a-ete-informe',
  '/fr/mon-guichet/journal-des-acces',
  '/fr/mon-guichet/mes-donnees',
  '/fr/mon-guichet/boite-de-reception',
  '/fr/mon-guichet/messages',
  '/fr/mon-guichet/messages/nouveau',
  '/fr/mon-guichet/demandes',
  '/fr/mon-guichet/prestations',
  '/fr/mon-guichet/paiements',
  '/fr/mon-guichet/representants',
  '/fr/mon-guichet/au-nom-de',
  '/fr/aide/rappel',
  '/fr/aide/rendez-vous',
];

const STAFF_PAGES = [
  '/fr/personnel',
  '/fr/personnel/trouver-un-client',
  `/fr/personnel/clients/${jordan.id}/motif`,
  `/fr/personnel/clients/${jordan.id}/dossier`,
  `/fr/personnel/clients/${jordan.id}/dossier/corriger/adresse`,
  `/fr/personnel/clients/${jordan.id}/dossier/corriger/coordonnees`,
  `/fr/personnel/clients/${jordan.id}/representants`,
  '/fr/personnel/demandes-aide',
  '/fr/personnel/transmissions',
  '/fr/personnel/dossiers',
  '/fr/personnel/messages',
  '/fr/personnel/paiements',
  '/fr/personnel/roles',
  '/fr/personnel/resultats',
  '/fr/personnel/politiques/diffusion',
];

describeOnBothDatabases('French signed-in pages show no English words or codes', (database) => {
  let guichet: GuichetApp;
  const person = new CookieJar();
  const staff = new CookieJar();
  const sessionIn = (jar: CookieJar, token: string) =>
    jar.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
  const csrf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

  before(async () => {
    guichet = await buildTestApp(database(), {}, CLOCK);
    const crypto = createFieldCrypto(testConfig());
    await ensureDemoPeople(database().db, crypto);
    await crypto.close();
    const { services } = guichet;
    await services.exchange.service.seedAgreements();
    await services.person.enrolments.enrol(jordan.id, 'ccb', '2025-01-01');
    sessionIn(person, await personSession(guichet, database(), jordan.id));
    sessionIn(staff, await staffSession(guichet, database(), STAFF_ROLES));
    // Something in every section: a change through check-your-answers, who was told, a consent, a call-back
    // request, and an agent who opened the file (the access log).
    const form = await requestWithJar(guichet, person, 'GET', '/fr/mon-guichet/profil/adresse');
    await requestWithJar(guichet, person, 'POST', '/fr/mon-guichet/profil/adresse', {
      _csrf: csrf(form.body),
      line1: '10 Main St',
      line2: '',
      city: 'Calgary',
      provinceCode: 'AB',
      postalCode: 'T2P 1J9',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '5',
      'effectiveFrom-year': '2026',
    });
    const check = await requestWithJar(guichet, person, 'GET', '/fr/mon-guichet/profil/adresse/verifier');
    await requestWithJar(guichet, person, 'POST', '/fr/mon-guichet/profil/adresse/verifier', {
      _csrf: csrf(check.body),
    });
    await services.exchange.dispatcher.drain();
    const self = { actor: { type: 'person' as const, id: jordan.id }, channel: 'online' as const };
    await services.exchange.consents.grant(jordan.id, 'esdc-on-social-assistance', 365, {
      ...self,
      purpose: 'self-service',
      correlationId: 'fr-test',
    });
    const callback = await requestWithJar(guichet, person, 'GET', '/fr/aide/rappel');
    await requestWithJar(guichet, person, 'POST', '/fr/aide/rappel', {
      _csrf: csrf(callback.body),
      name: 'Jordan Lee',
      phone: '403-555-0101',
      lang: 'fr',
      timeOfDay: 'morning',
      accommodations: 'relay',
      about: 'Ma prestation',
    });
    const purpose = await requestWithJar(guichet, staff, 'GET', `/fr/personnel/clients/${jordan.id}/motif`);
    await requestWithJar(guichet, staff, 'POST', `/fr/personnel/clients/${jordan.id}/motif`, {
      _csrf: csrf(purpose.body),
      purpose: 'phone-call',
      consent: 'yes',
    });
  });
  after(async () => {
    await guichet.app.close();
  });

  for (const [who, jar, pages] of [
    ['a person', person, PERSON_PAGES],
    ['staff', staff, STAFF_PAGES],
  ] as const) {
    it(`every page ${who} reaches once signed in`, async () => {
      const leaks: string[] = [];
      for (const url of pages) {
        const response = await requestWithJar(guichet, jar, 'GET', url);
        if (response.statusCode !== 200) {
          leaks.push(`${url} answered ${response.statusCode}`);
          continue;
        }
        assert.match(response.body, /<html lang="fr"/, url);
        // The agent's name (the fixture's, made of role codes) is data, not the interface: it is not a leak.
        const leak = findLeak(url, response.body.replaceAll(STAFF_NAME, 'Nom'));
        if (leak) leaks.push(leak);
      }
      assert.deepEqual(leaks, []);
    });
  }

  it('the pages checked hold the record, and the same page in English would be caught', async () => {
    const log = await requestWithJar(guichet, person, 'GET', '/fr/mon-guichet/journal-des-acces');
    assert.match(log.body, /Appel de votre part/, 'the agent’s visit is in the log');
    assert.match(log.body, /Modification de votre adresse/);
    const record = await requestWithJar(guichet, staff, 'GET', `/fr/personnel/clients/${jordan.id}/dossier`);
    assert.match(record.body, /Jordan Lee/);
    const english = await requestWithJar(guichet, person, 'GET', '/en/my-guichet/access-log');
    const unmarked = english.body.replace('<html lang="en"', '<html lang="fr"');
    assert.notEqual(findLeak('/en/my-guichet/access-log', unmarked), null);
  });
});

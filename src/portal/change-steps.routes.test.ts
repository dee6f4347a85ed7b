import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import { postgresUnavailableReason } from '../../test/support/databases.ts';
import {
  csrfFrom,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { normaliseReference } from '../platform/reference/reference.ts';

const jordan = DEMO_PEOPLE[1];
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const referenceOf = (body: string) => /<strong class="reference">([^<]+)<\/strong>/.exec(body)?.[1];
const pgReason = await postgresUnavailableReason();

for (const kind of ['pglite', 'postgres'] as const) {
  describe(
    `changes of the record: check your answers, then a reference [${kind}]`,
    {
      skip: kind === 'postgres' && pgReason !== null ? pgReason : false,
    },
    () => {
      let h: IdentityHarness;
      let jar: CookieJar;
      const get = (url: string) => guichetRequest(h, jar, 'GET', url);
      const post = (url: string, form: Record<string, string>) => guichetRequest(h, jar, 'POST', url, form);
      const changes = () => h.guichet.services.person.record.listChanges(jordan.id);

      before(async () => {
        h = await startIdentityHarness({}, kind);
        await h.guichet.services.exchange.service.seedAgreements();
        await h.guichet.services.person.enrolments.enrol(jordan.id, 'ccb', '2025-01-01');
        ({ jar } = await signIn(h, 'alberta', 'jordan.lee'));
      });
      after(() => h.close());

      it('nothing is saved until the person confirms; “Change” brings back what was typed', async () => {
        const before = (await changes()).length;
        const base = '/en/my-guichet/profile/address';
        const typed = {
          _csrf: await csrfFrom(h, jar, base),
          line1: '10 Main St',
          line2: '',
          city: 'Calgary',
          provinceCode: 'AB',
          postalCode: 't2p-1j9',
          'effectiveFrom-day': '1',
          'effectiveFrom-month': '3',
          'effectiveFrom-year': '2026',
        };
        const sent = await post(base, typed);
        assert.equal(sent.headers.location, `${base}/check`);
        assert.equal((await changes()).length, before, 'not saved by the form');
        const check = await get(`${base}/check`);
        assert.match(check.body, /<h1>Check your answers before saving<\/h1>/);
        assert.match(
          check.body,
          /<dd>T2P 1J9 <a href="\/en\/my-guichet\/profile\/address#postalCode">Change<span class="visually-hidden"> Postal code/,
        );
        assert.match(check.body, /March 1, 2026/);
        const french = await get('/fr/mon-guichet/profil/adresse/verifier');
        assert.match(french.body, /Vérifiez vos réponses avant d’enregistrer/);
        assert.match(french.body, /1<sup>er<\/sup> mars 2026|1er mars 2026/);
        assert.match(french.body, /Alberta/);
        const form = await get(base);
        assert.match(form.body, /value="10 Main St"/, 'the form shows what was typed, to change it');
        assert.doesNotMatch(form.body, /error-summary/);
        assert.equal((await changes()).length, before);
      });

      it('confirming saves once, with a reference read over the phone, and tells the agencies as before', async () => {
        const check = await get('/en/my-guichet/profile/address/check');
        const saved = await post('/en/my-guichet/profile/address/check', { _csrf: csrfOf(check.body) });
        assert.equal(saved.headers.location, '/en/my-guichet/profile/address/confirmation');
        const [change] = await changes();
        assert.equal(change?.element, 'address');
        assert.ok(change?.reference && normaliseReference(change.reference) === change.reference);
        const done = await get('/en/my-guichet/profile/address/confirmation');
        assert.match(done.body, /<h1>Your address has been changed<\/h1>/);
        assert.equal(referenceOf(done.body), change.reference);
        assert.match(done.body, /What happens next/);
        assert.match(done.body, /href="\/en\/my-guichet\/who-was-told"/);
        const fr = await get('/fr/mon-guichet/profil/adresse/confirmation');
        assert.match(fr.body, /Votre adresse a été modifiée/);
        assert.match(fr.body, /Prochaines étapes/);
        assert.equal(referenceOf(fr.body), change.reference);
        // The check step is over: sending it again saves nothing and goes back to the form.
        const again = await post('/en/my-guichet/profile/address/check', { _csrf: csrfOf(check.body) });
        assert.equal(again.headers.location, '/en/my-guichet/profile/address');
        assert.equal((await changes())[0]?.id, change.id);
        // Delivery is asynchronous (outbox, dispatcher, the agency's receipt): wait for the receipt, a few seconds at most.
        let told = await get('/en/my-guichet/who-was-told');
        for (let i = 0; i < 40 && !/Received /.test(told.body); i++) {
          await h.guichet.services.exchange.dispatcher.drain();
          await new Promise((resolve) => setTimeout(resolve, 250));
          told = await get('/en/my-guichet/who-was-told');
        }
        assert.match(told.body, /Canada Revenue Agency/);
        assert.match(told.body, /Received /);
      });

      it('a refusal keeps every field; the check page is not reached with an error', async () => {
        const base = '/fr/mon-guichet/profil/coordonnees';
        const refused = await post(base, {
          _csrf: await csrfFrom(h, jar, base),
          email: 'pas-un-courriel',
          phone: '',
          preferredLanguage: 'fr',
          preferredChannel: 'mail',
          accessibilityNeeds: 'Gros caractères',
          alternateFormats: 'braille',
        });
        assert.equal(refused.headers.location, base);
        assert.equal(
          (await get(`${base}/verifier`)).headers.location,
          base,
          'no check page for refused answers',
        );
        const page = await get(base);
        assert.match(page.body, /<title>Erreur/);
        assert.match(page.body, /value="pas-un-courriel"/);
        assert.match(page.body, /value="braille" checked/);
      });

      it('contact details and direct deposit go through the same steps, in French too', async () => {
        const contact = '/fr/mon-guichet/profil/coordonnees';
        await post(contact, {
          _csrf: await csrfFrom(h, jar, contact),
          email: 'jordan@example.ca',
          phone: '403-555-0101',
          preferredLanguage: 'fr',
          preferredChannel: 'mail',
          accessibilityNeeds: '',
          alternateFormats: 'large-print',
        });
        const check = await get(`${contact}/verifier`);
        assert.match(check.body, /jordan@example\.ca/);
        assert.match(check.body, /Gros caractères|gros caractères/i);
        const saved = await post(`${contact}/verifier`, { _csrf: csrfOf(check.body) });
        assert.equal(saved.headers.location, `${contact}/confirmation`);
        const done = await get(`${contact}/confirmation`);
        assert.match(done.body, /Vos coordonnées ont été modifiées/);
        assert.equal(referenceOf(done.body), (await changes())[0]?.reference);

        const deposit = '/en/my-guichet/profile/direct-deposit';
        await post(deposit, {
          _csrf: await csrfFrom(h, jar, deposit),
          institution: '003',
          transit: '01234',
          account: '7654321',
        });
        const depositCheck = await get(`${deposit}/check`);
        assert.match(depositCheck.body, /7654321/, 'the person checks the number they typed');
        assert.equal((await changes())[0]?.element, 'contact', 'not saved before the check');
        await post(`${deposit}/check`, { _csrf: csrfOf(depositCheck.body) });
        const [change] = await changes();
        assert.equal(change?.element, 'direct-deposit');
        const done2 = await get(`${deposit}/confirmation`);
        assert.match(done2.body, /Your direct deposit has been changed/);
        assert.equal(referenceOf(done2.body), change?.reference);
        assert.doesNotMatch(done2.body, /7654321/, 'the confirmation does not repeat the account');
        const references = (await changes()).map((c) => c.reference).filter(Boolean);
        assert.equal(new Set(references).size, references.length, 'each change has its own reference');
      });

      it('another person sees none of these confirmations, and is sent to their own profile', async () => {
        const other = await signIn(h, 'bc', 'harpreet.singh');
        for (const url of [
          '/en/my-guichet/profile/address/confirmation',
          '/en/my-guichet/profile/address/check',
        ]) {
          const response = await guichetRequest(h, other.jar, 'GET', url);
          assert.equal(response.statusCode, 303);
          assert.doesNotMatch(response.body, /[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}/);
        }
        assert.equal(
          (await guichetRequest(h, other.jar, 'GET', '/en/my-guichet/profile/address/confirmation')).headers
            .location,
          '/en/my-guichet/profile',
        );
      });
    },
  );
}

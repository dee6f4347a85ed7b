import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { GuichetApp } from '../app.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { personSession } from '../../test/support/identity/sessions.ts';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

// Sam lives in Ontario: only Ontario's and the Government of Canada's agencies are offered (issue #14).
const sam = DEMO_PEOPLE[3];
const jordan = DEMO_PEOPLE[1];
const GIVE = { en: '/en/my-guichet/consents/give', fr: '/fr/mon-guichet/consentements/donner' };
const ONTARIO = 'esdc-on-social-assistance';

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as a person types it in the three fields (day, month, year), without leading zeros. */
function typed(iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { 'until-day': String(Number(day)), 'until-month': String(Number(month)), 'until-year': year };
}

describeOnBothDatabases('giving a consent through My Guichet', (database) => {
  let guichet: GuichetApp;
  let jar: CookieJar;
  const consents = () => guichet.services.exchange.consents;

  const request = (method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
    requestWithJar(guichet, jar, method, url, form);
  async function give(lang: 'en' | 'fr', form: Record<string, string>) {
    const page = await request('GET', GIVE[lang]);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const response = await request('POST', GIVE[lang], { _csrf: token, ...form });
    assert.equal(response.statusCode, 303);
    return { response, page: await request('GET', String(response.headers.location)) };
  }

  before(async () => {
    guichet = await buildTestApp(database());
    const crypto = createFieldCrypto(testConfig());
    await ensureDemoPeople(database().db, crypto);
    await crypto.close();
    await guichet.services.exchange.service.seedAgreements();
    jar = new CookieJar();
    const token = await personSession(guichet, database(), sam.id);
    jar.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
  });
  after(async () => {
    await guichet.app.close();
  });

  it('lists only agreements in force that rest on consent, saying who, what, why, under which law, how long', async () => {
    const en = await request('GET', GIVE.en);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h1>Give a consent<\/h1>/);
    assert.match(en.body, /<legend>Which agency may receive your information\?<\/legend>/);
    assert.match(en.body, new RegExp(`value="${ONTARIO}"`));
    assert.match(en.body, /Ministry of Children, Community and Social Services \(Ontario\)/);
    assert.doesNotMatch(en.body, /value="esdc-bc-social-assistance"/, 'not a British Columbia agency');
    assert.doesNotMatch(en.body, /value="esdc-cra-benefits"/);
    assert.match(en.body, /Keep Ontario Works and the Ontario Disability Support Program up to date/);
    assert.match(en.body, /Privacy Act, s\. 8\(1\) \(with your consent\)/);
    assert.match(en.body, /up to 5 years\. This agreement ends on December 31, 2029/);
    assert.match(en.body, /Contact details/);
    const fr = await request('GET', GIVE.fr);
    assert.match(fr.body, /<h1>Donner un consentement<\/h1>/);
    assert.match(fr.body, /Loi sur la protection des renseignements personnels, par\. 8\(1\)/);
    assert.match(fr.body, /prend fin le 31 décembre 2029/);
  });

  it('gives a consent for a year: redirected to the consents page with a notice, listed and revocable', async () => {
    const { response, page } = await give('en', { agreement: ONTARIO, duration: '1y', until: '' });
    assert.equal(response.headers.location, '/en/my-guichet/consents');
    assert.match(page.body, /You gave your consent/);
    assert.match(page.body, /Withdraw consent for /);
    const [given] = (await consents().list(sam.id)).filter((c) => c.agreementId === ONTARIO);
    assert.equal(given?.state, 'active');
    const days = ((given?.expiresAt.getTime() ?? 0) - (given?.grantedAt.getTime() ?? 0)) / 86_400_000;
    assert.ok(days >= 365 && days <= 366, `a year, not ${days} days`);
    const offered = await request('GET', GIVE.en);
    assert.doesNotMatch(
      offered.body,
      new RegExp(`value="${ONTARIO}"`),
      'no second consent while one is active',
    );
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const revoked = await request('POST', `/en/my-guichet/consents/${given?.id ?? ''}/revoke`, {
      _csrf: token,
    });
    assert.equal(revoked.statusCode, 303);
    assert.equal((await consents().list(sam.id)).find((c) => c.id === given?.id)?.state, 'revoked');
  });

  it('gives a consent until a chosen date, in French', async () => {
    const until = isoDaysFromNow(100);
    const { response, page } = await give('fr', {
      agreement: ONTARIO,
      duration: 'until',
      ...typed(until),
    });
    assert.equal(response.headers.location, '/fr/mon-guichet/consentements');
    assert.match(page.body, /Vous avez donné votre consentement/);
    const given = (await consents().list(sam.id)).find(
      (c) => c.agreementId === ONTARIO && c.state === 'active',
    );
    assert.ok(given);
    const end = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(given.expiresAt);
    assert.equal(end, until, 'ends at the end of the chosen day, Eastern time');
    await consents().revoke(sam.id, given.id, {
      actor: { type: 'person', id: sam.id },
      channel: 'online',
      purpose: 'self-service',
      correlationId: 'test',
    });
  });

  it('a bad duration keeps the typed values and explains the problem in both languages', async () => {
    for (const [lang, duration, until, message] of [
      ['en', 'until', typed('2020-01-01'), 'Enter an end date after today'],
      ['fr', 'until', typed('2020-01-01'), 'Entrez une date de fin postérieure à aujourd’hui'],
      ['en', 'until', typed(isoDaysFromNow(6 * 366)), 'Enter an end date no more than 5 years from today'],
      ['en', 'until', typed('2027-02-31'), 'Enter a real date, for example 30 6 2027'],
      ['fr', 'until', typed('2027-02-31'), 'Entrez une date réelle, par exemple 30 6 2027'],
      ['en', 'until', { 'until-day': '1', 'until-month': 'June', 'until-year': '27' }, 'Enter a real date'],
      ['fr', 'until', {}, 'Entrez la date où votre consentement prend fin'],
      ['en', 'until', {}, 'Enter the date your consent ends'],
      ['fr', 'forever', {}, 'Choisissez la durée de votre consentement'],
    ] as const) {
      const { response, page } = await give(lang, { agreement: ONTARIO, duration, ...until });
      assert.equal(response.headers.location, GIVE[lang]);
      assert.match(page.body, /<title>(Error|Erreur)/, `${lang} ${JSON.stringify(until)}`);
      assert.ok(page.body.includes(message), `${lang}: ${message}`);
      assert.match(page.body, /class="error-summary"/);
      assert.match(page.body, new RegExp(`href="#${duration === 'forever' ? 'duration' : 'until-day'}"`));
      assert.match(page.body, new RegExp(`value="${ONTARIO}" checked`), 'the agreement chosen stays chosen');
      for (const [name, value] of Object.entries(until))
        assert.match(
          page.body,
          new RegExp(`name="${name}" value="${value}"`),
          `${name} keeps what was typed`,
        );
      if (duration === 'until')
        assert.match(page.body, /id="until-day" name="until-day"[^>]*aria-invalid="true"/);
    }
    assert.equal((await consents().list(sam.id)).filter((c) => c.state === 'active').length, 0);
  });

  it('an agreement that does not rest on consent is refused exactly like one that does not exist', async () => {
    const bodies: string[] = [];
    for (const agreement of ['esdc-cra-benefits', 'no-such-agreement', 'esdc-bc-social-assistance']) {
      const { page } = await give('en', { agreement, duration: '2y', until: '' });
      assert.match(page.body, /<title>Error: /);
      assert.match(page.body, /Choose one of the agencies listed/);
      assert.match(page.body, /value="2y" checked/);
      const main = page.body.slice(page.body.indexOf('<main'), page.body.indexOf('</main>'));
      bodies.push(main.replace(/name="_csrf" value="[^"]+"/g, ''));
    }
    assert.equal(bodies[0], bodies[1], 'no hint that the agreement exists');
    assert.equal(bodies[2], bodies[1], 'nor that another province’s agreement exists');
    const mine = await consents().list(sam.id);
    assert.equal(mine.filter((c) => c.agreementId === 'esdc-cra-benefits').length, 0);
    assert.equal(mine.filter((c) => c.agreementId === 'esdc-bc-social-assistance').length, 0);
  });

  it("refuses to revoke someone else's consent like one that does not exist, and audits the attempt", async () => {
    const context = {
      actor: { type: 'person', id: sam.id },
      channel: 'online',
      purpose: 'self-service',
      correlationId: 'test',
    } as const;
    const theirsId = await consents().grant(sam.id, ONTARIO, 30, context);
    const other = new CookieJar();
    const token = await personSession(guichet, database(), DEMO_PEOPLE[0].id);
    other.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
    const page = await requestWithJar(guichet, other, 'GET', GIVE.en);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const url = `/en/my-guichet/consents/${theirsId}/revoke`;
    const response = await requestWithJar(guichet, other, 'POST', url, { _csrf: csrf });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.ok((await consents().list(sam.id)).some((c) => c.id === theirsId && c.revokedAt === null));
    const attempts = await database()
      .db.selectFrom('audit_event')
      .select(['outcome', 'subject_person_id', 'actor_id'])
      .where('action', '=', 'exchange.consent.revoke')
      .where('outcome', '=', 'denied')
      .execute();
    assert.deepEqual(attempts, [
      { outcome: 'denied', subject_person_id: DEMO_PEOPLE[0].id, actor_id: DEMO_PEOPLE[0].id },
    ]);
  });

  it('a person in Alberta is asked to consent to no Ontario or British Columbia agency, and cannot give one', async () => {
    const albertan = new CookieJar();
    const token = await personSession(guichet, database(), jordan.id);
    albertan.store({ headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/` } });
    const page = await requestWithJar(guichet, albertan, 'GET', GIVE.en);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /value="esdc-on-social-assistance"|value="esdc-bc-social-assistance"/);
    assert.match(page.body, /There is nothing to consent to right now/);
    assert.deepEqual(await consents().available(jordan.id), []);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const refused = await requestWithJar(guichet, albertan, 'POST', GIVE.en, {
      _csrf: csrf,
      agreement: ONTARIO,
      duration: '1y',
      until: '',
    });
    assert.equal(refused.statusCode, 303);
    assert.equal(refused.headers.location, GIVE.en, 'refused, back to the form');
    assert.equal((await consents().list(jordan.id)).length, 0, 'nothing given');
  });

  it('a person who moves to Ontario is then offered Ontario’s agency, named with its province', async () => {
    await guichet.services.person.record.changeAddress(
      jordan.id,
      {
        kind: 'residential',
        line1: '1 Front St W',
        line2: null,
        city: 'Toronto',
        provinceCode: 'ON',
        postalCode: 'M5J 2X5',
        effectiveFrom: '2025-06-01',
      },
      {
        actor: { type: 'person', id: jordan.id },
        channel: 'online',
        purpose: 'self-service',
        correlationId: 't',
      },
    );
    const offers = await consents().available(jordan.id);
    assert.deepEqual(
      offers.map((offer) => [offer.agreementId, offer.jurisdiction.code, offer.jurisdiction.fr]),
      [[ONTARIO, 'ON', 'Ontario']],
    );
  });
});

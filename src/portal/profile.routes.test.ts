import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import {
  csrfFrom,
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';

const jordan = DEMO_PEOPLE[1];
const amelie = DEMO_PEOPLE[0];

/** What a refused form kept is held on the server, encrypted: never in a cookie, sealed or not (ASVS 14.3.3). */
function assertNothingTypedInCookies(
  response: { headers: Record<string, unknown> },
  typed: readonly string[],
): void {
  const cookies = ([] as string[]).concat(
    (response.headers['set-cookie'] as string | string[] | undefined) ?? [],
  );
  assert.ok(
    !cookies.some((cookie) => cookie.startsWith('__Host-guichet-form=')),
    'no form cookie when signed in',
  );
  for (const value of typed)
    assert.ok(!cookies.some((cookie) => decodeURIComponent(cookie).includes(value)), `${value} in a cookie`);
}

describe('client record pages: My profile, tell-us-once, consents, access log, my data, staff record', () => {
  let h: IdentityHarness;
  let jar: CookieJar;
  const services = () => h.guichet.services;
  const follow = async (response: { headers: Record<string, unknown> }) =>
    guichetRequest(h, jar, 'GET', String(response.headers.location));

  before(async () => {
    h = await startIdentityHarness();
    await services().exchange.service.seedAgreements();
    await services().person.enrolments.enrol(jordan.id, 'ccb', '2025-01-01');
    ({ jar } = await signIn(h, 'alberta', 'jordan.lee'));
  });
  after(() => h.close());

  it('My profile shows the record in both languages, SIN masked', async () => {
    for (const [url, heading] of [
      ['/en/my-guichet/profile', 'My profile'],
      ['/fr/mon-guichet/profil', 'Mon profil'],
    ] as const) {
      const page = await guichetRequest(h, jar, 'GET', url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${heading}</h1>`));
      assert.match(page.body, /Jordan Lee/);
      assert.match(page.body, /\*\*\* \*\*\* 674/);
      assert.doesNotMatch(page.body, new RegExp(jordan.sin));
      assert.equal(page.headers['cache-control'], 'no-store');
    }
  });

  it('the header names the person signed in as the register has the name now', async () => {
    const rename = (family: string) =>
      h.database.db.updateTable('person').set({ family_name: family }).where('id', '=', jordan.id).execute();
    const header = async () =>
      /class="identity-who">([^<]*)</.exec((await guichetRequest(h, jar, 'GET', '/en/my-guichet')).body)?.[1];
    assert.equal(await header(), 'Signed in as Jordan Lee');
    await rename('Lee-Tremblay');
    try {
      assert.equal(await header(), 'Signed in as Jordan Lee-Tremblay', 'read with the session, never cached');
    } finally {
      await rename('Lee');
    }
  });

  it('a postal code from another province is refused inline, bilingually, with the typed values kept', async () => {
    for (const [base, message] of [
      ['/en/my-guichet/profile/address', 'not in the province'],
      ['/fr/mon-guichet/profil/adresse', 'ne se trouve pas dans la province'],
    ] as const) {
      const form = {
        _csrf: await csrfFrom(h, jar, base),
        line1: '10 Main St',
        city: 'Calgary',
        provinceCode: 'AB',
        postalCode: 'K1A 0B1',
        effectiveFrom: '2026-03-01',
      };
      const refused = await guichetRequest(h, jar, 'POST', base, form);
      assert.equal(refused.statusCode, 303, 'Post/Redirect/Get: back to the form');
      assert.equal(refused.headers.location, base);
      assertNothingTypedInCookies(refused, ['10 Main St', 'K1A']);
      const page = await follow(refused);
      assert.match(page.body, /<title>(Error|Erreur)/);
      assert.match(page.body, new RegExp(message));
      assert.match(page.body, /value="10 Main St"/);
      assert.match(page.body, /value="K1A 0B1"/);
    }
  });

  it('contact details refused are shown again with everything typed, long text and checkboxes too', async () => {
    const base = '/en/my-guichet/profile/contact';
    const needs = `${'I use a screen reader and need documents I can read with it. '.repeat(9)}`.trim();
    const refused = await guichetRequest(h, jar, 'POST', base, {
      _csrf: await csrfFrom(h, jar, base),
      email: 'jordan-at-example.ca',
      phone: '',
      preferredLanguage: 'en',
      preferredChannel: 'online',
      accessibilityNeeds: needs,
      alternateFormats: 'braille',
    });
    assert.equal(refused.statusCode, 303);
    assertNothingTypedInCookies(refused, ['jordan-at-example', 'screen reader']);
    const page = await follow(refused);
    assert.equal(page.statusCode, 200);
    assert.ok(needs.length > 500);
    assert.match(page.body, /<a href="#email">Enter an email address in the right format/);
    assert.match(page.body, /<a href="#accessibilityNeeds">Use 500 characters or fewer/);
    assert.match(page.body, /value="jordan-at-example.ca"/);
    assert.ok(page.body.includes(needs), 'the whole text comes back to be shortened');
    assert.match(page.body, /value="braille" checked/);
  });

  it('an address changed once reaches each enrolment and agency, shown with times', async () => {
    const base = '/en/my-guichet/profile/address';
    const form = {
      _csrf: await csrfFrom(h, jar, base),
      line1: '10 Main St',
      city: 'Calgary',
      provinceCode: 'AB',
      postalCode: 't2p-1j9',
      effectiveFrom: '2026-03-01',
    };
    const response = await guichetRequest(h, jar, 'POST', base, form);
    assert.equal(response.headers.location, '/en/my-guichet/profile/address/check');
    const check = await follow(response);
    const saved = await guichetRequest(h, jar, 'POST', '/en/my-guichet/profile/address/check', {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(check.body)?.[1] ?? '',
    });
    assert.equal(saved.headers.location, '/en/my-guichet/profile/address/confirmation');
    await services().exchange.dispatcher.drain();
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/who-was-told');
    assert.match(page.body, /Canada Revenue Agency/);
    assert.match(page.body, /Canada Child Benefit/);
    assert.match(page.body, /Received /);
    assert.doesNotMatch(page.body, /Waiting to be sent/);
  });

  it('a bad bank number is refused with the typed values kept and never stored', async () => {
    const base = '/en/my-guichet/profile/direct-deposit';
    const form = await guichetRequest(h, jar, 'GET', base);
    assert.equal(form.statusCode, 200, 'a provincial login with MFA counts as a fresh second factor');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const refused = await guichetRequest(h, jar, 'POST', base, {
      _csrf: csrf,
      institution: '01',
      transit: '12345',
      account: '1234567',
    });
    assert.equal(refused.statusCode, 303);
    assertNothingTypedInCookies(refused, ['1234567', '12345']);
    const response = await follow(refused);
    assert.match(response.body, /3-digit institution number/);
    assert.match(response.body, /value="1234567"/);
    const french = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/profil/depot-direct');
    assert.match(french.body, /value="1234567"/, 'what was typed survives the language toggle');
  });

  it('the person sees and revokes a consent; another person’s consent is not found', async () => {
    const context = {
      actor: { type: 'person' as const, id: jordan.id },
      channel: 'online' as const,
      purpose: 'self-service',
      correlationId: 'test-consent-1',
    };
    const agreement = 'esdc-on-social-assistance';
    const mine = await services().exchange.consents.grant(jordan.id, agreement, 365, context);
    const theirs = await services().exchange.consents.grant(amelie.id, agreement, 365, {
      ...context,
      actor: { type: 'person', id: amelie.id },
    });
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/consents');
    assert.match(page.body, /Withdraw consent for/);
    // Withdrawing asks for confirmation first (issue #14); someone else's consent is not found.
    const confirm = await guichetRequest(h, jar, 'GET', `/en/my-guichet/consents/${mine}/revoke`);
    assert.match(confirm.body, /Withdraw your consent for .*\?/);
    assert.match(confirm.body, /No, keep my consent/);
    assert.equal(
      (await guichetRequest(h, jar, 'GET', `/en/my-guichet/consents/${theirs}/revoke`)).statusCode,
      404,
    );
    const csrf = /name="_csrf" value="([^"]+)"/.exec(confirm.body)?.[1] ?? '';
    const denied = await guichetRequest(h, jar, 'POST', `/en/my-guichet/consents/${theirs}/revoke`, {
      _csrf: csrf,
    });
    assert.equal(denied.statusCode, 404);
    assert.equal((await services().exchange.consents.list(amelie.id))[0]?.state, 'active');
    const revoked = await guichetRequest(h, jar, 'POST', `/en/my-guichet/consents/${mine}/revoke`, {
      _csrf: csrf,
    });
    assert.equal(revoked.statusCode, 303);
    assert.match((await follow(revoked)).body, /Withdrawn/);
  });

  it('after an agent opens the file, the person sees role, agency, purpose and channel, not the name', async () => {
    const staff = await signIn(h, 'staff', 'agent');
    const purpose = await guichetRequest(h, staff.jar, 'GET', `/en/staff/clients/${jordan.id}/purpose`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(purpose.body)?.[1] ?? '';
    await guichetRequest(h, staff.jar, 'POST', `/en/staff/clients/${jordan.id}/purpose`, {
      _csrf: csrf,
      purpose: 'phone-call',
      consent: 'yes',
    });
    const record = await guichetRequest(h, staff.jar, 'GET', `/en/staff/clients/${jordan.id}/record`);
    assert.equal(record.statusCode, 200);
    assert.match(record.body, /Client record: Jordan Lee/);
    const log = await guichetRequest(h, jar, 'GET', '/en/my-guichet/access-log');
    assert.match(log.body, /Service agent, /);
    assert.match(log.body, /You called us/);
    assert.match(log.body, /By phone/);
    const names = await h.database.db.selectFrom('identity_staff').select('display_name').execute();
    assert.ok(names.length > 0);
    for (const { display_name } of names) assert.equal(log.body.includes(display_name), false);
  });

  it('staff see the bank account masked; only a supervisor sees it whole', async () => {
    await services().person.record.changeDirectDeposit(
      jordan.id,
      { institution: '003', transit: '01234', account: '7654321' },
      {
        actor: { type: 'person', id: jordan.id },
        channel: 'online',
        purpose: 'self-service',
        correlationId: 't',
      },
    );
    const recordAs = async (role: 'agent' | 'supervisor') => {
      const staff = await signIn(h, 'staff', role);
      const path = `/en/staff/clients/${jordan.id}/purpose`;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(
        (await guichetRequest(h, staff.jar, 'GET', path)).body,
      )?.[1];
      await guichetRequest(h, staff.jar, 'POST', path, {
        _csrf: csrf ?? '',
        purpose: 'phone-call',
        consent: 'yes',
      });
      return (await guichetRequest(h, staff.jar, 'GET', `/en/staff/clients/${jordan.id}/record`)).body;
    };
    const agentView = await recordAs('agent');
    assert.match(agentView, /321/);
    assert.equal(agentView.includes('7654321'), false);
    assert.match(await recordAs('supervisor'), /7654321/);
  });

  it('download my data: JSON file and a readable page, SIN never in full', async () => {
    const json = await guichetRequest(h, jar, 'GET', '/en/my-guichet/my-data.json');
    assert.match(String(json.headers['content-type']), /application\/json/);
    const data = JSON.parse(json.body) as { profile: { givenName: string }; whoWasTold: unknown[] };
    assert.equal(data.profile.givenName, 'Jordan');
    assert.ok(data.whoWasTold.length >= 2);
    assert.doesNotMatch(json.body, new RegExp(jordan.sin));
    const page = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/mes-donnees');
    assert.match(page.body, /Télécharger mes données/);
  });

  it('staff see pending and failed deliveries; people cannot', async () => {
    const staff = await signIn(h, 'staff', 'agent');
    const page = await guichetRequest(h, staff.jar, 'GET', '/en/staff/deliveries');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Tell-us-once deliveries/);
    assert.equal((await guichetRequest(h, jar, 'GET', '/en/staff/deliveries')).statusCode, 403);
    const metrics = await h.guichet.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /guichet_exchange_deliveries_queued_total\{element="address"\} [1-9]/);
    assert.match(metrics.body, /guichet_exchange_delivery_latency_seconds_bucket/);
  });
});

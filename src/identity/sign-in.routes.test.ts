import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  authenticateAtProvider,
  CookieJar,
  demoAccount,
  guichetRequest,
  RP_BASE_URL,
  sessionCookie,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { DEMO_PEOPLE } from '../population/demo-people.ts';

describe('sign-in through the built-in providers (real HTTP, real tokens)', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  it('offers every person provider on the bilingual choice page, linked from the home page', async () => {
    for (const [url, text] of [
      ['/en/sign-in', 'Sign in to Guichet'],
      ['/fr/connexion', 'Se connecter à Guichet'],
    ] as const) {
      const page = await guichetRequest(h, new CookieJar(), 'GET', url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(text));
      for (const id of ['gckey', 'alberta', 'bc']) assert.match(page.body, new RegExp(`/${id}"`));
      assert.doesNotMatch(page.body, /\/staff"/);
    }
  });

  it('signs in with the GCKey-style provider (password + TOTP) and shows My Guichet', async () => {
    const { jar, callback } = await signIn(h, 'gckey', 'amelie.tremblay');
    assert.equal(callback.statusCode, 303, callback.body);
    assert.equal(callback.headers.location, '/en/my-guichet');
    assert.match(
      String(callback.headers['set-cookie']),
      /__Host-guichet-session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /GCKey \(demonstration\)/);
    assert.match(page.body, /Level 2/);
    assert.match(page.body, /Not yet confirmed/);
    assert.doesNotMatch(
      page.body,
      new RegExp(sessionCookie(jar) ?? 'x'),
      'the session id never appears in a page',
    );
  });

  it('signs in with the Alberta-style provider in French and links by verified name and birth date', async () => {
    const { jar, callback } = await signIn(h, 'alberta', 'jordan.lee', { lang: 'fr' });
    assert.equal(callback.headers.location, '/fr/mon-guichet');
    const page = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet');
    assert.match(page.body, /Jordan Lee/);
    assert.match(page.body, /Niveau 2/);
    assert.match(page.body, /Compte Alberta.ca/);
  });

  it('signs in with the BC-style provider at level 3 and links', async () => {
    const { jar } = await signIn(h, 'bc', 'harpreet.singh');
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.match(page.body, /Harpreet Singh/);
    assert.match(page.body, /Level 3/);
  });

  it('does not link a basic (level 1) provincial account automatically', async () => {
    const { jar } = await signIn(h, 'alberta', 'casey.basic');
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.match(page.body, /Level 1/);
    assert.match(page.body, /Not yet confirmed/);
  });

  it('keys logins by (issuer, subject): the same subject at two providers is two logins', async () => {
    const rows = await h.database.db
      .selectFrom('identity_login')
      .select(['issuer', 'subject', 'person_id'])
      .execute();
    const issuers = new Set(rows.map((row) => row.issuer));
    assert.ok(issuers.size >= 3);
    assert.equal(rows.find((row) => row.subject === 'ab-5521-0098')?.person_id, DEMO_PEOPLE[1].id);
  });

  it('staff sign in through their own provider and land in the staff workspace with their roles', async () => {
    const { jar, callback } = await signIn(h, 'staff', 'agent');
    assert.equal(callback.headers.location, '/en/staff');
    const page = await guichetRequest(h, jar, 'GET', '/en/staff');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Alex Agent/);
    assert.match(page.body, /Agent/);
  });

  it('refuses a replayed authorization response and leaves no session behind', async () => {
    const jar = new CookieJar();
    const start = await guichetRequest(h, jar, 'GET', '/en/sign-in/gckey');
    const journey = await authenticateAtProvider(
      String(start.headers.location),
      demoAccount('gckey', 'sam.nguyen'),
      h.providerClock,
    );
    const path = journey.callbackUrl.slice(RP_BASE_URL.length);
    const auth = jar.get('__Host-guichet-auth') ?? '';
    const first = await guichetRequest(h, jar, 'GET', path);
    assert.equal(first.statusCode, 303);
    const replayJar = new CookieJar();
    replayJar.set('__Host-guichet-auth', auth);
    const replay = await guichetRequest(h, replayJar, 'GET', path);
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /We could not sign you in/);
    assert.match(replay.body, /Quote this reference/);
    assert.equal(sessionCookie(replayJar), undefined);
  });

  it('refuses a tampered state', async () => {
    const jar = new CookieJar();
    const start = await guichetRequest(h, jar, 'GET', '/en/sign-in/gckey');
    const journey = await authenticateAtProvider(
      String(start.headers.location),
      demoAccount('gckey', 'sam.nguyen'),
      h.providerClock,
    );
    const tampered = journey.callbackUrl.slice(RP_BASE_URL.length).replace(/state=[^&]+/, 'state=forged');
    const response = await guichetRequest(h, jar, 'GET', tampered);
    assert.equal(response.statusCode, 400);
    assert.equal(sessionCookie(jar), undefined);
    const audit = await h.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('action', '=', 'identity.sign-in')
      .where('outcome', '=', 'failure')
      .execute();
    assert.ok(audit.length >= 1);
  });

  it('a callback without any sign-in in progress is an error page, never a stack trace', async () => {
    const response = await guichetRequest(h, new CookieJar(), 'GET', '/auth/callback?code=abc&state=def');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /We could not sign you in/);
    assert.doesNotMatch(response.body, /at \w+ \(/);
  });

  it('unknown providers are 404', async () => {
    const response = await guichetRequest(h, new CookieJar(), 'GET', '/en/sign-in/nowhere');
    assert.equal(response.statusCode, 404);
  });

  it('records sign-in successes in the audit log without tokens', async () => {
    const rows = await h.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'details'])
      .where('action', '=', 'identity.sign-in')
      .where('outcome', '=', 'success')
      .execute();
    assert.ok(rows.length >= 4);
    assert.doesNotMatch(JSON.stringify(rows), /eyJ|code_verifier|password/);
  });
});

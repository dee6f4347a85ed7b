import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { importJWK, SignJWT } from 'jose';
import {
  csrfFrom,
  guichetRequest,
  sessionCookie,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';

const MINUTE = 60;

describe('sessions: fixation, timeouts, logout, back-channel logout, step-up', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  const myGuichet = (jar: CookieJar) => guichetRequest(h, jar, 'GET', '/en/my-guichet');
  const extend = async (jar: CookieJar) =>
    guichetRequest(h, jar, 'POST', '/en/session', { _csrf: await csrfFrom(h, jar, '/en/session') });

  it('issues a new session id at sign-in and the old one stops working (ASVS 7.2.4)', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const first = sessionCookie(jar);
    await signIn(h, 'gckey', 'amelie.tremblay', { jar });
    const second = sessionCookie(jar);
    assert.ok(first && second && first !== second);
    jar.set('__Host-guichet-session', first);
    const replay = await myGuichet(jar);
    assert.equal(replay.statusCode, 303);
    assert.match(String(replay.headers.location), /^\/en\/sign-in\?return=/);
  });

  it('ends a session after 20 minutes without activity, with a warning and an extend form before that', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const page = await myGuichet(jar);
    assert.match(page.body, /id="identity-timeout"[^>]*data-warning-seconds="180"/);
    assert.match(page.body, /Session ends at/);
    h.clock.advance(19 * MINUTE);
    assert.equal((await myGuichet(jar)).statusCode, 200);
    h.clock.advance(20 * MINUTE + 1);
    const expired = await myGuichet(jar);
    assert.equal(expired.statusCode, 303);
    assert.match(String(expired.headers.location), /expired=idle/);
    const notice = await guichetRequest(h, jar, 'GET', String(expired.headers.location));
    assert.match(notice.body, /inactive for 20 minutes/);
  });

  it('records activity at most every 30 seconds, and counts the idle timeout from what it recorded', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const lastSeen = async () => {
      const rows = await h.database.db
        .selectFrom('identity_session')
        .select('last_seen_at')
        .where('ended_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .execute();
      return new Date(rows[0]?.last_seen_at ?? 0).getTime();
    };
    await myGuichet(jar);
    const first = await lastSeen();
    h.clock.advance(20);
    assert.equal((await myGuichet(jar)).statusCode, 200);
    assert.equal(await lastSeen(), first, 'a page 20 s later writes nothing');
    h.clock.advance(15);
    assert.equal((await myGuichet(jar)).statusCode, 200);
    assert.ok((await lastSeen()) >= first + 35_000, 'a page 35 s later records the activity');
    h.clock.advance(20 * MINUTE - 10);
    assert.equal((await myGuichet(jar)).statusCode, 200, 'still inside 20 minutes of recorded activity');
  });

  it('"Stay signed in" extends the session, again and again (at least 10 times)', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    for (let i = 0; i < 12; i += 1) {
      h.clock.advance(18 * MINUTE);
      const response = await extend(jar);
      assert.equal(response.statusCode, 303, `extension ${i + 1}`);
    }
    assert.equal((await myGuichet(jar)).statusCode, 200);
  });

  it('ends even an active session after 12 hours', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    for (let minutes = 0; minutes < 12 * 60 - 15; minutes += 15) {
      h.clock.advance(15 * MINUTE);
      assert.equal((await myGuichet(jar)).statusCode, 200, `after ${minutes + 15} minutes`);
    }
    h.clock.advance(16 * MINUTE);
    const expired = await myGuichet(jar);
    assert.equal(expired.statusCode, 303);
    assert.match(String(expired.headers.location), /expired=absolute/);
  });

  it('sign-out is real: the old cookie is dead afterwards', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const old = sessionCookie(jar) ?? '';
    const out = await guichetRequest(h, jar, 'POST', '/en/sign-out', {
      _csrf: await csrfFrom(h, jar, '/en/my-guichet'),
    });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/en/signed-out');
    assert.equal(out.headers['clear-site-data'], '"cache", "cookies", "storage"');
    assert.equal(sessionCookie(jar), undefined);
    jar.set('__Host-guichet-session', old);
    assert.equal((await myGuichet(jar)).statusCode, 303);
    const audit = await h.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'identity.sign-out')
      .execute();
    assert.ok(audit.length >= 1);
  });

  it('"sign out everywhere" ends the other sessions of the same person', async () => {
    const { jar: laptop } = await signIn(h, 'bc', 'harpreet.singh');
    const { jar: phone } = await signIn(h, 'bc', 'harpreet.singh');
    assert.equal((await myGuichet(phone)).statusCode, 200);
    const out = await guichetRequest(h, laptop, 'POST', '/en/sign-out-everywhere', {
      _csrf: await csrfFrom(h, laptop, '/en/my-guichet'),
    });
    assert.equal(out.headers.location, '/en/signed-out?reason=everywhere');
    assert.equal(out.headers['clear-site-data'], '"cache", "cookies", "storage"');
    assert.equal((await myGuichet(phone)).statusCode, 303);
  });

  it('asks for a fresh second factor after 20 minutes before a sensitive change, then renews the session id', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    h.clock.advance(15 * MINUTE);
    await extend(jar);
    h.clock.advance(6 * MINUTE);
    const csrf = await csrfFrom(h, jar, '/en/my-guichet');
    const blocked = await guichetRequest(h, jar, 'POST', `/en/my-guichet/logins/${randomUUID()}/remove`, {
      _csrf: csrf,
    });
    assert.equal(blocked.statusCode, 303);
    assert.match(String(blocked.headers.location), /^\/en\/verify-again\?level=2/);
    const stepUpPage = await guichetRequest(h, jar, 'GET', String(blocked.headers.location));
    assert.match(stepUpPage.body, /Confirm it is you/);
    const before = sessionCookie(jar);
    const { callback } = await signIn(h, 'gckey', 'amelie.tremblay', {
      jar,
      query: '?intent=step-up&return=/en/my-guichet',
    });
    assert.equal(callback.statusCode, 303);
    assert.notEqual(sessionCookie(jar), before);
    const allowed = await guichetRequest(h, jar, 'POST', `/en/my-guichet/logins/${randomUUID()}/remove`, {
      _csrf: await csrfFrom(h, jar, '/en/my-guichet'),
    });
    assert.equal(allowed.headers.location, '/en/my-guichet');
  });

  it('refuses a step-up completed with a different account', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const { callback } = await signIn(h, 'gckey', 'sam.nguyen', { jar, query: '?intent=step-up' });
    assert.equal(callback.statusCode, 400);
    assert.match(callback.body, /different account/);
  });

  describe('back-channel logout', () => {
    const logoutToken = async (claims: Record<string, unknown>, typ = 'logout+jwt') => {
      const provider = h.providers.find((p) => p.id === 'alberta');
      assert.ok(provider);
      const key = await importJWK(provider.signingJwk, 'RS256');
      return new SignJWT({
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        jti: randomUUID(),
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', typ, kid: String(provider.signingJwk.kid) })
        .setIssuer(provider.issuer)
        .setAudience(provider.rp.clientId)
        .setIssuedAt(Math.floor(h.clock().getTime() / 1000))
        .sign(key);
    };
    const post = (token: string) =>
      h.guichet.app.inject({
        method: 'POST',
        url: '/api/identity/backchannel-logout/alberta',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ logout_token: token }).toString(),
      });
    const sidOf = async () => {
      const row = await h.database.db
        .selectFrom('identity_session')
        .select('provider_sid')
        .where('provider_id', '=', 'alberta')
        .where('ended_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return String(row?.provider_sid);
    };

    it('ends the sessions of the provider session named by sid, and refuses a replayed jti', async () => {
      const { jar } = await signIn(h, 'alberta', 'jordan.lee');
      const token = await logoutToken({ sid: await sidOf() });
      assert.equal((await post(token)).statusCode, 200);
      assert.equal((await myGuichet(jar)).statusCode, 303);
      assert.equal((await post(token)).statusCode, 400);
    });

    it('ends every session of a subject when there is no sid', async () => {
      const { jar } = await signIn(h, 'alberta', 'jordan.lee');
      assert.equal((await post(await logoutToken({ sub: 'ab-5521-0098' }))).statusCode, 200);
      assert.equal((await myGuichet(jar)).statusCode, 303);
    });

    it('refuses tokens without the event, with a nonce, with the wrong typ, or too old', async () => {
      const { jar } = await signIn(h, 'alberta', 'jordan.lee');
      const sid = await sidOf();
      assert.equal((await post(await logoutToken({ sid, events: {} }))).statusCode, 400);
      assert.equal((await post(await logoutToken({ sid, nonce: 'n' }))).statusCode, 400);
      assert.equal((await post(await logoutToken({ sid }, 'JWT'))).statusCode, 400);
      const old = await logoutToken({ sid });
      h.clock.advance(10 * MINUTE);
      assert.equal((await post(old)).statusCode, 400);
      assert.equal((await post('not-a-jwt')).statusCode, 400);
      h.clock.advance(-10 * MINUTE);
      assert.equal((await myGuichet(jar)).statusCode, 200);
    });
  });
});

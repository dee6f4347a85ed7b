import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { CookieJar, fakeClock } from '../../../test/support/identity/identity-harness.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { startProvider } from './provider-server.ts';
import type { RunningProvider } from './provider-server.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hotp, totp, verifyTotp } from './totp.ts';

describe('TOTP (RFC 6238) and password hashing', () => {
  it('matches the RFC 4226 test vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    assert.deepEqual(
      [0, 1, 2, 9].map((c) => hotp(secret, c)),
      ['755224', '287082', '359152', '520489'],
    );
  });
  it('accepts the current step once only (ASVS 6.5.1, 6.5.5)', () => {
    const at = new Date('2026-11-22T12:00:10Z');
    const code = totp('JBSWY3DPEHPK3PXP', at);
    const step = verifyTotp('JBSWY3DPEHPK3PXP', code, at);
    assert.ok(step !== null);
    assert.equal(verifyTotp('JBSWY3DPEHPK3PXP', code, at, step), null);
    assert.equal(verifyTotp('JBSWY3DPEHPK3PXP', code, new Date(at.getTime() + 30_000)), null);
  });
  it('hashes passwords with scrypt and a salt', async () => {
    const a = await hashPassword('correct horse');
    assert.notEqual(a, await hashPassword('correct horse'));
    assert.ok(await verifyPassword('correct horse', a));
    assert.ok(!(await verifyPassword('wrong horse', a)));
  });
});

// Its keys, oidc-provider's models and the failure counters are in the database (ADR 0013): both databases.
describeOnBothDatabases('built-in provider sign-in pages', (database) => {
  let provider: RunningProvider;
  const clock = fakeClock();
  before(async () => {
    provider = await startProvider('gckey', {
      rpBaseUrl: 'http://localhost:3000',
      port: 0,
      clock,
      db: database().db,
    });
  });
  after(() => provider.close());

  async function loginPage(lang = 'en-CA'): Promise<{ jar: CookieJar; action: string; html: string }> {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: 'guichet-gckey',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: 'http://localhost:3000/auth/callback',
      state: 's',
      nonce: 'n',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ui_locales: lang,
      prompt: 'login',
    });
    const jar = new CookieJar();
    let url = `${provider.issuer}/auth?${query.toString()}`;
    for (;;) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.storeLines(response.headers.getSetCookie());
      if (response.status === 303 || response.status === 302) {
        url = new URL(response.headers.get('location') ?? '', url).href;
        continue;
      }
      const html = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
      return { jar, action: new URL(action, url).href, html };
    }
  }
  const post = (jar: CookieJar, url: string, form: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it('serves discovery with its own issuer and keys', async () => {
    const discovery = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, provider.issuer);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as {
      keys: { kid: string; d?: string }[];
    };
    assert.equal(jwks.keys[0]?.kid, provider.signingJwk.kid);
    assert.equal(jwks.keys[0]?.d, undefined, 'no private key material is published');
  });

  it('shows its sign-in page in the language asked for with ui_locales', async () => {
    assert.match((await loginPage('fr-CA')).html, /<html lang="fr"[\s\S]*Nom d’utilisateur/);
    assert.match((await loginPage('en-CA')).html, /<html lang="en"[\s\S]*Username/);
  });

  it('answers the same for an unknown username and a wrong password (ASVS 6.3.8)', async () => {
    const unknown = await loginPage();
    const a = await post(unknown.jar, unknown.action, { username: 'nobody.here', password: 'x' });
    const known = await loginPage();
    const b = await post(known.jar, known.action, { username: 'sam.nguyen', password: 'x' });
    assert.equal(a.status, b.status);
    const strip = (html: string) => html.replace(/\/interaction\/[\w-]+/g, '').replace(/value="[^"]*"/g, '');
    assert.equal(strip(await a.text()), strip(await b.text()));
  });

  it('answers 429 at the 6th failed sign-in for the same account and address within a minute', async () => {
    const { jar, action } = await loginPage();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await post(jar, action, { username: 'amelie.tremblay', password: 'wrong' })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    const right = await post(jar, action, { username: 'amelie.tremblay', password: DEMO_PASSWORD });
    assert.equal(right.status, 429, 'locked even with the right password');
    clock.advance(61);
    const later = await post(jar, action, { username: 'amelie.tremblay', password: DEMO_PASSWORD });
    assert.equal(later.status, 303);
  });

  it('locks one-time code entry for 10 minutes after 10 wrong codes', async () => {
    const { jar, action } = await loginPage();
    const afterPassword = await post(jar, action, { username: 'harpreet.singh', password: DEMO_PASSWORD });
    assert.equal(afterPassword.status, 303);
    const otpUrl = new URL(`${new URL(action).pathname.replace(/\/login$/, '/otp')}?lang=en`, provider.issuer)
      .href;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await post(jar, otpUrl, { code: '000000' })).status);
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
    const right = await post(jar, otpUrl, { code: totp('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', clock()) });
    assert.equal(right.status, 429);
  });

  it('shows the demo TOTP codes on a development page', async () => {
    const page = await (await fetch(`${provider.issuer}/dev/totp?lang=fr`)).text();
    assert.match(page, /JBSWY3DPEHPK3PXPJBSWY3DP/);
    assert.match(page, /<html lang="fr"/);
  });

  it('locks an account after 20 failures an hour whatever the source addresses, for 15 minutes', async () => {
    const { jar, action } = await loginPage();
    const statuses: number[] = [];
    for (let address = 11; address <= 15; address += 1)
      for (let i = 0; i < 4; i += 1)
        statuses.push(
          await postFrom(`127.0.0.${address}`, jar, action, { username: 'amelie.tremblay', password: 'no' }),
        );
    assert.deepEqual(statuses, Array(20).fill(200), 'never 5 from one address, so no per-address lock');
    const form = { username: 'amelie.tremblay', password: DEMO_PASSWORD };
    assert.equal(await postFrom('127.0.0.20', jar, action, form), 429, 'locked even from a new address');
    clock.advance(901);
    assert.equal(await postFrom('127.0.0.21', jar, action, form), 303);
  });

  /** A form post from another loopback address, as a browser elsewhere would send it. */
  function postFrom(localAddress: string, jar: CookieJar, url: string, form: Record<string, string>) {
    return new Promise<number>((resolve, reject) => {
      const body = new URLSearchParams(form).toString();
      const request = httpRequest(url, {
        method: 'POST',
        localAddress,
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end(body);
    });
  }
});

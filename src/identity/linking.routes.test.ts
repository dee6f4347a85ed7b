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

const amelie = DEMO_PEOPLE[0];

describe('account linking: SIN + date of birth + mailed code, several logins, a way out', () => {
  let h: IdentityHarness;
  before(async () => {
    h = await startIdentityHarness();
  });
  after(() => h.close());

  const submitLink = async (jar: CookieJar, sin: string, birth: string) => {
    const [year = '', month = '', day = ''] = birth.split('-');
    return guichetRequest(h, jar, 'POST', '/en/my-guichet/link', {
      _csrf: await csrfFrom(h, jar, '/en/my-guichet/link'),
      sin,
      day,
      month,
      year,
    });
  };
  const submitCode = async (jar: CookieJar, code: string) =>
    guichetRequest(h, jar, 'POST', '/en/my-guichet/link/code', {
      _csrf: await csrfFrom(h, jar, '/en/my-guichet/link/code'),
      code,
    });
  const latestCode = async () =>
    (
      await h.database.db
        .selectFrom('identity_letter')
        .select('access_code')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).access_code;

  it('shows errors in a summary and keeps the date typed, never the SIN', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const response = await submitLink(jar, '12', '1958-13-40');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/my-guichet/link');
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/link');
    assert.match(page.body, /<title>Error: /);
    assert.match(page.body, /class="error-summary"/);
    assert.match(page.body, /Enter your social insurance number as 9 digits/);
    assert.match(page.body, /value="13"/);
    assert.doesNotMatch(page.body, /name="sin"[^>]*value=/);
  });

  it('answers the same whether or not the details match anyone (no enumeration)', async () => {
    const { jar } = await signIn(h, 'gckey', 'sam.nguyen');
    const miss = await submitLink(jar, '046 454 286', '1990-01-01');
    const missPage = await guichetRequest(h, jar, 'GET', String(miss.headers.location));
    const { jar: other } = await signIn(h, 'gckey', 'sam.nguyen');
    const hit = await submitLink(other, DEMO_PEOPLE[3].sin, DEMO_PEOPLE[3].birth);
    const hitPage = await guichetRequest(h, other, 'GET', String(hit.headers.location));
    assert.equal(miss.statusCode, hit.statusCode);
    assert.equal(miss.headers.location, hit.headers.location);
    const strip = (body: string) =>
      body.replace(/value="[^"]*"|nonce="[^"]*"|data-[\w-]+="[^"]*"|Session ends at [^.]+\./g, '');
    assert.equal(strip(missPage.body), strip(hitPage.body));
  });

  it('links with the code from the letter, then My Guichet shows the person and the login', async () => {
    const { jar } = await signIn(h, 'gckey', 'amelie.tremblay');
    const response = await submitLink(jar, '046-454-286', amelie.birth);
    assert.equal(response.headers.location, '/en/my-guichet/link/code');
    const mailbox = await guichetRequest(h, jar, 'GET', '/en/dev/mailbox');
    assert.match(mailbox.body, /Amélie Tremblay/);
    const wrong = await submitCode(jar, '0000000000');
    assert.equal(wrong.headers.location, '/en/my-guichet/link/code');
    const linked = await submitCode(jar, await latestCode());
    assert.equal(linked.headers.location, '/en/my-guichet');
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.match(page.body, /Amélie Tremblay/);
    assert.match(page.body, /Your ways to sign in/);
    const audit = await h.database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'identity.link')
      .where('outcome', '=', 'success')
      .execute();
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(amelie.sin));
  });

  it('locks the code after 10 wrong entries and sends the person to call or visit, with a reference', async () => {
    const { jar } = await signIn(h, 'gckey', 'sam.nguyen');
    await submitLink(jar, DEMO_PEOPLE[3].sin, DEMO_PEOPLE[3].birth);
    let last = await submitCode(jar, '1111111111');
    for (let i = 0; i < 9; i += 1) last = await submitCode(jar, '1111111111');
    assert.equal(last.headers.location, '/en/my-guichet/link/help');
    const stillLocked = await submitCode(jar, await latestCode());
    assert.equal(stillLocked.headers.location, '/en/my-guichet/link/help');
    const help = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/lier/aide');
    assert.match(help.body, /Composez le 1-800-808-6352/);
    assert.match(help.body, /numéro de référence/);
  });

  it('a person can have several logins and remove one (not the one in use); its sessions end', async () => {
    const harpreet = DEMO_PEOPLE[2];
    const { jar: bc } = await signIn(h, 'bc', 'harpreet.singh');
    const { jar: gck } = await signIn(h, 'gckey', 'harpreet.singh');
    await submitLink(gck, harpreet.sin, harpreet.birth);
    await submitCode(gck, await latestCode());
    const logins = await h.database.db
      .selectFrom('identity_login')
      .select(['id', 'provider_id'])
      .where('person_id', '=', harpreet.id)
      .execute();
    assert.deepEqual(logins.map((l) => l.provider_id).sort(), ['bc', 'gckey']);
    const page = await guichetRequest(h, gck, 'GET', '/en/my-guichet');
    assert.match(page.body, /BC Services Card \(demonstration\)/);
    const bcLogin = logins.find((l) => l.provider_id === 'bc');
    assert.ok(bcLogin);
    const removed = await guichetRequest(h, gck, 'POST', `/en/my-guichet/logins/${bcLogin.id}/remove`, {
      _csrf: await csrfFrom(h, gck, '/en/my-guichet'),
    });
    assert.equal(removed.headers.location, '/en/my-guichet');
    const after = await guichetRequest(h, gck, 'GET', '/en/my-guichet');
    assert.match(after.body, /That way of signing in has been removed/);
    assert.equal(
      (await guichetRequest(h, bc, 'GET', '/en/my-guichet')).statusCode,
      303,
      'the removed login is signed out',
    );
    assert.doesNotMatch(after.body, new RegExp(`/logins/[^/]+/remove`), 'the login in use cannot be removed');
  });
});

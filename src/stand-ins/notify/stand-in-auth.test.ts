import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { isAxiosError } from 'axios';
import { SignJWT, UnsecuredJWT } from 'jose';
import { NotifyClient } from 'notifications-node-client';
import { startNotifyStandIn } from './notify-stand-in.ts';
import type { NotifyStandIn } from './notify-stand-in.ts';
import { generateApiKey, parseApiKey } from './stand-in-auth.ts';
import { GUICHET_TEMPLATE_IDS } from './stand-in-templates.ts';

const LINK = 'https://guichet.example.ca/en/my-guichet/inbox';
const KEY = generateApiKey('guichet_test');
const { serviceId, secret } = parseApiKey(KEY);
const TEMPLATE = GUICHET_TEMPLATE_IDS['new-document'].email.en;

const token = (claims: Record<string, unknown>, key = secret) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(key));
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** One request with the given Authorization header; the answer's status and GC Notify error. */
async function ask(url: string, authorization: string | undefined, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  });
  const body = (await response.json()) as { errors?: { error: string; message: string }[] };
  return { status: response.status, error: body.errors?.[0] };
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAxiosError(error) && error.response)
      return { status: error.response.status, body: error.response.data as unknown };
    throw error;
  }
  assert.fail('expected GC Notify to refuse');
}

describe('GC Notify stand-in authentication (JWT signed with the API key, iss = service id)', () => {
  let standIn: NotifyStandIn;
  let list: string;
  before(async () => {
    standIn = await startNotifyStandIn({ apiKeys: [KEY] });
    list = `${standIn.url}/v2/notifications`;
  });
  after(() => standIn.close());

  it('accepts the real client’s token', async () => {
    const { status } = await new NotifyClient(standIn.url, KEY).getNotifications();
    assert.equal(status, 200);
  });

  it('answers 401 without a token or with another scheme', async () => {
    assert.deepEqual(await ask(list, undefined), {
      status: 401,
      error: { error: 'AuthError', message: 'Unauthorized, authentication token must be provided' },
    });
    assert.deepEqual(await ask(list, `Basic ${Buffer.from('a:b').toString('base64')}`), {
      status: 401,
      error: { error: 'AuthError', message: 'Unauthorized, authentication bearer scheme must be used' },
    });
  });

  it('answers 403 for a wrong secret, an unknown service, a missing iss, an unsigned or garbled token', async () => {
    const cases: [string, string][] = [
      [await token({ iss: serviceId, iat: nowSeconds() }, randomUUID()), 'Invalid token: API key not found'],
      [await token({ iss: randomUUID(), iat: nowSeconds() }), 'Invalid token: service not found'],
      [await token({ iat: nowSeconds() }), 'Invalid token: iss field not provided'],
      [
        new UnsecuredJWT({ iss: serviceId, iat: nowSeconds() }).encode(),
        'Invalid token: signature, api token is not valid',
      ],
      ['not.a.jwt', 'Invalid token: signature, api token is not valid'],
    ];
    for (const [jwt, message] of cases) {
      assert.deepEqual(
        await ask(list, `Bearer ${jwt}`),
        { status: 403, error: { error: 'AuthError', message } },
        message,
      );
    }
  });

  it('refuses a token issued more than 30 seconds from its clock, either way', async () => {
    const clock = 'Error: Your system clock must be accurate to within 30 seconds';
    for (const skew of [-31, 31]) {
      const answer = await ask(list, `Bearer ${await token({ iss: serviceId, iat: nowSeconds() + skew })}`);
      assert.deepEqual(
        answer,
        { status: 403, error: { error: 'AuthError', message: clock } },
        `skew ${skew}`,
      );
    }
    assert.equal(
      (await ask(list, `Bearer ${await token({ iss: serviceId, iat: nowSeconds() - 25 })}`)).status,
      200,
    );
    const fastStandIn = await startNotifyStandIn({
      apiKeys: [KEY],
      now: () => new Date(Date.now() + 45_000),
    });
    const refused = await refusalOf(new NotifyClient(fastStandIn.url, KEY).getNotifications());
    await fastStandIn.close();
    assert.deepEqual(refused, {
      status: 403,
      body: { status_code: 403, errors: [{ error: 'AuthError', message: clock }] },
    });
  });

  it('answers 404 for an unknown path, 405 for a wrong method and 400 for a body that is not JSON', async () => {
    const bearer = `Bearer ${await token({ iss: serviceId, iat: nowSeconds() })}`;
    assert.equal((await fetch(`${standIn.url}/v2/letters`)).status, 404);
    assert.equal((await fetch(`${standIn.url}/v2/notifications/email`, { method: 'DELETE' })).status, 405);
    const answer = await ask(`${standIn.url}/v2/notifications/sms`, bearer, {
      method: 'POST',
      body: '{"template_id":',
    });
    assert.deepEqual(answer, {
      status: 400,
      error: { error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' },
    });
  });

  it('refuses a request with properties GC Notify does not know', async () => {
    const answer = await ask(
      `${standIn.url}/v2/notifications/email`,
      `Bearer ${await token({ iss: serviceId, iat: nowSeconds() })}`,
      {
        method: 'POST',
        body: JSON.stringify({
          template_id: TEMPLATE,
          email_address: 'a@b.example',
          personalisation: { link: LINK },
          priority: 'high',
        }),
      },
    );
    assert.deepEqual(answer, {
      status: 400,
      error: {
        error: 'ValidationError',
        message: 'Additional properties are not allowed (priority was unexpected)',
      },
    });
  });
});

describe('GC Notify stand-in rate limit', () => {
  it('answers 429 RateLimitError past the limit in a rolling minute, and lets requests through once it has passed', async () => {
    let now = Date.now();
    const standIn = await startNotifyStandIn({
      apiKeys: [KEY],
      rateLimitPerMinute: 3,
      now: () => new Date(now),
    });
    try {
      const client = new NotifyClient(standIn.url, KEY);
      for (let request = 0; request < 3; request += 1)
        await client.sendEmail(TEMPLATE, 'a@b.example', { personalisation: { link: LINK } });
      const refused = await refusalOf(client.getNotifications());
      assert.deepEqual(refused, {
        status: 429,
        body: {
          status_code: 429,
          errors: [
            {
              error: 'RateLimitError',
              message: 'Exceeded rate limit for key type LIVE of 3 requests per 60 seconds',
            },
          ],
        },
      });
      assert.equal(standIn.sentNotifications().length, 3);
      now += 60_000;
      const later = await token({ iss: serviceId, iat: Math.floor(now / 1000) });
      assert.equal((await ask(`${standIn.url}/v2/notifications`, `Bearer ${later}`)).status, 200);
    } finally {
      await standIn.close();
    }
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import {
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import type { Recipient } from './inbox.service.ts';

const jordan = DEMO_PEOPLE[1];
const amelie = DEMO_PEOPLE[0];
const system = {
  actor: { type: 'system' as const, id: 'test' },
  channel: 'system' as const,
  purpose: 'decision-letter',
  correlationId: 'test',
};
const compose = (recipient: Recipient) => ({
  ...sampleLetter(recipient.lang),
  recipient: recipient.addressLines ?? ['NO ADDRESS'],
});

describe('inbox pages: from My Guichet to a letter and its downloads, in both languages', () => {
  let h: IdentityHarness;
  let jar: CookieJar;
  let documentId = '';
  let amelieDocument = '';

  before(async () => {
    h = await startIdentityHarness();
    const inbox = h.guichet.services.inbox;
    documentId =
      (await inbox.deliver(jordan.id, { kind: 'decision', sourceKey: 'r1', compose, context: system }))
        ?.documentId ?? '';
    amelieDocument =
      (
        await inbox.deliver(amelie.id, {
          kind: 'decision',
          sourceKey: 'r2',
          compose,
          context: system,
        })
      )?.documentId ?? '';
    ({ jar } = await signIn(h, 'alberta', 'jordan.lee'));
  });
  after(() => h.close());

  it('My Guichet links to the inbox, which lists the unread letter', async () => {
    const home = await guichetRequest(h, jar, 'GET', '/en/my-guichet');
    assert.match(home.body, /href="\/en\/my-guichet\/inbox"/);
    const page = await guichetRequest(h, jar, 'GET', '/en/my-guichet/inbox');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>My inbox<\/h1>/);
    assert.match(page.body, /Unread: 1/);
    assert.match(page.body, new RegExp(`href="/en/my-guichet/inbox/${documentId}"`));
    assert.doesNotMatch(page.body, new RegExp(amelieDocument));
  });

  it('opens the letter (read receipt), offers every format, and finds it by search', async () => {
    const letter = await guichetRequest(h, jar, 'GET', `/en/my-guichet/inbox/${documentId}`);
    assert.equal(letter.statusCode, 200);
    assert.match(letter.body, /Decision on your Canada child benefit application/);
    assert.match(letter.body, /letter-large-print\.pdf/);
    assert.match(letter.body, /letter\.brf/);
    const list = await guichetRequest(h, jar, 'GET', '/en/my-guichet/inbox?q=child');
    assert.match(list.body, /You have read everything/);
    assert.match(list.body, /Read on/);
    const none = await guichetRequest(h, jar, 'GET', '/en/my-guichet/inbox?q=pension');
    assert.match(none.body, /No letter contains/);
    // A control character in a search is a client error, answered as one (ADR 0011).
    const nul = await guichetRequest(h, jar, 'GET', '/en/my-guichet/inbox?q=pension%00');
    assert.equal(nul.statusCode, 400);
  });

  it('downloads a tagged PDF and plain text, never cached', async () => {
    const pdf = await guichetRequest(h, jar, 'GET', `/en/my-guichet/inbox/${documentId}/letter.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.headers['cache-control'], 'no-store');
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    const text = await guichetRequest(
      h,
      jar,
      'GET',
      `/fr/mon-guichet/boite-de-reception/${documentId}/letter.txt`,
    );
    assert.equal(text.statusCode, 200);
    assert.match(text.body, /Canada child benefit/);
  });

  it('in French, and someone else’s letter or an unknown file is a 404', async () => {
    const page = await guichetRequest(h, jar, 'GET', '/fr/mon-guichet/boite-de-reception');
    assert.match(page.body, /<h1>Ma boîte de réception<\/h1>/);
    for (const url of [
      `/en/my-guichet/inbox/${amelieDocument}`,
      `/en/my-guichet/inbox/${amelieDocument}/letter.pdf`,
      `/en/my-guichet/inbox/${documentId}/letter.exe`,
      `/en/my-guichet/inbox/${randomUUID()}`,
      '/en/my-guichet/inbox/not-a-uuid',
    ]) {
      const response = await guichetRequest(h, jar, 'GET', url);
      assert.equal(response.statusCode, 404, url);
    }
  });

  it('GC Notify receipts need the bearer token and a receipt-shaped body', async () => {
    const url = '/api/v1/notify/receipts';
    const token =
      h.guichet.services === undefined ? '' : 'development-only-notify-callback-token-not-for-production';
    const body = {
      id: randomUUID(),
      status: 'delivered',
      notification_type: 'email',
      created_at: '2026-03-02T15:00:00Z',
    };
    const noToken = await h.guichet.app.inject({ method: 'POST', url, payload: body });
    assert.equal(noToken.statusCode, 401);
    const malformed = await h.guichet.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: { id: 1 },
    });
    assert.equal(malformed.statusCode, 400);
    const ok = await h.guichet.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    assert.equal(ok.statusCode, 204);
  });
});

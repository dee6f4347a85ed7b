import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../population/demo-people.ts';
import {
  guichetRequest,
  signIn,
  startIdentityHarness,
} from '../../test/support/identity/identity-harness.ts';
import type { CookieJar, IdentityHarness } from '../../test/support/identity/identity-harness.ts';

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('secure messages: a person writes to a programme, an agent takes and answers it', () => {
  let h: IdentityHarness;
  let jordan: CookieJar;
  let threadPath = '';

  before(async () => {
    h = await startIdentityHarness();
    ({ jar: jordan } = await signIn(h, 'alberta', 'jordan.lee'));
  });
  after(() => h.close());

  it('a message without a programme or text comes back with what was typed and the errors', async () => {
    const form = await guichetRequest(h, jordan, 'GET', '/en/my-guichet/messages/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Which programme is it about\?/);
    // A control character is refused by the platform before any handler (ADR 0011), what was typed shown back.
    const control = await guichetRequest(h, jordan, 'POST', '/en/my-guichet/messages/new', {
      _csrf: csrfOf(form.body),
      subject: 'My payment\u0000',
      body: '',
    });
    assert.equal(control.statusCode, 400);
    assert.match(control.body, /Some characters could not be accepted/);
    assert.match(control.body, /My payment/);
    const refused = await guichetRequest(h, jordan, 'POST', '/en/my-guichet/messages/new', {
      _csrf: csrfOf(form.body),
      subject: 'My payment',
      body: '',
    });
    assert.equal(refused.statusCode, 303);
    const back = await guichetRequest(h, jordan, 'GET', String(refused.headers.location));
    assert.match(back.body, /Choose the programme your message is about/);
    assert.match(back.body, /Enter your message/);
    assert.match(back.body, /value="My payment/);
  });

  it('the message is sent, listed with its due date, and someone else cannot read it', async () => {
    const form = await guichetRequest(h, jordan, 'GET', '/fr/mon-guichet/messages/nouveau');
    const programme = /name="programmeId" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const sent = await guichetRequest(h, jordan, 'POST', '/fr/mon-guichet/messages/nouveau', {
      _csrf: csrfOf(form.body),
      programmeId: programme,
      subject: 'Mon paiement de juin',
      body: 'Bonjour,\nje n’ai pas reçu mon paiement.',
    });
    threadPath = String(sent.headers.location);
    assert.match(threadPath, /^\/fr\/mon-guichet\/messages\/[0-9a-f-]{36}$/);
    const thread = await guichetRequest(h, jordan, 'GET', threadPath);
    assert.match(thread.body, /Votre message a été envoyé/);
    assert.match(thread.body, /je n’ai pas reçu mon paiement/);
    assert.match(thread.body, /Nous répondrons d’ici le/);
    const { jar: other } = await signIn(h, 'bc', 'harpreet.singh');
    const theirs404 = await guichetRequest(h, other, 'GET', threadPath);
    assert.equal(theirs404.statusCode, 404);
    const stored = await h.guichet.services.messages.threadsOf(DEMO_PEOPLE[1].id);
    assert.equal(stored.length, 1);
    const raw = await h.database.db.selectFrom('message').select('body_cipher').execute();
    assert.ok(raw.every((row) => !row.body_cipher.includes('paiement')));
  });

  it('an agent takes and answers; another cannot answer it; the person is told, by a notice that says nothing', async () => {
    const threadId = threadPath.split('/').pop() ?? '';
    const { jar: agent } = await signIn(h, 'staff', 'agent');
    const home = await guichetRequest(h, agent, 'GET', '/en/staff');
    assert.match(home.body, /href="\/en\/staff\/messages"/);
    const queue = await guichetRequest(h, agent, 'GET', '/en/staff/messages');
    assert.match(queue.body, new RegExp(`/en/staff/messages/${threadId}`));
    const open = await guichetRequest(h, agent, 'GET', `/en/staff/messages/${threadId}`);
    assert.match(open.body, /Take this conversation/);
    const take = await guichetRequest(h, agent, 'POST', `/en/staff/messages/${threadId}/take`, {
      _csrf: csrfOf(open.body),
    });
    assert.equal(take.statusCode, 303);
    const mine = await guichetRequest(h, agent, 'GET', `/en/staff/messages/${threadId}`);
    assert.match(mine.body, /The conversation is yours to answer/);

    const { jar: supervisor } = await signIn(h, 'staff', 'supervisor');
    const theirs = await guichetRequest(h, supervisor, 'GET', `/en/staff/messages/${threadId}`);
    const refused = await guichetRequest(h, supervisor, 'POST', `/en/staff/messages/${threadId}`, {
      _csrf: csrfOf(theirs.body),
      body: 'Answer from someone who did not take it',
    });
    const after = await guichetRequest(h, supervisor, 'GET', String(refused.headers.location));
    assert.match(after.body, /Another agent has taken this conversation/);

    const answered = await guichetRequest(h, agent, 'POST', `/en/staff/messages/${threadId}`, {
      _csrf: csrfOf(mine.body),
      body: 'Your June payment was issued on June 20.',
    });
    assert.equal(answered.headers.location, '/en/staff/messages');
    const thread = await guichetRequest(h, jordan, 'GET', threadPath);
    assert.match(thread.body, /Your June payment was issued on June 20/);
    assert.doesNotMatch(thread.body, /Answer from someone who did not take it/);
    const audit = await h.guichet.services.audit.listForSubject(DEMO_PEOPLE[1].id, 100);
    assert.ok(audit.some((row) => row.action === 'inbox.message.answered' && row.outcome === 'denied'));
    assert.ok(audit.some((row) => row.action === 'inbox.message.answered' && row.outcome === 'success'));
  });
});

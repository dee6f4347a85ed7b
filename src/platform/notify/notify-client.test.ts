import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startNotifyStandIn } from '../../stand-ins/notify/notify-stand-in.ts';
import type { NotifyStandIn } from '../../stand-ins/notify/notify-stand-in.ts';
import { GUICHET_TEMPLATE_IDS } from '../../stand-ins/notify/stand-in-templates.ts';
import { findPersonalInformation, PersonalInformationInNoticeError } from './notice-guard.ts';
import { createNotifyClient, NotifyRequestError } from './notify-client.ts';
import type { GuichetNotifyClient, Notice } from './notify-client.ts';

const PUBLIC_URL = 'https://guichet.example.ca';
const LINK = `${PUBLIC_URL}/en/my-guichet/inbox`;
const RETRY = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

const emailNotice = (to = 'alex.sample@mail.example'): Notice => ({
  channel: 'email',
  to,
  templateId: GUICHET_TEMPLATE_IDS['new-document'].email.en,
  personalisation: { link: LINK },
  reference: randomUUID(),
});

describe('Notify client against the GC Notify stand-in', () => {
  let standIn: NotifyStandIn;
  let client: GuichetNotifyClient;
  let waits: number[];

  before(async () => {
    standIn = await startNotifyStandIn();
    const config = {
      baseUrl: standIn.url,
      apiKey: standIn.apiKey,
      timeoutMs: 2_000,
      publicUrl: PUBLIC_URL,
      retry: RETRY,
    };
    client = createNotifyClient(config, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
  });
  beforeEach(() => (waits = []));
  after(() => standIn.close());

  const sentWith = (reference: string) =>
    standIn.sentNotifications().filter((notification) => notification.reference === reference);

  it('sends a notice by email and by SMS, and reads back its status with bilingual labels', async () => {
    const email = emailNotice();
    const sent = await client.send(email);
    assert.deepEqual([sent.reference, sent.alreadySent], [email.reference, false]);
    const sms: Notice = {
      ...email,
      channel: 'sms',
      to: '613-555-0000',
      templateId: GUICHET_TEMPLATE_IDS.reminder.sms.fr,
      reference: randomUUID(),
    };
    const bounced = await client.send(sms);
    await standIn.settled();
    const [delivered, failed] = [await client.status(sent.id), await client.status(bounced.id)];
    assert.deepEqual(
      [delivered.status, delivered.meaning.label.fr, delivered.meaning.next],
      ['delivered', 'Livré', 'none'],
    );
    assert.deepEqual([failed.status, failed.meaning.next], ['permanent-failure', 'paper']);
    assert.ok(failed.completedAt);
  });

  it('refuses a notice carrying personal information before anything leaves', async () => {
    const before = standIn.sentNotifications().length;
    const notices: Notice[] = [
      { ...emailNotice(), personalisation: { link: LINK, name: 'Alex Sample' } },
      { ...emailNotice(), personalisation: { link: `${PUBLIC_URL}/en/amount/642.50` } },
      { ...emailNotice(), reference: 'SIN 046 454 286' },
    ];
    for (const notice of notices) await assert.rejects(client.send(notice), PersonalInformationInNoticeError);
    assert.equal(standIn.sentNotifications().length, before);
  });

  it('retries 503 and 429 with back-off, then sends once', async () => {
    standIn.injectFaults({ status: 503 }, { status: 429 });
    const notice = emailNotice();
    assert.equal((await client.send(notice)).alreadySent, false);
    assert.deepEqual(waits, [50, 100], 'half of 100 ms, then half of 200 ms (random 0.5)');
    assert.equal(sentWith(notice.reference).length, 1);
  });

  it('never sends twice when an answer was lost after GC Notify accepted the notice', async () => {
    standIn.injectFaults({ status: 502, afterAccept: true });
    const notice = emailNotice();
    const sent = await client.send(notice);
    assert.equal(sent.alreadySent, true);
    assert.deepEqual(
      sentWith(notice.reference).map((notification) => notification.id),
      [sent.id],
    );
  });

  it('finds a notice sent before a crash when told it may have been attempted', async () => {
    const notice = emailNotice();
    const first = await client.send(notice);
    const again = await client.send(notice, { previouslyAttempted: true });
    assert.deepEqual([again.id, again.alreadySent], [first.id, true]);
    assert.equal(sentWith(notice.reference).length, 1);
  });

  it('does not retry a request GC Notify refuses as wrong, and says why', async () => {
    const refused = client.send(emailNotice('not-an-address'));
    await assert.rejects(refused, (error: unknown) => {
      assert.ok(error instanceof NotifyRequestError);
      assert.deepEqual(error.failure, { kind: 'http', status: 400, errors: ['ValidationError'] });
      return true;
    });
    assert.deepEqual(waits, []);
  });

  it('gives up after the last attempt when GC Notify cannot be reached', async () => {
    const closed = await startNotifyStandIn();
    await closed.close();
    const unreachable = createNotifyClient(
      { baseUrl: closed.url, apiKey: closed.apiKey, timeoutMs: 500, publicUrl: PUBLIC_URL, retry: RETRY },
      { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    await assert.rejects(
      unreachable.send(emailNotice()),
      (error: unknown) => error instanceof NotifyRequestError && error.failure.kind === 'network',
    );
    assert.equal(waits.length, RETRY.maxAttempts - 1);
  });

  it('left no personal information in any notice it sent, beyond the recipient’s own address', async () => {
    const sent = standIn.sentNotifications();
    assert.ok(sent.length >= 5);
    for (const notification of sent) {
      // The reference is a random UUID (the guard checks that), whose digits could look like anything.
      const content = [
        notification.subject ?? '',
        notification.body,
        JSON.stringify(notification.personalisation),
      ];
      assert.deepEqual(findPersonalInformation(content.join('\n')), [], notification.body);
      assert.ok(!content.join('\n').includes(notification.to.split('@')[0] ?? notification.to));
    }
  });
});

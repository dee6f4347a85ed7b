import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isAxiosError } from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { startNotifyStandIn } from './notify-stand-in.ts';
import type { NotifyStandIn } from './notify-stand-in.ts';
import { GUICHET_TEMPLATE_IDS } from './stand-in-templates.ts';

const LINK = 'https://guichet.example.ca/en/my-guichet/inbox';
const REFERENCE = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const CALLBACK_TOKEN = 'callback-token-for-the-stand-in-tests-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stand-in for Guichet's callback route: records receipts, fails the first `failures` of them. */
async function startReceiver(failures: number) {
  const received: { authorization: string | undefined; body: Record<string, unknown> }[] = [];
  let toFail = failures;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
      });
      response.writeHead(toFail-- > 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify/receipts`,
    received,
    close: () => server.close(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isAxiosError(error) && error.response)
      return { status: error.response.status, body: error.response.data };
    throw error;
  }
  assert.fail('expected GC Notify to refuse');
}

describe('GC Notify stand-in, through the real notifications-node-client', () => {
  let standIn: NotifyStandIn;
  let client: NotifyClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    receiver = await startReceiver(1);
    standIn = await startNotifyStandIn({
      callbackUrl: receiver.url,
      callbackBearerToken: CALLBACK_TOKEN,
      callbackRetryDelaysMs: [10, 10],
    });
    client = new NotifyClient(standIn.url, standIn.apiKey);
  });
  after(async () => {
    await standIn.close();
    receiver.close();
  });

  it('sends an email from a template, answering as GC Notify does', async () => {
    const templateId = GUICHET_TEMPLATE_IDS['new-document'].email.en;
    const { status, data } = await client.sendEmail(templateId, 'alex.sample@mail.example', {
      personalisation: { link: LINK },
      reference: REFERENCE,
    });
    assert.equal(status, 201);
    assert.match(data.id, UUID);
    assert.equal(data.reference, REFERENCE);
    assert.equal(data.content.subject, 'You have a new document in My Guichet');
    assert.equal(
      data.content.body,
      `There is a new document in your My Guichet inbox.\n\nSign in to read it: ${LINK}`,
    );
    assert.equal(data.uri, `${standIn.url}/v2/notifications/${data.id}`);
    assert.deepEqual(data.template, {
      id: templateId,
      version: 1,
      uri: `${standIn.url}/v2/template/${templateId}/version/1`,
    });
    const sent = standIn.sentNotifications().find((notification) => notification.id === data.id);
    assert.deepEqual([sent?.to, sent?.personalisation], ['alex.sample@mail.example', { link: LINK }]);
  });

  it('sends a text message and reports it delivered', async () => {
    const { data } = await client.sendSms(GUICHET_TEMPLATE_IDS.reminder.sms.fr, '+1 613 555 0199', {
      personalisation: { link: LINK },
    });
    assert.equal(
      data.content.body,
      `Guichet\u00a0: un élément demande votre attention. Ouvrez une session pour le voir\u00a0: ${LINK}`,
    );
    await standIn.settled();
    const { data: status } = await client.getNotificationById(data.id);
    assert.equal(status.type, 'sms');
    assert.equal(status.phone_number, '+1 613 555 0199');
    assert.equal(status.status, 'delivered');
    assert.ok(status.sent_at && status.completed_at && status.created_at <= status.completed_at);
  });

  it('bounces addresses at bounce.example, numbers ending 0000 and GC Notify’s simulator recipients', async () => {
    const template = GUICHET_TEMPLATE_IDS['new-message'];
    const sends = [
      client.sendEmail(template.email.en, 'someone@bounce.example', { personalisation: { link: LINK } }),
      client.sendSms(template.sms.en, '613-555-0000', { personalisation: { link: LINK } }),
      client.sendEmail(template.email.fr, 'temp-fail@simulator.notify', { personalisation: { link: LINK } }),
    ];
    const ids = (await Promise.all(sends)).map((response) => response.data.id);
    await standIn.settled();
    const statuses = await Promise.all(ids.map(async (id) => (await client.getNotificationById(id)).data));
    assert.deepEqual(
      statuses.map((status) => [
        status.status,
        (status as { status_description?: string }).status_description,
      ]),
      [
        ['permanent-failure', 'No such address'],
        ['permanent-failure', 'No such number'],
        ['temporary-failure', 'Content or inbox issue'],
      ],
    );
  });

  it('posts each delivery receipt to the callback URL with the bearer token, retrying a failed callback', async () => {
    await standIn.settled();
    const sent = standIn.sentNotifications();
    assert.ok(receiver.received.length >= sent.length + 1, 'one retry after the first callback failed');
    assert.ok(receiver.received.every((receipt) => receipt.authorization === `Bearer ${CALLBACK_TOKEN}`));
    const email = receiver.received.find((receipt) => receipt.body['reference'] === REFERENCE)?.body;
    assert.deepEqual(Object.keys(email ?? {}).sort(), [
      'completed_at',
      'created_at',
      'id',
      'notification_type',
      'reference',
      'sent_at',
      'status',
      'to',
    ]);
    assert.equal(email?.['status'], 'delivered');
    const failed = standIn.callbackAttempts().find((attempt) => attempt.answer === 500);
    const retried = standIn
      .callbackAttempts()
      .filter((attempt) => attempt.notificationId === failed?.notificationId);
    assert.deepEqual(
      retried.map((attempt) => attempt.answer),
      [500, 204],
    );
  });

  it('lists notifications newest first, filtered by type, status and reference, with older_than paging', async () => {
    const { data: byReference } = await client.getNotifications(undefined, undefined, REFERENCE);
    assert.deepEqual(
      byReference.notifications.map((notification) => notification.reference),
      [REFERENCE],
    );
    const { data: failed } = await client.getNotifications('sms', 'permanent-failure');
    assert.deepEqual(
      failed.notifications.map((notification) => notification.phone_number),
      ['613-555-0000'],
    );
    const { data: all } = await client.getNotifications();
    assert.equal(all.notifications.length, standIn.sentNotifications().length);
    assert.equal(all.notifications.at(-1)?.reference, REFERENCE, 'the first sent comes last');
    const { data: older } = await client.getNotifications(
      undefined,
      undefined,
      undefined,
      all.notifications[0]?.id,
    );
    assert.equal(older.notifications.length, all.notifications.length - 1);
  });

  it('answers 404 NoResultFound for an unknown id and 400 for an id that is not a UUID', async () => {
    const unknown = await refusal(client.getNotificationById('00000000-0000-4000-8000-000000000000'));
    assert.deepEqual(unknown, {
      status: 404,
      body: { status_code: 404, errors: [{ error: 'NoResultFound', message: 'No result found' }] },
    });
    assert.equal((await refusal(client.getNotificationById('42'))).status, 400);
  });

  it('refuses a bad request with GC Notify’s 400 errors', async () => {
    const template = GUICHET_TEMPLATE_IDS['new-document'];
    // Each request starts only when its case is checked: started together, a refusal not yet awaited was an
    // unhandled rejection, and a request still in flight took the next test's injected fault.
    const cases: [() => Promise<unknown>, string, string][] = [
      [
        () => client.sendEmail(template.email.en, 'not-an-address', { personalisation: { link: LINK } }),
        'ValidationError',
        'email_address Not a valid email address',
      ],
      [
        () => client.sendSms(template.sms.en, '12', { personalisation: { link: LINK } }),
        'ValidationError',
        'phone_number Not a valid phone number',
      ],
      [
        () => client.sendEmail('f33517ff', 'a@b.example', {}),
        'ValidationError',
        'template_id is not a valid UUID',
      ],
      [
        () => client.sendEmail('f33517ff-2a88-4f6e-b855-c550268ce08a', 'a@b.example', {}),
        'BadRequestError',
        'Template not found',
      ],
      [
        () => client.sendEmail(template.email.en, 'a@b.example', {}),
        'BadRequestError',
        'Missing personalisation: link',
      ],
      [
        () => client.sendSms(template.email.en, '6135550199', { personalisation: { link: LINK } }),
        'BadRequestError',
        'email template is not suitable for sms notification',
      ],
    ];
    for (const [request, error, message] of cases) {
      assert.deepEqual(await refusal(request()), {
        status: 400,
        body: { status_code: 400, errors: [{ error, message }] },
      });
    }
  });

  it('answers with injected faults, one send at a time, and shows what was sent on /_stand-in/sent', async () => {
    const before = standIn.sentNotifications().length;
    standIn.injectFaults({ status: 503 }, { status: 502, afterAccept: true });
    const template = GUICHET_TEMPLATE_IDS['new-document'].email.en;
    const send = () =>
      client.sendEmail(template, 'alex.sample@mail.example', { personalisation: { link: LINK } });
    assert.equal((await refusal(send())).status, 503);
    assert.equal((await refusal(send())).status, 502);
    assert.equal((await send()).status, 201);
    assert.equal(
      standIn.sentNotifications().length,
      before + 2,
      'the 503 stored nothing, the lost 502 answer did',
    );
    const listed = (await (await fetch(`${standIn.url}/_stand-in/sent`)).json()) as {
      notifications: unknown[];
    };
    assert.equal(listed.notifications.length, before + 2);
  });
});

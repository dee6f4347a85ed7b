import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { GuichetApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const [AMELIE, JORDAN, HARPREET] = DEMO_PEOPLE;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  let crc = ~0;
  for (const byte of Buffer.concat([head.subarray(4), data])) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(~crc >>> 0, 0);
  return Buffer.concat([head, data, sum]);
}

/** A 1×1 PNG carrying a text chunk with a location, which must not be kept. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  chunk('tEXt', Buffer.from('Location\u000045.42N 75.69W', 'latin1')),
  chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
  chunk('IEND', Buffer.alloc(0)),
]);

type Upload = { name: string; bytes: Buffer; type: string };

function multipart(fields: Record<string, string>, file: Upload | null) {
  const boundary = '----guichet-message-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = file
    ? `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`
    : '';
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file ? Buffer.concat([file.bytes, Buffer.from('\r\n')]) : Buffer.alloc(0),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeOnBothDatabases('secure messages: attachments, the service standard, representatives', (database) => {
  let guichet: GuichetApp;
  let amelie: CookieJar;
  let jordan: CookieJar;
  let harpreet: CookieJar;
  let agent: CookieJar;
  let threadPath = '';
  const jar = (token: string) => {
    const j = new CookieJar();
    j.set(SESSION_COOKIE, token);
    return j;
  };
  const go = (j: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
    requestWithJar(guichet, j, method, url, form);
  const send = async (j: CookieJar, url: string, fields: Record<string, string>, file: Upload | null) => {
    const body = multipart(fields, file);
    const response = await guichet.app.inject({
      method: 'POST',
      url,
      headers: { cookie: j.header(), 'content-type': body.contentType },
      payload: body.payload,
    });
    j.store(response);
    return response;
  };
  const threadsOf = (personId: string) =>
    database().db.selectFrom('message_thread').select('id').where('person_id', '=', personId).execute();

  before(async () => {
    guichet = await buildTestApp(database());
    await ensureDemoPeople(database().db, guichet.services.crypto);
    amelie = jar(await personSession(guichet, database(), AMELIE.id));
    jordan = jar(await personSession(guichet, database(), JORDAN.id));
    harpreet = jar(await personSession(guichet, database(), HARPREET.id));
    agent = jar(await staffSession(guichet, database(), ['agent']));
  });
  after(() => guichet.app.close());

  it('the form says each programme’s service standard, from its data', async () => {
    const form = await go(amelie, 'GET', '/en/my-guichet/messages/new');
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /Canada Child Benefit \(We answer within 5 business days\.\)/);
    assert.match(form.body, /\(We answer within 3 business days\.\)/);
    const fr = await go(amelie, 'GET', '/fr/mon-guichet/messages/nouveau');
    assert.match(fr.body, /Nous répondons dans un délai de 2\u00a0jours ouvrables\./);
  });

  it('a file that is not a PDF, JPEG or PNG is refused in both languages, and the text is kept', async () => {
    for (const [lang, path, error] of [
      ['en', '/en/my-guichet/messages/new', /The file must be a PDF, JPEG or PNG/],
      ['fr', '/fr/mon-guichet/messages/nouveau', /Le fichier doit être un PDF, un JPEG ou un PNG/],
    ] as const) {
      const form = await go(amelie, 'GET', path);
      const refused = await send(
        amelie,
        path,
        {
          _csrf: csrfOf(form.body),
          programmeId: 'ccb',
          subject: `Mon relevé ${lang}`,
          body: 'Voici mon relevé.',
        },
        { name: 'statement.pdf', bytes: Buffer.from('MZ\x90\x00 not really a PDF'), type: 'application/pdf' },
      );
      assert.equal(refused.statusCode, 303);
      const back = await go(amelie, 'GET', String(refused.headers.location));
      assert.match(back.body, error);
      assert.match(back.body, new RegExp(`value="Mon relevé ${lang}"`));
      assert.match(back.body, /Voici mon relevé\./);
      assert.match(back.body, /href="#attachment"/);
    }
    assert.equal((await threadsOf(AMELIE.id)).length, 0, 'nothing was sent');
  });

  it('a message with a long text and a PNG is sent; the file is kept without its hidden location', async () => {
    const form = await go(amelie, 'GET', '/en/my-guichet/messages/new');
    const long = `${'My payment did not arrive. '.repeat(150)}End.`;
    const sent = await send(
      amelie,
      '/en/my-guichet/messages/new',
      { _csrf: csrfOf(form.body), programmeId: 'ccb', subject: 'Missing payment', body: long },
      { name: 'bank statement.png', bytes: PNG, type: 'image/png' },
    );
    threadPath = String(sent.headers.location);
    assert.match(threadPath, /^\/en\/my-guichet\/messages\/[0-9a-f-]{36}$/);
    const thread = await go(amelie, 'GET', threadPath);
    assert.ok(thread.body.includes('End.'), 'a 4,000-character message arrives whole');
    const link = /href="(\/en\/my-guichet\/messages\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36})"/.exec(
      thread.body,
    )?.[1];
    assert.ok(link, 'the attachment is listed with a link');
    assert.match(thread.body, /bank statement\.png/);
    const file = await go(amelie, 'GET', link);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.equal(file.rawPayload.includes(Buffer.from('45.42N')), false);
    // Someone else asking for the file gets a 404 (and the attempt is audited).
    assert.equal((await go(harpreet, 'GET', link)).statusCode, 404);
    const stored = await database()
      .db.selectFrom('message_attachment')
      .select(['name_cipher', 'content_cipher'])
      .executeTakeFirstOrThrow();
    assert.equal(stored.name_cipher.includes('bank'), false, 'the file name is encrypted');
  });

  it('an agent sees the file in the programme’s queue, downloads it (audited) and answers', async () => {
    const queue = await go(agent, 'GET', '/en/staff/messages?programme=ccb');
    const threadId = threadPath.split('/').pop() ?? '';
    assert.ok(queue.body.includes(`/en/staff/messages/${threadId}`));
    const opened = await go(agent, 'GET', `/en/staff/messages/${threadId}`);
    const link =
      /href="(\/en\/staff\/messages\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36})"/.exec(opened.body)?.[1] ?? '';
    assert.equal((await go(agent, 'GET', link)).statusCode, 200);
    const taken = await go(agent, 'POST', `/en/staff/messages/${threadId}/take`, {
      _csrf: csrfOf(opened.body),
    });
    assert.equal(taken.statusCode, 303);
    const mine = await go(agent, 'GET', `/en/staff/messages/${threadId}`);
    const answered = await go(agent, 'POST', `/en/staff/messages/${threadId}`, {
      _csrf: csrfOf(mine.body),
      body: 'We have found your payment; it will arrive on Friday.',
    });
    assert.equal(answered.statusCode, 303);
    const log = await guichet.services.audit.listForSubject(AMELIE.id, 50);
    const actions = log.map((entry) => `${entry.action}:${entry.outcome}`);
    assert.ok(actions.includes('inbox.message.attachment.read:success'));
    assert.ok(actions.includes('inbox.message.answered:success'));
    // Harpreet's attempt on Amélie's file is recorded as his denied access, as for documents.
    const his = await guichet.services.audit.listForSubject(HARPREET.id, 50);
    assert.ok(his.some((e) => e.action === 'inbox.message.attachment.read' && e.outcome === 'denied'));
  });

  it('a representative writes for the person they act for; someone without authorisation gets a 404', async () => {
    const page = await go(amelie, 'GET', '/en/my-guichet/representatives');
    await go(amelie, 'POST', '/en/my-guichet/representatives', {
      _csrf: csrfOf(page.body),
      sin: JORDAN.sin,
      'rep-day': String(Number(JORDAN.birth.slice(8, 10))),
      'rep-month': String(Number(JORDAN.birth.slice(5, 7))),
      'rep-year': JORDAN.birth.slice(0, 4),
      kind: 'family',
      scope: 'apply-and-view',
      'ends-day': '1',
      'ends-month': '1',
      'ends-year': '2099',
    });
    const messages = await go(jordan, 'GET', '/fr/mon-guichet/messages');
    assert.match(messages.body, /Personnes que vous représentez/);
    const writeFor = `/fr/mon-guichet/messages/pour/${AMELIE.id}/nouveau`;
    assert.ok(messages.body.includes(`href="${writeFor}"`), 'the page links to writing for her');
    const form = await go(jordan, 'GET', writeFor);
    assert.equal(form.statusCode, 200);
    const sent = await send(
      jordan,
      writeFor,
      { _csrf: csrfOf(form.body), programmeId: 'oas', subject: 'Pour ma mère', body: 'Elle a déménagé.' },
      null,
    );
    assert.match(String(sent.headers.location), new RegExp(`^/fr/mon-guichet/messages/pour/${AMELIE.id}/`));
    const thread = await go(jordan, 'GET', String(sent.headers.location));
    assert.match(thread.body, /Elle a déménagé\./);
    // The thread is Amélie's: she reads it among her own, written by her representative.
    const hers = await go(amelie, 'GET', '/en/my-guichet/messages');
    const path = /href="(\/en\/my-guichet\/messages\/[0-9a-f-]{36})">Pour ma mère/.exec(hers.body)?.[1] ?? '';
    assert.match((await go(amelie, 'GET', path)).body, /Representative/);
    const written = (await guichet.services.audit.listForSubject(AMELIE.id, 50)).find(
      (entry) => entry.action === 'inbox.message.written' && entry.actor_id === JORDAN.id,
    );
    assert.ok(written, 'her access log names who wrote for her');
    assert.equal((await go(harpreet, 'GET', `/en/my-guichet/messages/for/${AMELIE.id}/new`)).statusCode, 404);
    assert.equal((await go(harpreet, 'GET', String(sent.headers.location))).statusCode, 404);
  });
});

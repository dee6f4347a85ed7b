import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { GuichetApp } from '../app.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/demo-people.ts';
import { DEV_EMPLOYER_TOKEN } from '../platform/config/employers-config.ts';
import { buildTestApp, CookieJar, requestWithJar } from '../../test/support/app.ts';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const [AMELIE, JORDAN, HARPREET] = DEMO_PEOPLE;

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** A 1×1 PNG carrying a text chunk with a location, which must not be kept. */
function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Location\u000045.42N 75.69W', 'latin1')),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----guichet-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeOnBothDatabases(
  'every channel: evidence, staff on the phone and on paper, representatives',
  (database) => {
    let guichet: GuichetApp;
    let agent: CookieJar;
    let paperPath = '';
    const jar = (token: string) => {
      const j = new CookieJar();
      j.set(SESSION_COOKIE, token);
      return j;
    };
    const go = (j: CookieJar, method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
      requestWithJar(guichet, j, method, url, form);
    const upload = async (
      j: CookieJar,
      url: string,
      csrf: string,
      file: { name: string; bytes: Buffer; type: string },
    ) => {
      const body = multipart({ _csrf: csrf, kind: 'paper-form' }, file);
      const response = await guichet.app.inject({
        method: 'POST',
        url,
        headers: { cookie: j.header(), 'content-type': body.contentType },
        payload: body.payload,
      });
      j.store(response);
      return response;
    };

    before(async () => {
      guichet = await buildTestApp(database());
      await ensureDemoPeople(database().db, guichet.services.crypto);
      agent = jar(await staffSession(guichet, database(), ['agent']));
    });
    after(() => guichet.app.close());

    it('an agent finds a client by SIN, and by name and birth date without accents and with a typo', async () => {
      const home = await go(agent, 'GET', '/en/staff');
      assert.match(home.body, /href="\/en\/staff\/find-client"/);
      const page = await go(agent, 'GET', '/en/staff/find-client');
      const bySin = await go(agent, 'POST', '/en/staff/find-client', {
        _csrf: csrfOf(page.body),
        sin: '046 454 286',
      });
      assert.equal(bySin.headers.location, '/en/staff/find-client');
      const found = await go(agent, 'GET', '/en/staff/find-client');
      assert.match(found.body, new RegExp(`/en/staff/clients/${AMELIE.id}`));
      assert.doesNotMatch(found.body, /046 ?454 ?286/);
      await go(agent, 'POST', '/fr/personnel/trouver-un-client', {
        _csrf: csrfOf(page.body),
        givenName: 'amelie',
        familyName: 'Tremblai',
        'birth-day': '14',
        'birth-month': '3',
        'birth-year': '1958',
      });
      const byName = await go(agent, 'GET', '/fr/personnel/trouver-un-client');
      assert.match(byName.body, /Amélie Tremblay/);
    });

    it('a paper application is keyed in with its scan; the wrong file type is refused, nothing stored', async () => {
      const form = await go(agent, 'GET', `/en/staff/clients/${HARPREET.id}/apply`);
      const refused = await go(agent, 'POST', `/en/staff/clients/${HARPREET.id}/apply`, {
        _csrf: csrfOf(form.body),
        programme: 'oas',
      });
      const back = await go(agent, 'GET', String(refused.headers.location));
      assert.match(back.body, /The client must agree before you apply with them/);
      const started = await go(agent, 'POST', `/en/staff/clients/${HARPREET.id}/apply`, {
        _csrf: csrfOf(form.body),
        programme: 'oas',
        channel: 'paper',
        identityCheck: 'paper-signature',
        consent: 'yes',
      });
      paperPath = String(started.headers.location);
      assert.match(paperPath, /^\/en\/staff\/applications\/[0-9a-f-]{36}$/);
      const evidence = await go(agent, 'GET', `${paperPath}/documents`);
      assert.match(evidence.body, /The signed paper application, scanned/);
      const wrong = await upload(agent, `${paperPath}/documents`, csrfOf(evidence.body), {
        name: 'scan.pdf',
        bytes: Buffer.from('MZ this is not a PDF at all'),
        type: 'application/pdf',
      });
      const error = await go(agent, 'GET', String(wrong.headers.location));
      assert.match(error.body, /The file must be a PDF, JPEG or PNG/);
      assert.equal((await database().db.selectFrom('application_evidence').selectAll().execute()).length, 0);
      const fr = await go(
        agent,
        'GET',
        `/fr/personnel/demandes/${paperPath.split('/').pop() ?? ''}/documents`,
      );
      assert.match(fr.body, /Le fichier doit être un PDF, un JPEG ou un PNG/);
    });

    it('a good scan is stored encrypted without its metadata, and served only with an access check, audited', async () => {
      const evidence = await go(agent, 'GET', `${paperPath}/documents`);
      const png = pngWithText();
      const stored = await upload(agent, `${paperPath}/documents`, csrfOf(evidence.body), {
        name: '../../scan.png',
        bytes: png,
        type: 'image/png',
      });
      assert.equal(stored.statusCode, 303);
      const [row] = await database().db.selectFrom('application_evidence').selectAll().execute();
      assert.ok(row);
      assert.equal(row.media_type, 'image/png');
      assert.ok(!row.content_cipher.includes(png.toString('base64').slice(0, 20)));
      const page = await go(agent, 'GET', `${paperPath}/documents`);
      const link = new RegExp(`${paperPath}/documents/[0-9a-f-]{36}`).exec(page.body)?.[0] ?? '';
      const file = await go(agent, 'GET', link);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.equal(file.headers['cache-control'], 'no-store');
      assert.ok(!file.rawPayload.includes(Buffer.from('Location')));
      assert.ok(file.rawPayload.includes(Buffer.from('IDAT')));
      const someone = jar(await personSession(guichet, database(), JORDAN.id));
      assert.equal(
        (await go(someone, 'GET', link.replace('/en/staff/applications/', '/en/my-guichet/applications/')))
          .statusCode,
        404,
      );
      const audited = await database()
        .db.selectFrom('audit_event')
        .select(['action', 'outcome', 'channel'])
        .where('action', 'like', 'application.evidence%')
        .execute();
      assert.deepEqual(audited.map((a) => `${a.action}:${a.outcome}:${a.channel}`).sort(), [
        'application.evidence.read:success:mail',
        'application.evidence.uploaded:success:mail',
      ]);
    });

    it('a person authorises a representative, who applies for them; after removal it is refused', async () => {
      const amelie = jar(await personSession(guichet, database(), AMELIE.id));
      const page = await go(amelie, 'GET', '/en/my-guichet/representatives');
      const done = await go(amelie, 'POST', '/en/my-guichet/representatives', {
        _csrf: csrfOf(page.body),
        sin: '012 345 674',
        'rep-day': '2',
        'rep-month': '7',
        'rep-year': '1990',
        kind: 'family',
        scope: 'apply-and-view',
        'ends-day': '1',
        'ends-month': '1',
        'ends-year': '2099',
      });
      assert.equal(done.headers.location, '/en/my-guichet/representatives');
      const jordan = jar(await personSession(guichet, database(), JORDAN.id));
      const acting = await go(jordan, 'GET', '/en/my-guichet/acting-for');
      assert.match(acting.body, /Amélie Tremblay/);
      const started = await go(jordan, 'POST', `/en/my-guichet/acting-for/${AMELIE.id}/apply`, {
        _csrf: csrfOf(acting.body),
        programme: 'gis',
      });
      const appPath = String(started.headers.location);
      assert.match(appPath, /^\/en\/my-guichet\/applications\/[0-9a-f-]{36}$/);
      const tasks = await go(jordan, 'GET', appPath);
      assert.match(tasks.body, /For Amélie Tremblay/);
      const row = await database()
        .db.selectFrom('application')
        .selectAll()
        .where('person_id', '=', AMELIE.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.started_by_kind, 'representative');
      assert.equal(row.started_by_id, JORDAN.id);
      const list = await go(amelie, 'GET', '/en/my-guichet/representatives');
      const revoke =
        /action="(\/en\/my-guichet\/representatives\/[0-9a-f-]{36}\/revoke)"/.exec(list.body)?.[1] ?? '';
      await go(amelie, 'POST', revoke, { _csrf: csrfOf(list.body) });
      assert.equal((await go(jordan, 'GET', appPath)).statusCode, 404);
      const again = await go(jordan, 'POST', `/en/my-guichet/acting-for/${AMELIE.id}/apply`, {
        _csrf: csrfOf(acting.body),
        programme: 'gis',
      });
      assert.equal(again.statusCode, 404);
    });

    it("the client file lists the client's applications with their channel", async () => {
      const opened = await go(agent, 'GET', `/en/staff/clients/${HARPREET.id}/purpose`);
      await go(agent, 'POST', `/en/staff/clients/${HARPREET.id}/purpose`, {
        _csrf: csrfOf(opened.body),
        purpose: 'phone-call',
      });
      const file = await go(agent, 'GET', `/en/staff/clients/${HARPREET.id}`);
      assert.match(file.body, /Applications/);
      assert.match(file.body, /on paper/);
    });
  },
);

describeOnBothDatabases('EI: insurable hours and earnings come from employers, never retyped', (database) => {
  let guichet: GuichetApp;
  before(async () => {
    guichet = await buildTestApp(database());
    await ensureDemoPeople(database().db, guichet.services.crypto);
  });
  after(() => guichet.app.close());

  it("a Record of Employment an employer sends prefills the EI application's hours, earnings and last day", async () => {
    const send = () =>
      guichet.app.inject({
        method: 'POST',
        url: '/api/v1/records-of-employment',
        headers: {
          authorization: `Bearer ${DEV_EMPLOYER_TOKEN}`,
          'content-type': 'application/json',
        },
        payload: {
          sin: '012 345 674',
          employerName: 'Prairie Foods Ltd.',
          serial: 'W1234567',
          firstDay: '2025-03-03',
          lastDay: '2026-10-30',
          reasonCode: 'A',
          payPeriods: [
            { weekEnding: '2026-10-31', hours: 40, earningsCents: 120_000 },
            { weekEnding: '2026-10-24', hours: 37.5, earningsCents: 112_500 },
          ],
        },
      });
    assert.equal((await send()).statusCode, 201);
    assert.equal((await send()).statusCode, 200, 'the same serial again is kept once');
    const rows = await database().db.selectFrom('record_of_employment').selectAll().execute();
    assert.equal(rows.length, 1, 'a resubmitted record is kept once');
    const jordan = new CookieJar();
    jordan.set(SESSION_COOKIE, await personSession(guichet, database(), JORDAN.id));
    const start = await requestWithJar(guichet, jordan, 'GET', '/en/my-guichet/apply/ei-regular');
    const started = await requestWithJar(guichet, jordan, 'POST', '/en/my-guichet/apply/ei-regular', {
      _csrf: csrfOf(start.body),
    });
    const confirm = await requestWithJar(
      guichet,
      jordan,
      'GET',
      `${String(started.headers.location)}/confirm-details`,
    );
    assert.match(
      confirm.body,
      /1 Record\(s\) of Employment received from your employers: 78 insurable hours, \$2,325\.00 in insurable earnings/,
    );
    assert.match(confirm.body, /October 30, 2026/);
  });
});

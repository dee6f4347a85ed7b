import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { csrfFrom } from '../../test/support/app.ts';
import { personSession, staffSession } from '../../test/support/identity/sessions.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  syntheticEntitlements,
} from '../../test/support/payments/entitlement-fixtures.ts';
import type { PayeeDetails, PayeeDirectory } from './run/run-ports.ts';
import { buildApp } from '../app.ts';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import type { Database } from '../platform/db/database.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { seedPopulation } from '../population/index.ts';
import { collect } from './files/collect.ts';
import { writeCpa005Returns } from './files/cpa005/cpa005-returns.ts';
import { DEMO_BANK_FILE_SETTINGS } from './bank-files/bank-file.service.ts';

const TODAY = new Date('2026-12-02T12:00:00Z');
const STAFF = (id: string, role: string) => ({
  actor: { type: 'staff' as const, id, role },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: `test-${id}`,
});

/** Deposits for everyone but the cheque payees; a test moves `changedAt` to say someone updated theirs. */
function payees(people: readonly string[], chequePayees: ReadonlySet<string>) {
  const changedAt = new Map<string, Date>();
  const directory: PayeeDirectory = {
    async payees(personIds) {
      return new Map(
        personIds.map((id): [string, PayeeDetails] => [
          id,
          {
            name: `Payee ${people.indexOf(id)}`,
            account: chequePayees.has(id)
              ? null
              : {
                  institution: '001',
                  transit: '00011',
                  account: `7${String(people.indexOf(id)).padStart(6, '0')}`,
                },
            accountChangedAt: changedAt.get(id) ?? new Date('2025-01-01T00:00:00Z'),
          },
        ]),
      );
    },
  };
  return { directory, changedAt };
}

function multipart(csrf: string, file: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----guichet-returns-boundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeOnBothDatabases(
  'returns: upload, letter, follow-up, reissue, reconciliation, cheques',
  (database: () => Database) => {
    let guichet: GuichetApp;
    let people: string[] = [];
    let changedAt: Map<string, Date>;
    let runId = '';
    const cheque = new Set<string>();

    before(async () => {
      const db = database();
      const probe = await buildApp({ config: testConfig(), database: db, clock: () => TODAY });
      await probe.services.catalogue.seedReferenceData(loadReferenceData());
      await seedPopulation(db, probe.services.crypto, { people: 8, seed: 11 });
      await probe.app.close();
      people = (await db.db.selectFrom('person').select('id').orderBy('id').limit(6).execute()).map(
        (p) => p.id,
      );
      cheque.add(people[5] ?? '');
      const rows = syntheticEntitlements({ enrolments: 6 }).map((row, index) => ({
        ...row,
        personId: people[index % people.length] ?? '',
        validFrom: '2024-01-01',
        validTo: null,
      }));
      const made = payees(people, cheque);
      changedAt = made.changedAt;
      guichet = await buildApp({
        config: testConfig(),
        database: db,
        clock: () => TODAY,
        payments: {
          entitlements: inMemoryEntitlements(rows),
          enrolments: inMemoryEntitlements(rows),
          deaths: deathRegisterOf(),
          payees: made.directory,
        },
      });
      await guichet.app.ready();
      const { run } = await guichet.services.payments.runs.start(
        { programmeId: 'oas', period: '2026-12', preparedBy: 'officer-1' },
        STAFF('officer-1', 'payments-officer'),
      );
      runId = run.id;
      await guichet.services.payments.runs.resume(runId);
      await guichet.services.payments.release.release(
        runId,
        'supervisor-1',
        STAFF('supervisor-1', 'supervisor'),
      );
    });
    after(async () => {
      await guichet.app.close();
    });

    const cookieOf = async (roles: Parameters<typeof staffSession>[2]) =>
      `${SESSION_COOKIE}=${await staffSession(guichet, database(), roles)}`;
    const get = (url: string, cookie: string) =>
      guichet.app.inject({ method: 'GET', url, headers: { cookie } });
    async function upload(cookie: string, file: { name: string; bytes: Buffer; type: string }) {
      const form = await get('/en/staff/payments/returns', cookie);
      const csrf = csrfFrom(form);
      const body = multipart(csrf.token, file);
      const response = await guichet.app.inject({
        method: 'POST',
        url: '/en/staff/payments/returns',
        headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': body.contentType },
        payload: body.payload,
      });
      const set = ([] as string[]).concat(
        (response.headers['set-cookie'] as string[] | string | undefined) ?? [],
      );
      return Object.assign(response, {
        follow: [cookie, ...set.map((line) => line.split(';')[0] ?? '')].join('; '),
      });
    }
    async function post(url: string, from: string, cookie: string, fields: Record<string, string>) {
      const csrf = csrfFrom(await get(from, cookie));
      return guichet.app.inject({
        method: 'POST',
        url,
        headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...fields, _csrf: csrf.token }).toString(),
      });
    }
    const returnsFile = (items: { reference: string; amountCents: number }[], creationNumber = 7) =>
      collect(
        writeCpa005Returns(
          {
            originator: DEMO_BANK_FILE_SETTINGS.originator,
            fileCreationNumber: creationNumber,
            creationDate: '2026-12-24',
            destinationDataCentre: '00120',
          },
          items.map((item, n) => ({
            payment: {
              ...item,
              date: '2026-12-22',
              payee: { name: 'Payee', institution: '001', transit: '00011', account: '1234567' },
              transactionCode: '311',
            },
            reasonCode: '905',
            itemTrace: `00010001100000000000${String(n).padStart(2, '0')}`,
          })),
        ),
      );
    const returned = async () =>
      database()
        .db.selectFrom('payment')
        .select(['id', 'reference', 'amount_cents', 'person_id', 'status'])
        .where('run_id', '=', runId)
        .where('method', '=', 'deposit')
        .orderBy('reference')
        .executeTakeFirstOrThrow();

    it('is on the payments officer’s staff home in both languages; others are refused', async () => {
      const officer = await cookieOf(['payments-officer']);
      const home = await get('/en/staff', officer);
      assert.match(home.body, /href="\/en\/staff\/payments\/returns">Load a bank returns file</);
      assert.match(
        home.body,
        /href="\/en\/staff\/payments\/returns\/follow-up">Returned payments to follow up</,
      );
      const fr = await get('/fr/personnel/paiements/retours', officer);
      assert.equal(fr.statusCode, 200);
      assert.match(fr.body, /Charger un fichier de retours bancaires/);
      assert.match(fr.body, /enctype="multipart\/form-data"/);
      assert.equal((await get('/en/staff/payments/returns', await cookieOf(['supervisor']))).statusCode, 403);
      const agentHome = await get('/en/staff', await cookieOf(['agent']));
      assert.match(agentHome.body, /href="\/en\/staff\/payments\/returns\/follow-up"/);
      assert.doesNotMatch(agentHome.body, /href="\/en\/staff\/payments\/returns">/);
    });

    it('refuses a file that is not a returns file, by its content, keeping nothing', async () => {
      const officer = await cookieOf(['payments-officer']);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const refused = await upload(officer, { name: 'returns.txt', bytes: png, type: 'text/plain' });
      assert.equal(refused.statusCode, 303);
      assert.equal(refused.headers.location, '/en/staff/payments/returns');
      const page = await get('/en/staff/payments/returns', refused.follow);
      assert.match(page.body, /<title>Error: /);
      assert.match(page.body, /This is not a text or XML file/);
      const text = await upload(officer, {
        name: 'notes.txt',
        bytes: Buffer.from('hello\n'),
        type: 'text/plain',
      });
      const again = await get('/en/staff/payments/returns', text.follow);
      assert.match(again.body, /This is not a returns file in CPA Standard 005/);
      const none = await upload(officer, {
        name: '',
        bytes: Buffer.alloc(0),
        type: 'application/octet-stream',
      });
      assert.match(
        (await get('/en/staff/payments/returns', none.follow)).body,
        /Choose the returns file to load/,
      );
      const loads = await database().db.selectFrom('payment_return_load').select('id').execute();
      assert.equal(loads.length, 0);
    });

    it('refuses a malformed returns file whole and says on which line, marking nothing', async () => {
      const officer = await cookieOf(['payments-officer']);
      const good = await returnsFile([{ reference: 'GUNKNOWN0000000001', amountCents: 100 }]);
      const lines = good.split('\n');
      lines[1] = `${(lines[1] ?? '').slice(0, 30)}X${(lines[1] ?? '').slice(31)}`.slice(0, 200);
      const broken = await upload(officer, {
        name: 'broken.txt',
        bytes: Buffer.from(lines.join('\n')),
        type: 'text/plain',
      });
      assert.equal(broken.statusCode, 303);
      assert.match(String(broken.headers.location), /^\/en\/staff\/payments\/returns\/loads\/[0-9a-f-]{36}$/);
      const page = await get(String(broken.headers.location), broken.follow);
      assert.match(page.body, /The file was refused/);
      assert.match(page.body, /Line 2: /);
      assert.equal((await database().db.selectFrom('payment_return').select('id').execute()).length, 0);
    });

    it('loads a returns file: the matched payment is marked and its person sent a letter; the unknown one is held', async () => {
      const officer = await cookieOf(['payments-officer']);
      const paid = await returned();
      const file = await returnsFile([
        { reference: paid.reference, amountCents: Number(paid.amount_cents) },
        { reference: 'GUNKNOWN0000000002', amountCents: 4_321 },
      ]);
      const loaded = await upload(officer, {
        name: 'returns-1224.txt',
        bytes: Buffer.from(file),
        type: 'text/plain',
      });
      const page = await get(String(loaded.headers.location), loaded.follow);
      assert.match(page.body, /The returns file was read/);
      assert.match(page.body, new RegExp(`<code>${paid.reference}</code>`));
      assert.match(page.body, /Held for an agent/);
      assert.match(page.body, /<code>GUNKNOWN0000000002<\/code>/);
      assert.match(page.body, /the account is closed \(905\)/);
      const fr = await get(
        String(loaded.headers.location).replace(
          '/en/staff/payments/returns/loads/',
          '/fr/personnel/paiements/retours/chargements/',
        ),
        officer,
      );
      assert.match(fr.body, /Retenus pour une agente ou un agent/);
      const status = await database()
        .db.selectFrom('payment')
        .select('status')
        .where('id', '=', paid.id)
        .executeTakeFirstOrThrow();
      assert.equal(status.status, 'returned');
      const letters = await guichet.services.inbox.list(paid.person_id);
      assert.deepEqual(
        letters.map((letter) => letter.kind),
        ['payment-return'],
      );
      // This payee has no email or phone on file: no electronic notice, the letter goes by post. (What a notice
      // may say, for every kind of letter, is checked in src/inbox/notices-say-nothing.test.ts.)
      assert.equal(letters[0]?.delivery, 'paper');
      assert.deepEqual(await guichet.services.inbox.notices(paid.person_id), []);
      const again = await upload(officer, {
        name: 'returns-1224.txt',
        bytes: Buffer.from(file),
        type: 'text/plain',
      });
      const second = await get(String(again.headers.location), again.follow);
      assert.match(second.body, /Already loaded before<\/dt><dd>2</);
      assert.equal((await guichet.services.inbox.list(paid.person_id)).length, 1, 'one letter per return');
    });

    it('My payments shows the person the return, why, and what to do', async () => {
      const paid = await returned();
      const cookie = `${SESSION_COOKIE}=${await personSession(guichet, database(), paid.person_id)}`;
      const page = await get('/en/my-guichet/payments', cookie);
      assert.match(page.body, /A payment was returned by your bank/);
      assert.match(page.body, /the account is closed/);
      assert.match(
        page.body,
        /<a href="\/en\/my-guichet\/profile\/direct-deposit">Update your direct deposit/,
      );
      const fr = await get('/fr/mon-guichet/paiements', cookie);
      assert.match(fr.body, /le compte est fermé/);
      assert.match(fr.body, /href="\/fr\/mon-guichet\/profil\/depot-direct"/);
    });

    it('an agent sees both tasks and settles the held return; others cannot', async () => {
      const agent = await cookieOf(['agent']);
      const page = await get('/en/staff/payments/returns/follow-up', agent);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Waiting for new banking details/);
      assert.match(page.body, /href="\/en\/staff\/clients\/[0-9a-f-]{36}"/);
      assert.match(page.body, /<code>GUNKNOWN0000000002<\/code>/);
      const held = await database()
        .db.selectFrom('payment_return')
        .select('id')
        .where('status', '=', 'held')
        .executeTakeFirstOrThrow();
      const url = `/en/staff/payments/returns/follow-up/${held.id}/close`;
      const forbidden = await post(url, '/en/staff', await cookieOf(['adjudicator']), { reason: 'not-ours' });
      assert.equal(forbidden.statusCode, 403);
      const wrong = await post(url, '/en/staff/payments/returns/follow-up', agent, { reason: 'because' });
      assert.equal(wrong.statusCode, 303);
      const closed = await post(url, '/en/staff/payments/returns/follow-up', agent, { reason: 'not-ours' });
      assert.equal(closed.statusCode, 303);
      const after = await database()
        .db.selectFrom('payment_return')
        .select(['status', 'closed_reason'])
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(after, { status: 'closed', closed_reason: 'not-ours' });
      assert.doesNotMatch(
        (await get('/en/staff/payments/returns/follow-up', agent)).body,
        /GUNKNOWN0000000002/,
      );
    });

    it('reissues the returned payment once, in the next run after the banking details change', async () => {
      const paid = await returned();
      const payments = guichet.services.payments;
      const december = await payments.runs.start(
        { programmeId: 'oas', period: '2027-01', preparedBy: 'officer-1' },
        STAFF('officer-1', 'payments-officer'),
      );
      await payments.runs.resume(december.run.id);
      const before = await database()
        .db.selectFrom('payment')
        .select('id')
        .where('kind', '=', 'reissue')
        .execute();
      assert.equal(before.length, 0, 'not before the details change');
      await database()
        .db.updateTable('payment_run')
        .set({ status: 'cancelled' })
        .where('id', '=', december.run.id)
        .execute();
      changedAt.set(paid.person_id, new Date(Date.now() + 60_000));
      const next = await payments.runs.start(
        { programmeId: 'oas', period: '2027-01', preparedBy: 'officer-1' },
        STAFF('officer-1', 'payments-officer'),
      );
      await payments.runs.resume(next.run.id);
      await database()
        .db.updateTable('payment_run')
        .set({ status: 'preparing' })
        .where('id', '=', next.run.id)
        .execute();
      await payments.runs.resume(next.run.id);
      const reissues = await database()
        .db.selectFrom('payment')
        .select(['run_id', 'amount_cents', 'reissue_of', 'kind'])
        .where('kind', '=', 'reissue')
        .execute();
      assert.deepEqual(
        reissues.map((r) => [r.run_id, Number(r.amount_cents), r.reissue_of]),
        [[next.run.id, Number(paid.amount_cents), paid.id]],
      );
      const original = await database()
        .db.selectFrom('payment')
        .select('status')
        .where('id', '=', paid.id)
        .executeTakeFirstOrThrow();
      assert.equal(original.status, 'reissued');
      const report = await payments.reconciliationOf(next.run.id);
      assert.deepEqual(report?.report.lines.reissuesIncluded, { count: 1, cents: Number(paid.amount_cents) });
      assert.equal(report?.report.balanced, true);
    });

    it('the reconciliation report balances to the cent, on the page and in CSV, in both languages', async () => {
      const officer = await cookieOf(['payments-officer']);
      const paid = await returned();
      const run = await get(`/en/staff/payments/runs/${runId}`, officer);
      assert.match(run.body, new RegExp(`href="/en/staff/payments/runs/${runId}/reconciliation"`));
      const page = await get(`/en/staff/payments/runs/${runId}/reconciliation`, officer);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The run balances/);
      const csv = await get(`/en/staff/payments/runs/${runId}/reconciliation.csv`, officer);
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      const rows = new Map(
        csv.body
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => [line.split(',')[0], ['', '', ...line.split(',').slice(-3)]]),
      );
      const cents = Number(paid.amount_cents);
      assert.deepEqual(rows.get('returned')?.slice(2, 4), ['1', String(cents)]);
      assert.deepEqual(rows.get('reissued')?.slice(2, 4), ['1', String(cents)]);
      const prepared = Number(rows.get('prepared')?.[3]);
      assert.equal(Number(rows.get('netPaid')?.[3]), prepared - cents);
      assert.equal(
        rows.get('returned')?.[4],
        `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      );
      const fr = await get(`/fr/personnel/paiements/cycles/${runId}/rapprochement`, officer);
      assert.match(fr.body, /Le cycle est équilibré/);
      assert.equal(
        (await get(`/en/staff/payments/runs/${runId}/reconciliation`, await cookieOf(['agent']))).statusCode,
        403,
      );
    });

    it('prints the run’s cheques to a PDF with a manifest, numbered once', async () => {
      const officer = await cookieOf(['payments-officer']);
      const page = await get(`/en/staff/payments/runs/${runId}/reconciliation`, officer);
      const cheques = await database()
        .db.selectFrom('payment')
        .select('reference')
        .where('run_id', '=', runId)
        .where('method', '=', 'cheque')
        .execute();
      assert.ok(cheques.length > 0);
      assert.match(page.body, new RegExp(`${cheques.length} payments by cheque`));
      const noAddress = await get(`/en/staff/payments/runs/${runId}/cheques/pdf`, officer);
      assert.equal(noAddress.statusCode, 303, 'nobody is left out: no file while an address is missing');
      const told = ([] as string[]).concat(
        (noAddress.headers['set-cookie'] as string[] | string | undefined) ?? [],
      );
      const back = await get(
        String(noAddress.headers.location),
        [officer, ...told.map((line) => line.split(';')[0] ?? '')].join('; '),
      );
      assert.match(back.body, /has no mailing address on file/);
      await guichet.services.person.record.changeAddress(
        people[5] ?? '',
        {
          kind: 'mailing',
          line1: '123, rue Principale',
          line2: null,
          city: 'Gatineau',
          provinceCode: 'QC',
          postalCode: 'J8X 1A1',
          effectiveFrom: '2026-01-01',
        },
        STAFF('agent-1', 'agent'),
      );
      const pdf = await get(`/en/staff/payments/runs/${runId}/cheques/pdf`, officer);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      const manifest = await get(`/en/staff/payments/runs/${runId}/cheques/manifest`, officer);
      const lines = manifest.body.trim().split('\n');
      assert.equal(lines.length, cheques.length + 1);
      assert.match(lines[1] ?? '', /^1,100001,G[0-9A-Z]{16},\d+,2026-12-\d\d,(en|fr),/);
      assert.deepEqual(
        lines
          .slice(1)
          .map((line) => line.split(',')[2])
          .sort(),
        cheques.map((c) => c.reference).sort(),
      );
      const again = await get(`/en/staff/payments/runs/${runId}/cheques/manifest`, officer);
      assert.equal(again.body, manifest.body);
      assert.equal((await get(`/en/staff/payments/runs/${runId}/cheques/zip`, officer)).statusCode, 404);
    });
  },
);

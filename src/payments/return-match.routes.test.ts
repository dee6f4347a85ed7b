import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { csrfFrom } from '../../test/support/app.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';
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
  'returns: a held return matched to a payment by hand, four eyes',
  (database: () => Database) => {
    let guichet: GuichetApp;
    let people: string[] = [];
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
      guichet = await buildApp({
        config: testConfig(),
        database: db,
        clock: () => TODAY,
        payments: {
          entitlements: inMemoryEntitlements(rows),
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

    /** Loads a return whose reference the bank garbled: it matches nothing and is held. */
    async function heldReturn() {
      const paid = await returned();
      const garbled = `${paid.reference.slice(0, -2)}ZZ`;
      const officer = await cookieOf(['payments-officer']);
      const file = await returnsFile([{ reference: garbled, amountCents: Number(paid.amount_cents) }], 9);
      const loaded = await upload(officer, {
        name: 'returns-garbled.txt',
        bytes: Buffer.from(file),
        type: 'text/plain',
      });
      assert.equal(loaded.statusCode, 303);
      const held = await database()
        .db.selectFrom('payment_return')
        .select(['id', 'status', 'payment_id'])
        .where('reference', '=', garbled)
        .executeTakeFirstOrThrow();
      assert.deepEqual([held.status, held.payment_id], ['held', null]);
      return { paid, garbled, returnId: held.id, officer };
    }
    const follow = (response: { headers: Record<string, unknown> }, cookie: string) => {
      const set = ([] as string[]).concat(
        (response.headers['set-cookie'] as string[] | string | undefined) ?? [],
      );
      return [cookie, ...set.map((line) => line.split(';')[0] ?? '')].join('; ');
    };

    it('a payments officer finds the payment, proposes it with a reason; a supervisor confirms; the person is told', async () => {
      const { paid, garbled, returnId, officer } = await heldReturn();
      const matchPath = `/en/staff/payments/returns/follow-up/${returnId}/match`;
      const list = await get('/en/staff/payments/returns/follow-up', officer);
      assert.match(list.body, new RegExp(`href="${matchPath}">Match to a payment`));

      const page = await get(matchPath, officer);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<code>${garbled}</code>`));
      assert.match(page.body, new RegExp(`value="${paid.id}"`), 'the payment is found by amount and date');
      const byReference = await get(`${matchPath}?matchReference=${paid.reference.slice(0, 12)}`, officer);
      assert.match(byReference.body, new RegExp(`value="${paid.id}"`));
      const wrong = await get(`${matchPath}?matchAmount=12%2C3x&matchFrom=yesterday`, officer);
      assert.equal(wrong.statusCode, 200);
      assert.match(wrong.body, /<title>Error: /);
      assert.match(wrong.body, /Enter the amount in dollars and cents/);
      assert.match(wrong.body, /value="12,3x"/, 'the search keeps what was typed');
      const fr = await get(`/fr/personnel/paiements/retours/suivi/${returnId}/associer`, officer);
      assert.match(fr.body, /Associer le retour/);

      const noReason = await post(matchPath, matchPath, officer, { payment: paid.id, matchReason: 'short' });
      assert.equal(noReason.statusCode, 303);
      const refused = await get(matchPath, follow(noReason, officer));
      assert.match(refused.body, /Say why this is the payment, in 10 to 500 characters/);
      assert.match(refused.body, new RegExp(`value="${paid.id}" checked`), 'the choice is kept');

      const reason = 'Trace shows the reference with its last two characters changed; same amount.';
      const proposed = await post(matchPath, matchPath, officer, { payment: paid.id, matchReason: reason });
      assert.equal(proposed.statusCode, 303);
      const waiting = await get(matchPath, follow(proposed, officer));
      assert.match(waiting.body, /The match is proposed/);
      assert.match(waiting.body, /Another person, a supervisor, must confirm/);
      assert.doesNotMatch(waiting.body, /Confirm the match/);
      const untouched = await database()
        .db.selectFrom('payment')
        .select('status')
        .where('id', '=', paid.id)
        .executeTakeFirstOrThrow();
      assert.equal(untouched.status, 'issued', 'nothing moves before a second person confirms');
      const confirmPath = `${matchPath}/confirm`;
      assert.equal(
        (await post(confirmPath, matchPath, officer, {})).statusCode,
        403,
        'an officer cannot confirm',
      );

      const supervisor = await cookieOf(['supervisor']);
      const home = await get('/en/staff', supervisor);
      assert.match(
        home.body,
        /href="\/en\/staff\/payments\/returns\/matches">Matches of returned payments to confirm</,
      );
      const matches = await get('/en/staff/payments/returns/matches', supervisor);
      assert.match(
        matches.body,
        new RegExp(`<code>${garbled}</code>[\\s\\S]*href="${matchPath}">Review the match`),
      );
      const listFr = await get('/fr/personnel/paiements/retours/associations', supervisor);
      assert.match(listFr.body, /Associations de paiements retournés à confirmer/);
      assert.equal((await get('/en/staff/payments/returns/matches', officer)).statusCode, 403);
      const toConfirm = await get(matchPath, supervisor);
      assert.match(toConfirm.body, /Confirm the match/);
      // Who proposed it by name, as the identity module has it, never by staff id.
      const { match_proposed_by: proposerId } = await database()
        .db.selectFrom('payment_return')
        .select('match_proposed_by')
        .where('id', '=', returnId)
        .executeTakeFirstOrThrow();
      assert.match(toConfirm.body, /Proposed by<\/dt><dd>Test payments-officer<\/dd>/);
      assert.match(matches.body, /<td data-label="Proposed by">Test payments-officer<\/td>/);
      assert.match(
        (await get(`/fr/personnel/paiements/retours/suivi/${returnId}/associer`, supervisor)).body,
        /Proposée par<\/dt><dd>Test payments-officer<\/dd>/,
      );
      for (const body of [toConfirm.body, matches.body]) assert.ok(!body.includes(String(proposerId)));
      assert.ok(toConfirm.body.includes(reason.replace('’', '&#39;')) || toConfirm.body.includes(reason));
      const confirmed = await post(confirmPath, matchPath, supervisor, {});
      assert.equal(confirmed.statusCode, 303);
      const done = await get(matchPath, follow(confirmed, supervisor));
      assert.match(done.body, /The match is confirmed/);
      assert.match(done.body, /This return is no longer held/);
      const after = await database()
        .db.selectFrom('payment_return')
        .select(['status', 'payment_id', 'told_at', 'matched_by', 'match_proposed_by'])
        .where('id', '=', returnId)
        .executeTakeFirstOrThrow();
      assert.equal(after.status, 'matched');
      assert.equal(after.payment_id, paid.id);
      assert.notEqual(after.told_at, null, 'the person was told, as for any matched return');
      assert.notEqual(after.matched_by, after.match_proposed_by);
      const payment = await database()
        .db.selectFrom('payment')
        .select('status')
        .where('id', '=', paid.id)
        .executeTakeFirstOrThrow();
      assert.equal(payment.status, 'returned');
      assert.deepEqual(
        (await guichet.services.inbox.list(paid.person_id)).map((letter) => letter.kind),
        ['payment-return'],
      );
      const emptied = await get('/en/staff/payments/returns/matches', supervisor);
      assert.doesNotMatch(emptied.body, new RegExp(garbled), 'a confirmed match leaves the list');
      const followUp = await get('/en/staff/payments/returns/follow-up', officer);
      assert.match(
        followUp.body,
        new RegExp(`Waiting for new banking details[\\s\\S]*<code>${garbled}</code>`),
      );
      const actions = await database()
        .db.selectFrom('audit_event')
        .select(['action', 'outcome'])
        .where('action', 'like', 'payments.returns.match.%')
        .execute();
      assert.deepEqual(actions.map((a) => `${a.action}:${a.outcome}`).sort(), [
        'payments.returns.match.confirm:success',
        'payments.returns.match.propose:success',
      ]);
    });

    it('the person who proposed a match can never confirm it, even holding both roles; a turned-down match goes back', async () => {
      const both = await cookieOf(['payments-officer', 'supervisor']);
      const paid = await database()
        .db.selectFrom('payment')
        .select(['id', 'reference', 'amount_cents'])
        .where('run_id', '=', runId)
        .where('method', '=', 'deposit')
        .where('status', '=', 'issued')
        .orderBy('reference')
        .executeTakeFirstOrThrow();
      const garbled = `X${paid.reference.slice(1)}`;
      const file = await returnsFile([{ reference: garbled, amountCents: Number(paid.amount_cents) }], 10);
      await upload(both, { name: 'returns-x.txt', bytes: Buffer.from(file), type: 'text/plain' });
      const held = await database()
        .db.selectFrom('payment_return')
        .select('id')
        .where('reference', '=', garbled)
        .executeTakeFirstOrThrow();
      const matchPath = `/en/staff/payments/returns/follow-up/${held.id}/match`;
      const reason = 'Same amount and date, first character of the reference misread.';
      await post(matchPath, matchPath, both, { payment: paid.id, matchReason: reason });
      const own = await post(`${matchPath}/confirm`, matchPath, both, {});
      assert.equal(own.statusCode, 303);
      const told = await get(matchPath, follow(own, both));
      assert.match(told.body, /You proposed this match: another person must confirm it/);
      const row = await database()
        .db.selectFrom('payment_return')
        .select(['status', 'payment_id'])
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.payment_id], ['held', null]);
      const refusedAudit = await database()
        .db.selectFrom('audit_event')
        .select('outcome')
        .where('action', '=', 'payments.returns.match.confirm')
        .where('outcome', '=', 'failure')
        .execute();
      assert.ok(refusedAudit.length >= 1, 'the refused confirmation is audited');

      const supervisor = await cookieOf(['supervisor']);
      const rejected = await post(`${matchPath}/reject`, matchPath, supervisor, {});
      const back = await get(matchPath, follow(rejected, supervisor));
      assert.match(back.body, /The proposed match is turned down/);
      const fresh = await get(matchPath, both);
      assert.match(fresh.body, /Propose this match/, 'the return can be matched again');
      const other = await get(
        '/en/staff/payments/returns/follow-up/00000000-0000-4000-8000-000000000000/match',
        both,
      );
      assert.equal(other.statusCode, 404);
      assert.equal((await get(matchPath, await cookieOf(['agent']))).statusCode, 403);
    });
  },
);

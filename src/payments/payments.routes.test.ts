import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { csrfFrom } from '../../test/support/app.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';
import {
  deathRegisterOf,
  expectedTotals,
  inMemoryEntitlements,
  payeeDirectoryOf,
  syntheticEntitlements,
} from '../../test/support/payments/entitlement-fixtures.ts';
import { buildApp } from '../app.ts';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { readCpa005 } from './files/cpa005/cpa005-reader.ts';
import { personSession } from '../../test/support/identity/sessions.ts';
import { seedPopulation } from '../population/index.ts';

const TODAY = new Date('2026-12-02T12:00:00Z');
const ROWS = syntheticEntitlements({ enrolments: 30 });
const EXPECTED = expectedTotals(ROWS);
/** Enrolments a test hands to a seeded person, with the payments made under them. */
const enrolmentsGiven = new Map<string, string[]>();

describe('payment run pages: prepare, watch, release with four eyes, download', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    guichet = await buildApp({
      config: testConfig(),
      database: db.database,
      clock: () => TODAY,
      payments: {
        entitlements: inMemoryEntitlements(ROWS),
        enrolments: {
          enrolmentsOf: async (id) => [
            ...(await inMemoryEntitlements(ROWS).enrolmentsOf(id)),
            ...(enrolmentsGiven.get(id) ?? []),
          ],
        },
        deaths: deathRegisterOf(),
        payees: payeeDirectoryOf(),
      },
    });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await guichet.app.ready();
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });

  const cookieOf = async (roles: Parameters<typeof staffSession>[2]) =>
    `${SESSION_COOKIE}=${await staffSession(guichet, db.database, roles)}`;
  const get = (url: string, cookie: string) =>
    guichet.app.inject({ method: 'GET', url, headers: { cookie } });
  /** Posts the form of `from`; returns the response and the cookie to follow its redirect with (its notice). */
  async function post(url: string, from: string, cookie: string, fields: Record<string, string> = {}) {
    const page = await get(from, cookie);
    const csrf = csrfFrom(page);
    const response = await guichet.app.inject({
      method: 'POST',
      url,
      headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: csrf.token }).toString(),
    });
    const set = ([] as string[]).concat(
      (response.headers['set-cookie'] as string[] | string | undefined) ?? [],
    );
    const follow = [cookie, ...set.map((line) => line.split(';')[0] ?? '')].join('; ');
    return Object.assign(response, { follow });
  }

  it('is on the officer’s staff home and in French at its French address', async () => {
    const officer = await cookieOf(['payments-officer']);
    const home = await get('/en/staff', officer);
    assert.match(home.body, /<h3><a href="\/en\/staff\/payments">Payment runs<\/a><\/h3>/);
    const fr = await get('/fr/personnel/paiements', officer);
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /Cycles de paiement/);
    assert.match(fr.body, /Préparer le cycle/);
  });

  it('names a wrong month with the Error: title and keeps what was typed', async () => {
    const officer = await cookieOf(['payments-officer']);
    const refused = await post('/en/staff/payments', '/en/staff/payments', officer, {
      programmeId: 'oas',
      period: '2026-13',
    });
    assert.equal(refused.statusCode, 303);
    const page = await get('/en/staff/payments', officer);
    assert.match(page.body, /<title>Error: /);
    assert.match(page.body, /Enter the month as a year and month/);
  });

  it('prepares, refuses release to staff without the permission and to the preparer, then releases', async () => {
    const both = await cookieOf(['payments-officer', 'supervisor']);
    const prepared = await post('/en/staff/payments', '/en/staff/payments', both, {
      programmeId: 'oas',
      period: '2026-12',
    });
    assert.equal(prepared.statusCode, 303);
    const runUrl = String(prepared.headers.location);
    assert.match(runUrl, /^\/en\/staff\/payments\/runs\/[0-9a-f-]{36}$/);
    await guichet.services.payments.runs.drain();
    const runPage = await get(runUrl, both);
    assert.match(runPage.body, /Prepared, waiting for release/);
    assert.match(runPage.body, /Reconciliation/);
    const agent = await cookieOf(['agent']);
    assert.equal((await get(runUrl, agent)).statusCode, 403);
    const own = await post(`${runUrl}/release`, runUrl, both);
    assert.equal(own.statusCode, 303);
    assert.match((await get(runUrl, own.follow)).body, /You prepared this run, so you cannot release it/);
    const officerOnly = await cookieOf(['payments-officer']);
    const forbidden = await post(`${runUrl}/release`, runUrl, officerOnly);
    assert.equal(forbidden.statusCode, 403);
    const supervisor = await cookieOf(['supervisor']);
    const release = await post(`${runUrl}/release`, runUrl, supervisor);
    const released = await get(runUrl, release.follow);
    assert.match(released.body, /The run is released/);
    const file = await get(`${runUrl}/files/cpa005`, supervisor);
    assert.equal(file.statusCode, 200);
    assert.match(
      String(file.headers['content-disposition']),
      /attachment; filename="oas-2026-12-cpa005-1\.txt"/,
    );
    const reader = readCpa005(file.body);
    let result = await reader.next();
    while (!result.done) result = await reader.next();
    assert.deepEqual([result.value.itemCount, result.value.totalCents], [EXPECTED.count, EXPECTED.cents]);
    const fr = await get(
      runUrl.replace('/en/staff/payments/runs/', '/fr/personnel/paiements/cycles/'),
      supervisor,
    );
    assert.match(fr.body, /Autorisé/);
  });

  it('says why a run has no payment, in both languages, and only then', async () => {
    const officer = await cookieOf(['payments-officer']);
    const prepared = await post('/en/staff/payments', '/en/staff/payments', officer, {
      programmeId: 'ccb',
      period: '2026-12',
    });
    assert.equal(prepared.statusCode, 303);
    const runUrl = String(prepared.headers.location);
    await guichet.services.payments.runs.drain();
    const en = await get(runUrl, officer);
    assert.match(en.body, /This run has no payment: no enrolment has an amount in force for this month/);
    const fr = await get(
      runUrl.replace('/en/staff/payments/runs/', '/fr/personnel/paiements/cycles/'),
      officer,
    );
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /Ce cycle ne contient aucun paiement\u00a0: aucune inscription/);
    const runs = await guichet.services.payments.runs.list();
    const paid = runs.find((run) => run.programmeId === 'oas' && run.paymentCount > 0);
    assert.ok(paid, 'the OAS run of the test before has payments');
    const oas = await get(`/en/staff/payments/runs/${paid.id}`, officer);
    assert.doesNotMatch(oas.body, /This run has no payment/);
  });

  it('cancels a prepared run: payments officer or supervisor only, once, then nothing to release', async () => {
    const officer = await cookieOf(['payments-officer']);
    const prepared = await post('/en/staff/payments', '/en/staff/payments', officer, {
      programmeId: 'oas',
      period: '2026-11',
    });
    const runUrl = String(prepared.headers.location);
    await guichet.services.payments.runs.drain();
    const before = await get(runUrl, officer);
    assert.match(before.body, /Cancel the run/);
    const agent = await cookieOf(['agent']);
    assert.equal((await post(`${runUrl}/cancel`, runUrl, officer)).statusCode, 303);
    const cancelled = await get(runUrl, (await post(`${runUrl}/cancel`, runUrl, officer)).follow);
    assert.match(cancelled.body, /This run was already cancelled/);
    assert.doesNotMatch(cancelled.body, /Cancel the run|Release the run/);
    assert.match(cancelled.body, /<dd>Cancelled<\/dd>/);
    const forbidden = await guichet.app.inject({
      method: 'POST',
      url: `${runUrl}/cancel`,
      headers: { cookie: agent },
    });
    assert.equal(forbidden.statusCode, 403);
    const supervisor = await cookieOf(['supervisor']);
    const release = await post(`${runUrl}/release`, runUrl, supervisor);
    assert.match((await get(runUrl, release.follow)).body, /This run cannot be released now/);
    const fr = await get(
      runUrl.replace('/en/staff/payments/runs/', '/fr/personnel/paiements/cycles/'),
      officer,
    );
    assert.doesNotMatch(fr.body, /Annuler le cycle/);
  });

  it('My payments shows the person their payments, the account masked, and a returned one with what to do', async () => {
    await seedPopulation(db.database, guichet.services.crypto, { people: 3, seed: 5 });
    const person = await db.database.db
      .selectFrom('person')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const paid = await db.database.db
      .selectFrom('payment')
      .select(['id', 'enrolment_id'])
      .where('status', '=', 'issued')
      .orderBy('id')
      .limit(2)
      .execute();
    enrolmentsGiven.set(
      person.id,
      paid.map((p) => p.enrolment_id),
    );
    await db.database.db
      .updateTable('payment')
      .set({ person_id: person.id })
      .where(
        'id',
        'in',
        paid.map((p) => p.id),
      )
      .execute();
    await db.database.db
      .updateTable('payment')
      .set({ status: 'returned' })
      .where('id', '=', paid[0]?.id ?? '')
      .execute();
    const cookie = `${SESSION_COOKIE}=${await personSession(guichet, db.database, person.id)}`;
    const page = await get('/en/my-guichet/payments', cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /A payment was returned by your bank/);
    assert.match(page.body, /Account ending in \d{3}/);
    assert.doesNotMatch(page.body, /\d{7}/, 'never the whole account number');
    const fr = await get('/fr/mon-guichet/paiements', cookie);
    assert.match(fr.body, /Votre banque a retourné un paiement/);
    const other = `${SESSION_COOKIE}=${await personSession(guichet, db.database, null)}`;
    assert.notEqual((await get('/en/my-guichet/payments', other)).statusCode, 200);
    const home = await get('/en/my-guichet', cookie);
    assert.match(home.body, /href="\/en\/my-guichet\/payments"/);
  });
});

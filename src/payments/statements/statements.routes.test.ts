import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { statePurpose } from '../../../test/support/app.ts';
import { personSession, staffSession } from '../../../test/support/identity/sessions.ts';
import { readPdf } from '../../../test/support/documents/pdf-reader.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  payeeDirectoryOf,
} from '../../../test/support/payments/entitlement-fixtures.ts';
import { buildApp } from '../../app.ts';
import type { GuichetApp } from '../../app.ts';
import { testConfig } from '../../platform/config/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { loadReferenceData } from '../../catalogue/reference-data.ts';
import { SESSION_COOKIE } from '../../identity/identity.paths.ts';
import { seedPopulation } from '../../population/index.ts';
import type { EntitlementRow, EntitlementSource, PersonEnrolments } from '../run/run-ports.ts';

const TODAY = new Date('2026-12-02T12:00:00Z');
const STAFF = (id: string) => ({
  actor: { type: 'staff' as const, id, role: 'payments-officer' },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: `test-${id}`,
});

describeOnBothDatabases(
  'statements, tax slips and debts in My payments and the client file',
  (database: () => Database) => {
    let guichet: GuichetApp;
    let personId: string;
    let rows: EntitlementRow[] = [];
    const entitlement = (
      programmeId: string,
      from: string,
      to: string | null,
      cents: number,
    ): EntitlementRow => ({
      enrolmentId: `${programmeId}-${personId}`,
      personId,
      programmeId,
      validFrom: from,
      validTo: to,
      amountCents: cents,
      periodKind: 'month',
      decisionId: `${programmeId}-${from}`,
    });
    const source: EntitlementSource & PersonEnrolments = {
      stream: (query) => inMemoryEntitlements(rows).stream(query),
      countEnrolments: (programmeId) => inMemoryEntitlements(rows).countEnrolments(programmeId),
      enrolmentsOf: (id) => inMemoryEntitlements(rows).enrolmentsOf(id),
    };
    const runAndRelease = async (programmeId: string, period: string) => {
      const { run } = await guichet.services.payments.runs.start(
        { programmeId, period, preparedBy: 'officer' },
        STAFF('officer'),
      );
      await guichet.services.payments.runs.resume(run.id);
      const released = await guichet.services.payments.release.release(
        run.id,
        'supervisor',
        STAFF('supervisor'),
      );
      assert.equal(released.outcome, 'released');
    };
    const get = (url: string, cookie: string) =>
      guichet.app.inject({ method: 'GET', url, headers: { cookie } });

    before(async () => {
      guichet = await buildApp({
        config: testConfig(),
        database: database(),
        clock: () => TODAY,
        payments: {
          entitlements: source,
          enrolments: source,
          deaths: deathRegisterOf(),
          payees: payeeDirectoryOf(),
        },
      });
      await guichet.services.catalogue.seedReferenceData(loadReferenceData());
      await guichet.app.ready();
      await seedPopulation(database(), guichet.services.crypto, { people: 2, seed: 11 });
      personId = (
        await database().db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow()
      ).id;
      rows = [
        entitlement('oas', '2026-01-01', null, 100_000),
        entitlement('gis', '2026-10-01', null, 50_000),
        entitlement('cpp-retirement', '2026-10-01', null, 80_000),
        entitlement('ccb', '2026-10-01', null, 30_000),
        entitlement('ei-regular', '2026-10-01', null, 61_250),
      ];
      await runAndRelease('oas', '2026-10');
      // A new income lowers the pension from July, after it was paid: an overpayment of 4 × 20,000.
      rows = [
        entitlement('oas', '2026-01-01', '2026-06-30', 100_000),
        entitlement('oas', '2026-07-01', null, 80_000),
        ...rows.slice(1),
      ];
      await runAndRelease('oas', '2026-11');
      await runAndRelease('oas', '2026-12');
      for (const programme of ['gis', 'cpp-retirement', 'ccb']) await runAndRelease(programme, '2026-12');
      // EI pays the month's two-week periods on the first banking day after it: October's and November's in 2026.
      for (const period of ['2026-10', '2026-11']) await runAndRelease('ei-regular', period);
    });
    after(async () => {
      await guichet.app.close();
    });

    it('computes the slips’ boxes from what was issued, with the recovery in box 20 and no slip for the CCB', async () => {
      const context = STAFF('officer');
      const oas = await guichet.services.payments.statements.slip(personId, 2026, 't4a-oas', context);
      const boxes = Object.fromEntries(oas?.boxes.map((b) => [b.box, b.cents]) ?? []);
      // January to October at 1,000.00, November and December at 800.00 gross; 80.00 kept in December.
      assert.deepEqual(boxes, { '18': 1_160_000, '19': 1_160_000, '20': 8_000, '21': 150_000, '22': 0 });
      const cpp = await guichet.services.payments.statements.slip(personId, 2026, 't4a-p', context);
      assert.deepEqual(
        cpp?.boxes.map((b) => [b.box, b.cents]),
        [
          ['14', 240_000],
          ['20', 240_000],
          ['22', 0],
        ],
      );
      assert.equal(await guichet.services.payments.statements.slip(personId, 2026, 't5007', context), null);
      const overview = await guichet.services.payments.statements.overview(personId, context);
      assert.deepEqual(overview, [{ year: 2026, slips: ['t4a-oas', 't4a-p', 't4e'] }]);
    });

    it('My payments shows the overpayment and links the statement and slips, which download as tagged PDF', async () => {
      const cookie = `${SESSION_COOKIE}=${await personSession(guichet, database(), personId)}`;
      const page = await get('/en/my-guichet/payments', cookie);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h2>Overpayments<\/h2>/);
      assert.match(page.body, /\$720\.00/, 'still owed after 80.00 kept');
      assert.match(page.body, /href="\/en\/my-guichet\/payments\/statements\/2026"/);
      assert.match(page.body, /href="\/en\/my-guichet\/payments\/tax-slips\/2026\/t4a-oas"/);
      assert.match(page.body, /href="\/en\/my-guichet\/payments\/tax-slips\/2026\/t4a-p"/);
      assert.doesNotMatch(page.body, /t5007/);
      const fr = await get('/fr/mon-guichet/paiements', cookie);
      assert.match(fr.body, /Paiements en trop/);
      assert.match(fr.body, /href="\/fr\/mon-guichet\/paiements\/feuillets\/2026\/t4a-oas"/);

      const statement = await get('/fr/mon-guichet/paiements/releves/2026', cookie);
      assert.equal(statement.statusCode, 200);
      assert.equal(statement.headers['content-type'], 'application/pdf');
      assert.equal(statement.headers['cache-control'], 'no-store');
      const pdf = await readPdf(statement.rawPayload);
      assert.equal(pdf.info.Language, 'fr-CA');
      assert.equal(pdf.xmp['pdfuaid:part'], '1');
      const text = pdf.pages.flatMap((p) => p.texts.map((x) => x.text)).join(' ');
      assert.match(text, /Relevé des paiements 2026/);
      const slip = await get('/en/my-guichet/payments/tax-slips/2026/t4a-oas', cookie);
      const slipText = (await readPdf(slip.rawPayload)).pages
        .flatMap((p) => p.texts.map((x) => x.text))
        .join(' ');
      assert.match(slipText, /Box 20 - Overpayment recovered/);
      assert.match(slipText, /\$80\.00/);
      assert.equal((await get('/en/my-guichet/payments/tax-slips/2026/t5007', cookie)).statusCode, 404);
      assert.equal((await get('/en/my-guichet/payments/tax-slips/2026/t4-nope', cookie)).statusCode, 404);
      assert.equal((await get('/en/my-guichet/payments/statements/1999', cookie)).statusCode, 404);
      assert.equal((await get('/en/my-guichet/payments/statements/2025', cookie)).statusCode, 404);
    });

    it('makes the T4E of the year’s EI benefits, reachable from My payments, as a tagged PDF in both languages', async () => {
      const t4e = await guichet.services.payments.statements.slip(personId, 2026, 't4e', STAFF('officer'));
      assert.deepEqual(
        t4e?.boxes.map((b) => [b.box, b.cents]),
        [
          ['14', 122_500],
          ['15', 122_500],
          ['22', 0],
        ],
        'two EI payments of 612.50, gross, no tax withheld',
      );
      const cookie = `${SESSION_COOKIE}=${await personSession(guichet, database(), personId)}`;
      const page = await get('/en/my-guichet/payments', cookie);
      assert.match(page.body, /href="\/en\/my-guichet\/payments\/tax-slips\/2026\/t4e"/);
      const en = await get('/en/my-guichet/payments/tax-slips/2026/t4e', cookie);
      assert.equal(en.headers['content-type'], 'application/pdf');
      const pdf = await readPdf(en.rawPayload);
      assert.equal(pdf.markInfo?.Marked, true, 'tagged');
      const text = pdf.pages.flatMap((p) => p.texts.map((x) => x.text)).join(' ');
      assert.match(text, /T4E, Statement of Employment Insurance and Other Benefits/);
      assert.match(text, /Box 14 - Total benefits paid/);
      assert.match(text, /\$1,225\.00/);
      assert.match(text, /line 11900/);
      const fr = await get('/fr/mon-guichet/paiements/feuillets/2026/t4e', cookie);
      const frText = (await readPdf(fr.rawPayload)).pages
        .flatMap((p) => p.texts.map((x) => x.text))
        .join(' ');
      assert.match(frText, /Case 14 - Total des prestations versées/);
      assert.match(frText, /1\s225,00\s\$/);
    });

    it('the client file shows the same, and its downloads need a stated purpose', async () => {
      const agent = `${SESSION_COOKIE}=${await staffSession(guichet, database(), ['agent'])}`;
      const url = `/en/staff/clients/${personId}/payments/statements/2026`;
      const before = await get(url, agent);
      assert.equal(before.statusCode, 303);
      assert.match(String(before.headers.location), /purpose/);
      assert.equal((await statePurpose(guichet, agent, personId)).statusCode, 303);
      const file = await get(`/en/staff/clients/${personId}`, agent);
      assert.match(file.body, /<h3>Overpayments<\/h3>/);
      assert.match(
        file.body,
        new RegExp(`href="/en/staff/clients/${personId}/payments/tax-slips/2026/t4a-p"`),
      );
      const download = await get(url, agent);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      const other = (
        await database()
          .db.selectFrom('person')
          .select('id')
          .where('id', '<>', personId)
          .executeTakeFirstOrThrow()
      ).id;
      assert.equal((await get(`/en/staff/clients/${other}/payments/statements/2026`, agent)).statusCode, 303);
    });
  },
);

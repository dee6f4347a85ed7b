// Issue #16: the demo population's cheque payees have an address, so a released run's print file is made.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Readable } from 'node:stream';
import { describeOnBothDatabases } from './support/databases.ts';
import { readPdf } from './support/documents/pdf-reader.ts';
import { buildApp } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { testConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/db/database.ts';
import {
  ensureDemoPeople,
  seedDemoAddresses,
  seedDemoDirectDeposits,
  seedDemoEnrolments,
  seedDemoPopulation,
} from '../src/population/index.ts';

const TODAY = new Date('2026-12-03T12:00:00Z');
const STAFF = (id: string, role: string) => ({
  actor: { type: 'staff' as const, id, role },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: `test-${id}`,
});
const OAS = [{ id: 'oas', name: { en: 'Old Age Security', fr: 'Sécurité de la vieillesse' } }];

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describeOnBothDatabases('the demo population’s cheques', (database: () => Database) => {
  let guichet: GuichetApp;
  let runId = '';

  before(async () => {
    const config = testConfig();
    guichet = await buildApp({ config, database: database(), clock: () => TODAY });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await seedDemoPopulation(database(), config, 300);
    await ensureDemoPeople(database().db, guichet.services.crypto);
    await seedDemoEnrolments(database().db, TODAY);
    await seedDemoDirectDeposits(database().db, guichet.services.crypto.cipher, TODAY);
    await guichet.services.demoConversion.run();
    const first = await database()
      .db.selectFrom('enrolment_entitlement')
      .select('valid_from')
      .where('programme_id', '=', 'oas')
      .orderBy('valid_from')
      .executeTakeFirstOrThrow();
    const period = new Date(first.valid_from).toISOString().slice(0, 7);
    const { run } = await guichet.services.payments.runs.start(
      { programmeId: 'oas', period, preparedBy: 'officer-1' },
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

  it('refuses the print file while a payee has no address, and makes it once the demo addresses are seeded', async () => {
    const cheques = guichet.services.payments.cheques;
    const officer = STAFF('officer-1', 'payments-officer');
    const summary = await cheques.summaryOf(runId);
    assert.ok(summary.count > 0, 'the OAS run pays some demo seniors by cheque');
    const refused = await cheques.open(runId, 'pdf', OAS, 'officer-1', officer);
    assert.deepEqual(refused, { ok: false, reason: 'missing-address' });

    assert.ok((await seedDemoAddresses(database().db, TODAY)) > 300);
    const pdf = await cheques.open(runId, 'pdf', OAS, 'officer-1', officer);
    assert.ok(pdf.ok, JSON.stringify(pdf));
    assert.equal(pdf.contentType, 'application/pdf');
    const read = await readPdf(await bytesOf(pdf.body));
    assert.equal(read.pages.length, summary.count, 'one cheque a page');

    const manifest = await cheques.open(runId, 'manifest', OAS, 'officer-1', officer);
    assert.ok(manifest.ok);
    const lines = (await bytesOf(manifest.body)).toString('utf8').trim().split('\n').slice(1);
    assert.equal(lines.length, summary.count);
    const cents = lines.reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    assert.equal(cents, summary.cents, 'the manifest adds up to the run’s cheques, to the cent');

    // Each cheque shows its payee's address through the window: a postal code of the payee's province.
    const chequePayees = await database()
      .db.selectFrom('payment')
      .select('person_id')
      .where('run_id', '=', runId)
      .where('method', '=', 'cheque')
      .execute();
    const payees = await database()
      .db.selectFrom('registry_address')
      .select('postal_code')
      .where(
        'person_id',
        'in',
        chequePayees.map((p) => p.person_id),
      )
      .execute();
    assert.equal(payees.length, summary.count);
    const text = read.pages.map((page) => page.texts.map((t) => t.text).join(' ')).join('\n');
    for (const payee of payees) assert.ok(text.includes(payee.postal_code), `${payee.postal_code} printed`);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { statePurpose } from '../../test/support/app.ts';
import { staffSession } from '../../test/support/identity/sessions.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import { buildApp } from '../app.ts';
import type { GuichetApp } from '../app.ts';
import { testConfig } from '../platform/config/config.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { SESSION_COOKIE } from '../identity/identity.paths.ts';
import { seedPopulation } from '../population/index.ts';
import type { StaffRole } from '../platform/http/request-identity.ts';
import { buildPrintFile } from './print-file.ts';
import type { Recipient } from './inbox.service.ts';

const TODAY = new Date('2026-03-02T15:00:00Z');
const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'decisions' },
  channel: 'system',
  purpose: 'decision-letter',
  correlationId: 'test',
};
const compose = (recipient: Recipient) => ({
  ...sampleLetter(recipient.lang),
  recipient: recipient.addressLines ?? ['NO ADDRESS'],
});

describeOnBothDatabases('staff see the documents, notices and paper letters sent to a client', (database) => {
  let guichet: GuichetApp;
  let personId = '';
  let outDir = '';
  const get = (url: string, cookie: string) =>
    guichet.app.inject({ method: 'GET', url, headers: { cookie } });
  const staff = async (roles: StaffRole[]) =>
    `${SESSION_COOKIE}=${await staffSession(guichet, database(), roles)}`;
  const statedPurpose = async (cookie: string) =>
    assert.equal((await statePurpose(guichet, cookie, personId)).statusCode, 303);

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'guichet-deliveries-'));
    guichet = await buildApp({ config: testConfig(), database: database(), clock: () => TODAY });
    await guichet.services.catalogue.seedReferenceData(loadReferenceData());
    await guichet.app.ready();
    await seedPopulation(database(), guichet.services.crypto, { people: 1, seed: 17 });
    personId = (await database().db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id;
    // A postal address on file (as the population loader records it, so no notice of a change is sent): a paper
    // letter without one is held out of the print file (ADR 0018 addendum).
    await database()
      .db.insertInto('registry_address')
      .values({
        person_id: personId,
        kind: 'residential',
        line1: '123 Main St',
        line2: null,
        city: 'Gatineau',
        province_code: 'QC',
        postal_code: 'J8X 1A1',
        effective_from: '2026-01-01',
        effective_to: null,
      })
      .execute();
    // One letter on paper (the person has neither email nor phone in the seeded record, or prefers mail).
    await guichet.services.person.record.changeContact(
      personId,
      {
        email: null,
        phone: null,
        preferredChannel: 'mail',
        preferredLanguage: 'en',
        accessibilityNeeds: null,
        alternateFormats: [],
      },
      { ...SYSTEM, actor: { type: 'person', id: personId }, channel: 'online', purpose: 'self-service' },
    );
    for (const key of ['first', 'second'])
      await guichet.services.inbox.deliver(personId, {
        kind: 'decision',
        sourceKey: `test:${key}:${randomUUID()}`,
        compose,
        context: SYSTEM,
      });
    // Then by email: the notice bounces for good (GC Notify's receipt), and the letter goes to paper.
    await guichet.services.person.record.changeContact(
      personId,
      {
        email: 'someone@example.ca',
        phone: null,
        preferredChannel: 'online',
        preferredLanguage: 'en',
        accessibilityNeeds: null,
        alternateFormats: [],
      },
      { ...SYSTEM, actor: { type: 'person', id: personId }, channel: 'online', purpose: 'self-service' },
    );
    const emailed = await guichet.services.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `test:third:${randomUUID()}`,
      compose,
      context: SYSTEM,
    });
    await database()
      .db.updateTable('document_notice')
      .set({ status: 'sent', notify_id: 'notify-bounce' })
      .where('document_id', '=', emailed?.documentId ?? '')
      .execute();
    assert.equal(
      await guichet.services.noticeSender.recordReceipt('notify-bounce', 'permanent-failure'),
      'recorded',
    );
  });
  after(async () => {
    await guichet.app.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('is linked from the client file and lists each letter with its paper state, in both languages', async () => {
    const agent = await staff(['agent']);
    const url = `/en/staff/clients/${personId}/documents`;
    const first = await get(url, agent);
    assert.equal(first.statusCode, 303, 'a purpose is stated first');
    assert.match(String(first.headers.location), /purpose/);
    await statedPurpose(agent);
    const file = await get(`/en/staff/clients/${personId}`, agent);
    assert.match(file.body, new RegExp(`href="/en/staff/clients/${personId}/documents"`));
    const page = await get(url, agent);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Documents and notices sent<\/h1>/);
    // With an address on file, the notice that the contact point changed (from mail) is mailed too: four letters.
    assert.equal(page.body.match(/Waiting for the print file, standard print/g)?.length, 4);
    assert.equal(page.body.match(/Why on paper: the client prefers paper/g)?.length, 3);
    assert.match(page.body, /Email: failed for good \(March 2, 2026\)/);
    assert.match(page.body, /Why on paper: the notice failed/);
    assert.equal(page.body.match(/No notice/g)?.length, 3);
    assert.equal(page.headers['cache-control'], 'no-store');

    const printed = await buildPrintFile(database().db, guichet.services.crypto.cipher, {
      printDate: '2026-03-02',
      outDir,
      clock: () => TODAY,
    });
    assert.ok(printed);
    assert.match((await get(url, agent)).body, /Print file 2026-03-02-001/);
    assert.equal(await guichet.services.deliveries.mailed('2026-03-02-001', TODAY), true);
    assert.equal(await guichet.services.deliveries.mailed('2026-03-02-001', TODAY), false, 'once');
    const fr = await get(`/fr/personnel/clients/${personId}/documents`, agent);
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /<h1>Documents et avis envoyés<\/h1>/);
    assert.equal(fr.body.match(/Postée le 2 mars 2026, impression standard/g)?.length, 4);
    assert.match(fr.body, /Courriel\u00a0: échec définitif/);
    assert.match(fr.body, /Fichier d’impression 2026-03-02-001/);
  });

  it('is in the person’s access log, with the purpose stated', async () => {
    const log = await guichet.services.audit.listForSubject(personId, 100);
    const reads = log.filter((entry) => entry.action === 'inbox.deliveries.read');
    assert.ok(reads.length >= 3);
    assert.ok(reads.every((entry) => entry.purpose === 'phone-call' && entry.actor_type === 'staff'));
  });

  it('is refused to roles that do not open client files, and a malformed id is not found', async () => {
    for (const role of ['administrator', 'analyst', 'policy-analyst', 'payments-officer'] as const) {
      const response = await get(`/en/staff/clients/${personId}/documents`, await staff([role]));
      assert.equal(response.statusCode, 403, role);
    }
    const agent = await staff(['agent']);
    assert.equal((await get('/en/staff/clients/not-an-id/documents', agent)).statusCode, 404);
  });
});

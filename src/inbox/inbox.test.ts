import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { buildPrintFile } from './print-file.ts';
import type { Recipient } from './inbox.service.ts';

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'test' },
  channel: 'system',
  purpose: 'decision-letter',
  correlationId: 'test',
};

/** A letter in the recipient's language, addressed as the record says: what a capability hands the inbox. */
const compose = (recipient: Recipient) => ({
  ...sampleLetter(recipient.lang),
  recipient: recipient.addressLines ?? ['NO ADDRESS'],
});

async function personWith(
  h: RegistryHarness,
  contact: Partial<Parameters<RegistryHarness['registry']['changeContact']>[1]>,
) {
  const personId = await createPerson(h);
  await h.registry.changeAddress(
    personId,
    {
      kind: 'residential',
      line1: '123 Main St',
      line2: null,
      city: 'Gatineau',
      provinceCode: 'QC',
      postalCode: 'J8X 1A1',
      effectiveFrom: '2026-01-01',
    },
    selfService(personId),
  );
  await h.registry.changeContact(
    personId,
    {
      email: null,
      phone: null,
      preferredChannel: 'online',
      preferredLanguage: 'en',
      accessibilityNeeds: null,
      alternateFormats: [],
      ...contact,
    },
    selfService(personId),
  );
  return personId;
}

describeOnBothDatabases('inbox', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.notices.close();
  });

  test('a letter is stored once per source, encrypted, in the person’s language, unread first', async () => {
    const personId = await personWith(h, { email: 'amara@example.ca', preferredLanguage: 'fr' });
    const first = await h.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `t1:${personId}`,
      compose,
      context: SYSTEM,
    });
    const again = await h.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `t1:${personId}`,
      compose,
      context: SYSTEM,
    });
    assert.ok(first?.created);
    assert.equal(again?.created, false);
    assert.equal(again?.documentId, first?.documentId);
    const stored = await h.db
      .selectFrom('person_document')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.lang, 'fr');
    assert.doesNotMatch(stored[0]?.letter_cipher ?? '', /Décision|GATINEAU/);
    const list = await h.inbox.list(personId);
    assert.equal(list[0]?.title, sampleLetter('fr').title);
    assert.equal(list[0]?.readAt, null);
  });

  test('a batch of letters is stored in one go: each once, in each language, none for an unknown person', async () => {
    const fr = await personWith(h, { email: 'batch-fr@example.ca', preferredLanguage: 'fr' });
    const en = await personWith(h, { preferredChannel: 'mail' });
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const items = [fr, unknown, en].map((personId) => ({
      personId,
      request: { kind: 'decision' as const, sourceKey: `batch:${personId}`, compose, context: SYSTEM },
    }));
    const first = await h.inbox.deliverMany(items);
    assert.deepEqual(
      first.map((d) => d?.created ?? null),
      [true, null, true],
    );
    assert.equal(first[0]?.route.notice, 'email');
    assert.equal(first[2]?.route.print, 'prefers-paper');
    const again = await h.inbox.deliverMany(items);
    assert.deepEqual(
      again.map((d) => d?.created ?? null),
      [false, null, false],
      'a replayed batch stores nothing new',
    );
    const stored = await h.db
      .selectFrom('person_document')
      .select(['person_id', 'lang'])
      .where('source_key', 'like', 'batch:%')
      .orderBy('lang')
      .execute();
    assert.deepEqual(
      stored.map((row) => [row.person_id, row.lang]),
      [
        [en, 'en'],
        [fr, 'fr'],
      ],
    );
    const opened = await h.inbox.open(en, first[2]?.documentId ?? '', SYSTEM);
    assert.ok(opened?.letter.recipient.includes('GATINEAU QC  J8X 1A1'), 'addressed as the record says');
    const notices = await h.db
      .selectFrom('document_notice')
      .select(['person_id', 'channel'])
      .where('document_id', 'in', [first[0]?.documentId ?? '', first[2]?.documentId ?? ''])
      .execute();
    assert.deepEqual(notices, [{ person_id: fr, channel: 'email' }], 'one notice, for the letter online');
    const printed = await h.db
      .selectFrom('print_item')
      .select(['document_id', 'reason'])
      .where('document_id', '=', first[2]?.documentId ?? '')
      .execute();
    assert.deepEqual(printed, [{ document_id: first[2]?.documentId, reason: 'prefers-paper' }]);
    const reads = await h.db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'outcome'])
      .where('action', '=', 'registry.contact.read')
      .where('subject_person_id', 'in', [fr, en, unknown])
      .execute();
    assert.equal(reads.length, 6, 'each recipient read audited, in each of the two batches');
    assert.ok(reads.every((r) => r.outcome === (r.subject_person_id === unknown ? 'failure' : 'success')));
  });

  test('a source that comes twice in one batch stores one letter and one notice', async () => {
    const personId = await personWith(h, { email: 'twice@example.ca' });
    const item = {
      personId,
      request: { kind: 'decision' as const, sourceKey: `twice:${personId}`, compose, context: SYSTEM },
    };
    const [first, second] = await h.inbox.deliverMany([item, item]);
    assert.equal(first?.created, true);
    assert.equal(second?.created, false);
    assert.equal(second?.documentId, first?.documentId);
    const notices = await h.db
      .selectFrom('document_notice')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    assert.equal(notices.length, 1);
  });

  test('opening records the read receipt once and audits; someone else’s document is refused and audited', async () => {
    const owner = await personWith(h, { email: 'owner@example.ca' });
    const other = await personWith(h, { email: 'other@example.ca' });
    const delivered = await h.inbox.deliver(owner, {
      kind: 'decision',
      sourceKey: `t2:${owner}`,
      compose,
      context: SYSTEM,
    });
    const documentId = delivered?.documentId ?? '';
    assert.equal(await h.inbox.open(other, documentId, selfService(other)), null);
    const opened = await h.inbox.open(owner, documentId, selfService(owner));
    assert.ok(opened?.readAt);
    assert.equal(opened?.letter.recipient[1], '123 Main St');
    assert.equal(await h.inbox.unreadCount(owner), 0);
    const audit = await h.audit.listForSubject(other, 50);
    assert.ok(audit.some((row) => row.action === 'inbox.document.read' && row.outcome === 'denied'));
    const ownerAudit = await h.audit.listForSubject(owner, 50);
    assert.ok(ownerAudit.some((row) => row.action === 'inbox.document.delivered'));
    assert.ok(ownerAudit.some((row) => row.action === 'inbox.document.read' && row.outcome === 'success'));
  });

  test('search finds words of the letter, case-insensitively', async () => {
    const personId = await personWith(h, { email: 'search@example.ca' });
    await h.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `t3:${personId}`,
      compose,
      context: SYSTEM,
    });
    assert.equal((await h.inbox.list(personId, 'CHILD benefit')).length, 1);
    assert.equal((await h.inbox.list(personId, 'pension')).length, 0);
  });

  test('the notice goes to GC Notify with only a link, once, and the sending is in the access log', async () => {
    const personId = await personWith(h, { email: 'notice@example.ca' });
    await h.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `t4:${personId}`,
      compose,
      context: SYSTEM,
    });
    const run = await h.noticeSender.sendDue();
    assert.ok(run.sent >= 1);
    assert.equal((await h.noticeSender.sendDue()).sent, 0);
    const standIn = await h.notices.standIn();
    const mine = standIn?.sentNotifications().filter((n) => n.to === 'notice@example.ca') ?? [];
    assert.equal(mine.length, 1);
    assert.deepEqual(Object.keys(mine[0]?.personalisation ?? {}), ['link']);
    // The notice's own identifiers (random UUIDs) are left out: one may hold "642" by chance.
    const { id, serviceId, reference, template, ...words } = mine[0] ?? {};
    assert.ok(id && serviceId && reference && template);
    assert.doesNotMatch(JSON.stringify(words), /Tremblay|Alex|642|Gatineau|child/i);
    const audit = await h.audit.listForSubject(personId, 50);
    assert.ok(audit.some((row) => row.action === 'inbox.notice.sent-by-email'));
  });

  test('GC Notify down: the notice waits in the queue and leaves once, when it is back', async () => {
    const personId = await personWith(h, { email: 'retry@example.ca' });
    await h.inbox.deliver(personId, {
      kind: 'decision',
      sourceKey: `t5:${personId}`,
      compose,
      context: SYSTEM,
    });
    const standIn = await h.notices.standIn();
    // Both attempts of the first pass fail (the send, then the look-up by reference before trying again).
    standIn?.injectFaults({ status: 503 }, { status: 503 });
    const failed = await h.noticeSender.sendDue();
    assert.equal(failed.retrying, 1);
    h.clock.now = new Date(h.clock.now.getTime() + 10_000);
    const retried = await h.noticeSender.sendDue();
    assert.equal(retried.sent, 1);
    assert.equal(standIn?.sentNotifications().filter((n) => n.to === 'retry@example.ca').length, 1);
  });

  test('a bounce sends the letter to paper; paper, large print and braille go to the day’s print file', async () => {
    const bounced = await personWith(h, { email: 'gone@bounce.example' });
    const paper = await personWith(h, { preferredChannel: 'mail' });
    const braille = await personWith(h, { preferredChannel: 'mail', alternateFormats: ['braille'] });
    const large = await personWith(h, { preferredChannel: 'mail', alternateFormats: ['large-print'] });
    const documentIds = new Set<string>();
    for (const personId of [bounced, paper, braille, large]) {
      const delivered = await h.inbox.deliver(personId, {
        kind: 'decision',
        sourceKey: `t6:${personId}`,
        compose,
        context: SYSTEM,
      });
      documentIds.add(delivered?.documentId ?? '');
    }
    await h.noticeSender.sendDue();
    const notice = await h.db
      .selectFrom('document_notice as n')
      .innerJoin('person_document as d', 'd.id', 'n.document_id')
      .select('n.notify_id')
      .where('d.person_id', '=', bounced)
      .executeTakeFirstOrThrow();
    assert.equal(await h.noticeSender.recordReceipt(notice.notify_id ?? '', 'permanent-failure'), 'recorded');
    const outDir = await mkdtemp(join(tmpdir(), 'guichet-print-'));
    const file = await buildPrintFile(h.db, h.crypto.cipher, {
      printDate: '2026-03-02',
      outDir,
      clock: h.clock,
    });
    assert.ok(file);
    const mine = file.manifest.filter((line) => documentIds.has(line.documentId));
    assert.equal(mine.length, 4);
    assert.deepEqual((await readdir(file.directory)).sort(), [
      'braille',
      'large-print.pdf',
      'letters.pdf',
      'manifest.json',
    ]);
    const letters = await PDFDocument.load(await readFile(join(file.directory, 'letters.pdf')));
    const standard = file.manifest.filter((line) => line.format === 'standard');
    assert.equal(
      letters.getPageCount(),
      standard.reduce((sum, line) => sum + (line.pages ?? 0), 0),
    );
    const manifest = await readFile(join(file.directory, 'manifest.json'), 'utf8');
    assert.doesNotMatch(manifest, /Tremblay|Main St|J8X/);
    const brf = file.manifest.find((line) => line.format === 'braille');
    assert.match(await readFile(join(file.directory, brf?.file ?? ''), 'ascii'), /^[\x20-\x7f\r\n\f]+$/);
    assert.equal(
      await buildPrintFile(h.db, h.crypto.cipher, { printDate: '2026-03-02', outDir, clock: h.clock }),
      null,
    );
    const list = await h.inbox.list(paper);
    assert.deepEqual(list[0]?.print, { format: 'standard', printed: true, held: false });
  });
});

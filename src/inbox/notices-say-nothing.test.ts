import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { insertReturnedPayment } from '../../test/support/payments/returned-payment.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Letter } from '../platform/documents/letter.ts';
import { buildPrintFile } from './print-file.ts';
import type { Recipient } from './inbox.service.ts';

/**
 * Issue #17, "Done when": the Notify-compatible server's log proves no personal information left in a notice.
 * Every path that produces a notice is exercised (a decision letter, each reminder, a representative's copy, a
 * staff answer to a secure message, a security notice to the previous address), then every notice the local
 * GC Notify server received is scanned for the names, SINs, amounts and dates of birth of the people involved.
 */

interface Someone {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly sin: string;
  readonly birth: string;
  readonly lang: 'en' | 'fr';
}

const PEOPLE: readonly Omit<Someone, 'id'>[] = [
  { given: 'Évangéline', family: 'Tremblay', sin: '046454286', birth: '1958-03-14', lang: 'fr' },
  { given: 'Jordan', family: 'Tremblay', sin: '012345674', birth: '1990-07-02', lang: 'en' },
  { given: 'Harpreet', family: 'Tremblay', sin: '023456783', birth: '1972-11-23', lang: 'en' },
];
const AMOUNT_CENTS = 64_250;
const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'decisions' },
  channel: 'system',
  purpose: 'decision-letter',
  correlationId: 'test',
};

/** Every way the test's personal facts could be written in a notice. */
function forbiddenIn(person: Someone): string[] {
  const [y = '', m = '', d = ''] = person.birth.split('-');
  const birth = new Date(`${person.birth}T00:00:00Z`);
  const long = (lang: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(birth);
  const sin = person.sin;
  return [
    person.given,
    person.family,
    sin,
    `${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)}`,
    `${sin.slice(0, 3)}-${sin.slice(3, 6)}-${sin.slice(6)}`,
    person.birth,
    `${d}/${m}/${y}`,
    `${m}/${d}/${y}`,
    `${y}${m}${d}`,
    long('en-CA'),
    long('fr-CA'),
  ];
}
const MONEY = ['642.50', '642,50', '64250', '642 $', '$642'];

function letterAbout(person: Someone) {
  return (recipient: Recipient): Letter => ({
    lang: recipient.lang,
    title: `Decision for ${person.given} ${person.family}`,
    letterhead: { agency: 'Guichet', lines: ['Ottawa ON  K1A 0B1'] },
    date: { label: 'Date', value: '2026-03-02' },
    reference: { label: 'Reference', value: `SIN ${person.sin}` },
    recipient: recipient.addressLines ?? ['NO ADDRESS'],
    heading: `Born ${person.birth}: $${(AMOUNT_CENTS / 100).toFixed(2)} a month`,
    sections: [{ heading: 'What we decided', blocks: [{ kind: 'paragraph', text: 'Approved.' }] }],
    rights: { heading: 'Rights', blocks: [{ kind: 'paragraph', text: 'Ask us to reconsider.' }] },
    closing: { text: 'Sincerely,', signatory: 'Guichet', role: 'Service' },
    labels: { separator: ': ', page: 'Page {page} of {total}' },
  });
}

async function register(h: RegistryHarness, facts: Omit<Someone, 'id'>, channel: 'online' | 'mail') {
  const id = await createPerson(h, { givenName: facts.given, birthDate: facts.birth, sin: facts.sin });
  await h.registry.changeAddress(
    id,
    {
      kind: 'residential',
      line1: '9 Rue Laval',
      line2: null,
      city: 'Gatineau',
      provinceCode: 'QC',
      postalCode: 'J8X 3H1',
      effectiveFrom: '2026-01-01',
    },
    selfService(id),
  );
  await h.registry.changeContact(
    id,
    {
      // The address is the recipient, not content; it names nobody, as a person's real address may.
      email: channel === 'mail' ? null : `p${id.slice(0, 8)}@example.ca`,
      phone: null,
      preferredChannel: channel,
      preferredLanguage: facts.lang,
      accessibilityNeeds: null,
      alternateFormats: [],
    },
    selfService(id),
  );
  return { ...facts, id };
}

describeOnBothDatabases(
  'notices carry nothing personal, and everything sent is in the access log',
  (database) => {
    let h: RegistryHarness;
    let people: Someone[] = [];
    let outDir = '';
    before(async () => {
      h = await createHarness(database());
      outDir = await mkdtemp(join(tmpdir(), 'guichet-notices-'));
    });
    after(async () => {
      await h.notices.close();
      await rm(outDir, { recursive: true, force: true });
    });

    test('every notice-producing path sends its notice', async () => {
      const [person, representative, onPaper] = [
        await register(h, PEOPLE[0] ?? assert.fail(), 'online'),
        await register(h, PEOPLE[1] ?? assert.fail(), 'online'),
        await register(h, PEOPLE[2] ?? assert.fail(), 'mail'),
      ];
      people = [person, representative, onPaper];
      await h.db
        .insertInto('representative_authorisation')
        .values({
          id: randomUUID(),
          person_id: person.id,
          representative_id: representative.id,
          kind: 'family',
          scope: 'apply-and-view',
          starts_on: '2026-01-01',
          ends_on: '2027-12-31',
          recorded_by_kind: 'person',
          recorded_by_id: person.id,
          evidence_note: null,
          created_at: h.clock(),
          revoked_at: null,
        })
        .execute();
      for (const someone of [person, onPaper])
        await h.inbox.deliver(someone.id, {
          kind: 'decision',
          sourceKey: `decision:${randomUUID()}`,
          compose: letterAbout(someone),
          context: SYSTEM,
        });
      // A payment returned a month ago, its letter unanswered: the bank-return reminder is due.
      await insertReturnedPayment(h, representative.id, 30);
      assert.equal((await h.reminders.runOnce()).sent['bank-return'], 1);
      const threadId = await h.messages.write(
        person.id,
        {
          programmeId: 'ccb',
          subject: `SIN ${person.sin}`,
          body: `I am ${person.given}, born ${person.birth}.`,
        },
        selfService(person.id),
      );
      const agent: AccessContext = { ...SYSTEM, actor: { type: 'staff', id: 'agent-7' }, channel: 'online' };
      assert.equal(await h.messages.take(threadId, 'agent-7', agent), 'taken');
      const answer = `${person.given}, your ${(AMOUNT_CENTS / 100).toFixed(2)} payment left on ${person.birth}.`;
      assert.equal(await h.messages.answer(threadId, 'agent-7', answer, agent), 'answered');
      // A security notice goes to the previous email when the address changes.
      await h.registry.changeContact(
        representative.id,
        {
          email: `q${representative.id.slice(0, 8)}@example.ca`,
          phone: null,
          preferredChannel: 'online',
          preferredLanguage: 'en',
          accessibilityNeeds: null,
          alternateFormats: [],
        },
        selfService(representative.id),
      );
      const run = await h.noticeSender.sendDue();
      const security = await h.securityNotices.sendDue();
      assert.equal(security.sent, 1);
      // The person's letter, the representative's copy and bank-return reminder, and the answer's notice to the
      // person and to the representative who sees the person's conversations.
      assert.equal(run.sent, 5);
      const toldOfAnswer = await h.db
        .selectFrom('document_notice')
        .select('person_id')
        .where('kind', '=', 'new-message')
        .where('status', '=', 'sent')
        .execute();
      assert.deepEqual(
        toldOfAnswer.map((row) => row.person_id).sort(),
        [person.id, representative.id].sort(),
      );
    });

    test('the Notify-compatible server received no name, SIN, amount or date of birth', async () => {
      const standIn = await h.notices.standIn();
      const sent = standIn?.sentNotifications() ?? [];
      assert.ok(sent.length >= 5, `only ${sent.length} notices were sent`);
      const found: string[] = [];
      for (const notice of sent) {
        const content = [notice.subject ?? '', notice.body, JSON.stringify(notice.personalisation)].join(
          '\n',
        );
        for (const word of [...people.flatMap(forbiddenIn), ...MONEY])
          if (content.toLocaleLowerCase().includes(word.toLocaleLowerCase()))
            found.push(`${notice.reference ?? notice.id}: ${word}`);
      }
      assert.deepEqual(found, []);
      // And the scan is not blind: the letters themselves do hold those facts.
      const letters = await h.inbox.list(people[0]?.id ?? '');
      assert.match(letters[0]?.title ?? '', /Évangéline/);
    });

    test('each thing sent is in the person’s access log: what, by whom, by which channel', async () => {
      const [person, representative, onPaper] = people;
      assert.ok(person && representative && onPaper);
      const printed = await buildPrintFile(h.db, h.crypto.cipher, {
        printDate: '2026-03-02',
        outDir,
        clock: h.clock,
        audit: h.audit,
      });
      assert.ok(printed && printed.manifest.length >= 1);
      const actions = async (id: string) =>
        (await h.audit.listForSubject(id, 100)).map((row) => `${row.action}:${row.actor_id}:${row.channel}`);
      const theirs = await actions(person.id);
      assert.ok(theirs.includes('inbox.document.delivered:decisions:system'));
      assert.ok(theirs.includes('inbox.document.copied:decisions:system'));
      assert.ok(theirs.includes('inbox.notice.sent-by-email:inbox-notices:system'));
      assert.ok(theirs.includes('inbox.message.answered:agent-7:online'));
      assert.ok(
        (await actions(representative.id)).includes('inbox.notice.sent-by-email:inbox-notices:system'),
      );
      assert.ok((await actions(onPaper.id)).includes('inbox.document.mailed:inbox-print:mail'));
    });
  },
);

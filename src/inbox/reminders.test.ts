import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import { REMINDER_NOTICE_INTERVAL_MS } from './inbox.service.ts';
import type { Recipient } from './inbox.service.ts';
import { sendReminders } from './reminders.ts';
import type { DueReminder, ReminderSource } from './reminders.ts';

const compose = (recipient: Recipient) => ({
  ...sampleLetter(recipient.lang),
  recipient: recipient.addressLines ?? ['NO ADDRESS'],
});

/** A source that lists whatever the test puts in it, as applications or payments would list their deadlines. */
function listSource(name: string, reminders: () => readonly DueReminder[]): ReminderSource {
  return { name, due: () => Promise.resolve(reminders()) };
}

async function personReachedBy(
  h: RegistryHarness,
  contact: { email: string | null; channel: 'online' | 'mail' },
) {
  const personId = await createPerson(h);
  await h.registry.changeAddress(
    personId,
    {
      kind: 'residential',
      line1: '9 Rue Laval',
      line2: null,
      city: 'Gatineau',
      provinceCode: 'QC',
      postalCode: 'J8X 3H1',
      effectiveFrom: '2026-01-01',
    },
    selfService(personId),
  );
  await h.registry.changeContact(
    personId,
    {
      email: contact.email,
      phone: null,
      preferredChannel: contact.channel,
      preferredLanguage: 'fr',
      accessibilityNeeds: null,
      alternateFormats: [],
    },
    selfService(personId),
  );
  return personId;
}

async function noticesOf(h: RegistryHarness, personId: string) {
  return h.db
    .selectFrom('document_notice')
    .innerJoin('person_document', 'person_document.id', 'document_notice.document_id')
    .where('document_notice.person_id', '=', personId)
    .where('person_document.kind', '=', 'reminder')
    .select(['document_notice.next_attempt_at as due', 'person_document.source_key as key'])
    .orderBy('document_notice.next_attempt_at')
    .execute();
}

describeOnBothDatabases('reminders', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.notices.close();
  });

  test('each reminder is sent once, however often the sources are asked', async () => {
    const personId = await personReachedBy(h, { email: 'rappel@example.ca', channel: 'online' });
    const source = listSource('drafts', () => [{ personId, key: `draft-expiring:${personId}`, compose }]);
    const first = await sendReminders(h.inbox, [source], new Date());
    const second = await sendReminders(h.inbox, [source], new Date());
    assert.deepEqual(first, { sent: { drafts: 1 }, alreadySent: 0 });
    assert.deepEqual(second, { sent: { drafts: 0 }, alreadySent: 1 });
    const documents = await h.inbox.list(personId);
    assert.equal(documents.length, 1);
    assert.equal(documents[0]?.kind, 'reminder');
    assert.equal((await noticesOf(h, personId)).length, 1);
  });

  test('never spam: a second reminder the same day waits a day for its notice, a third one two days', async () => {
    const personId = await personReachedBy(h, { email: 'trois@example.ca', channel: 'online' });
    const keys = ['information-requested', 'review-deadline', 'bank-return'].map(
      (kind) => `${kind}:${personId}`,
    );
    const run = await sendReminders(
      h.inbox,
      [listSource('cases', () => keys.map((key) => ({ personId, key, compose })))],
      new Date(),
    );
    assert.equal(run.sent.cases, 3);
    const due = (await noticesOf(h, personId)).map((row) => new Date(row.due).getTime());
    assert.equal(due.length, 3);
    const [first = 0, second = 0, third = 0] = due;
    const created = await h.db
      .selectFrom('person_document')
      .where('person_id', '=', personId)
      .select((eb) => eb.fn.min('created_at').as('at'))
      .executeTakeFirst();
    assert.equal(
      first,
      new Date(created?.at ?? 0).getTime(),
      'the first reminder leaves as soon as it is stored',
    );
    assert.equal(second - first, REMINDER_NOTICE_INTERVAL_MS);
    assert.equal(third - second, REMINDER_NOTICE_INTERVAL_MS);
    // The three letters are in the inbox at once: only the notices wait.
    assert.equal((await h.inbox.list(personId)).length, 3);
  });

  test('a person on paper gets the reminder by mail, and it is in the access log', async () => {
    const personId = await personReachedBy(h, { email: null, channel: 'mail' });
    await sendReminders(
      h.inbox,
      [listSource('returns', () => [{ personId, key: `bank-return:p-${personId}`, compose }])],
      new Date(),
    );
    const [document] = await h.inbox.list(personId);
    assert.equal(document?.delivery, 'paper');
    assert.equal(document?.print?.printed, false);
    assert.equal((await noticesOf(h, personId)).length, 0);
    const log = await h.audit.listForSubject(personId, 20);
    assert.ok(log.some((row) => row.action === 'inbox.document.delivered'));
  });
});

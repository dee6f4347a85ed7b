import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createReachablePerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { createDecisionDeadlines } from '../decisions/index.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import { createReminderSchedule, NO_RETURNS } from './reminder-sources.ts';
import type { BankReturn, ReminderSchedule, ReminderTiming } from './reminder-sources.ts';

const DAY_MS = 86_400_000;
const TIMING: ReminderTiming = {
  informationRequested: { afterDays: 14 },
  reviewDeadline: { daysBefore: 14, outcomes: ['refused'] },
  bankReturn: { afterDays: 7 },
  everyMinutes: 60,
};
const NAMES = { ccb: { en: 'Canada child benefit', fr: 'Allocation canadienne pour enfants' } };

async function insertCase(
  h: RegistryHarness,
  personId: string,
  change: { status: 'information-requested' | 'decided'; clockStoppedAt?: Date },
) {
  const id = randomUUID();
  await h.db
    .insertInto('decision_case')
    .values({
      id,
      application_id: randomUUID(),
      reference: `CCB-${id.slice(0, 6).toUpperCase()}`,
      person_id: personId,
      programme_id: 'ccb',
      rules_programme_id: 'ccb',
      impact_level: 2,
      channel: 'online',
      lang: 'en',
      province: 'ON',
      age_band: '25-44',
      household_cipher: h.crypto.cipher.encrypt('{}'),
      status: change.status,
      recommendation: null,
      assigned_to: 'agent-1',
      submitted_at: new Date(h.clock().getTime() - 60 * DAY_MS),
      due_on: '2026-05-01',
      clock_stopped_at: change.clockStoppedAt ?? null,
      outcome: null,
      decided_at: null,
    })
    .execute();
  return id;
}

async function insertDecision(
  h: RegistryHarness,
  personId: string,
  outcome: 'approved' | 'refused',
  decidedDaysAgo: number,
  letterSent = true,
) {
  const caseId = await insertCase(h, personId, { status: 'decided' });
  const id = randomUUID();
  const created = new Date(h.clock().getTime() - decidedDaysAgo * DAY_MS);
  await h.db
    .insertInto('decision')
    .values({
      id,
      case_id: caseId,
      person_id: personId,
      programme_id: 'ccb',
      kind: 'adjudicated',
      outcome,
      as_of: created.toISOString().slice(0, 10),
      effective_from: null,
      amount_cents: null,
      period_kind: null,
      rules_commit: 'test',
      parameters_hash: 'test',
      record_cipher: h.crypto.cipher.encrypt('{}'),
      decided_by: 'agent-1',
      override: false,
      approval: 'not-needed',
      approved_by: null,
      created_at: created,
      final: true,
      letter_sent_at: letterSent ? created : null,
    })
    .execute();
  return id;
}

const reminderTitles = async (h: RegistryHarness, personId: string) =>
  (await h.inbox.list(personId)).filter((document) => document.kind === 'reminder').map((d) => d.title);

describeOnBothDatabases('reminder sources on a schedule', (database) => {
  let h: RegistryHarness;
  // Returns the port reports as waiting, with the day their letter went out.
  const told: { item: BankReturn; at: Date }[] = [];
  const waitingBefore = (toldBefore: Date) =>
    told.filter((entry) => entry.at < toldBefore).map((entry) => entry.item);
  let schedule: ReminderSchedule;
  before(async () => {
    h = await createHarness(database());
    schedule = createReminderSchedule({
      inbox: h.inbox,
      deadlines: createDecisionDeadlines(h.db, 90),
      returns: { awaitingDetails: (toldBefore) => Promise.resolve(waitingBefore(toldBefore)) },
      programmeName: (id) => Promise.resolve(NAMES[id as 'ccb']),
      clock: h.clock,
      timing: TIMING,
    });
  });
  after(async () => {
    await schedule.stop();
    await h.notices.close();
  });

  test('information asked for 15 days ago and not received is reminded once, in the person’s language', async () => {
    const waiting = await createReachablePerson(h, 'fr');
    const recent = await createReachablePerson(h, 'en');
    await insertCase(h, waiting, {
      status: 'information-requested',
      clockStoppedAt: new Date(h.clock().getTime() - 15 * DAY_MS),
    });
    await insertCase(h, recent, {
      status: 'information-requested',
      clockStoppedAt: new Date(h.clock().getTime() - 3 * DAY_MS),
    });
    const first = await schedule.runOnce();
    assert.ok((first.sent['information-requested'] ?? 0) >= 1);
    const titles = await reminderTitles(h, waiting);
    assert.deepEqual(titles, [
      'Nous attendons des renseignements pour votre demande (Allocation canadienne pour enfants)',
    ]);
    assert.deepEqual(await reminderTitles(h, recent), [], 'a request three days old is not reminded yet');
    const second = await schedule.runOnce();
    assert.equal(second.sent['information-requested'], 0);
    assert.equal((await reminderTitles(h, waiting)).length, 1, 'never twice');
  });

  test('a refused decision whose reconsideration deadline is 10 days away is reminded, with the date', async () => {
    const refused = await createReachablePerson(h, 'en');
    const approved = await createReachablePerson(h, 'en');
    const early = await createReachablePerson(h, 'en');
    const unsent = await createReachablePerson(h, 'en');
    await insertDecision(h, refused, 'refused', 80);
    await insertDecision(h, approved, 'approved', 80);
    await insertDecision(h, early, 'refused', 30);
    await insertDecision(h, unsent, 'refused', 80, false);
    const run = await schedule.runOnce();
    assert.equal(run.sent['review-deadline'], 1);
    const [document] = (await h.inbox.list(refused)).filter((d) => d.kind === 'reminder');
    assert.match(document?.title ?? '', /reconsider your Canada child benefit decision/);
    const opened = await h.inbox.open(refused, document?.id ?? '', selfService(refused));
    const text = String(await renderLetter(opened?.letter ?? assert.fail('no letter'), 'text'));
    const deadline = new Date(h.clock().getTime() - 80 * DAY_MS + 90 * DAY_MS);
    const expected = new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
      deadline,
    );
    assert.ok(text.includes(expected), `the letter names the deadline ${expected}`);
    for (const quiet of [approved, early, unsent]) assert.deepEqual(await reminderTitles(h, quiet), []);
    assert.equal((await schedule.runOnce()).sent['review-deadline'], 0);
  });

  test('a bank return still waiting 7 days after its letter becomes one reminder with the amount', async () => {
    const personId = await createReachablePerson(h, 'en');
    const returned = { personId, programmeId: 'ccb', amountCents: 64_250, payDate: '2026-02-20' };
    told.push({ item: returned, at: new Date(h.clock().getTime() - 3 * DAY_MS) });
    assert.equal((await schedule.runOnce()).sent['bank-return'], 0, 'three days after the letter: not yet');
    told.push({ item: returned, at: new Date(h.clock().getTime() - 8 * DAY_MS) });
    assert.equal((await schedule.runOnce()).sent['bank-return'], 1);
    assert.equal((await schedule.runOnce()).sent['bank-return'], 0, 'never twice');
    const reminders = (await h.inbox.list(personId)).filter((d) => d.kind === 'reminder');
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]?.title ?? '', /banking details for your Canada child benefit payment/);
    const opened = await h.inbox.open(personId, reminders[0]?.id ?? '', selfService(personId));
    const text = String(await renderLetter(opened?.letter ?? assert.fail('no letter'), 'text'));
    assert.ok(text.includes('$642.50'), 'the letter (not the notice) says how much came back');
    assert.ok(text.includes('still not updated'));
    const notices = await h.inbox.notices(personId);
    assert.equal(notices.length, 1, 'and one notice, which says nothing but that there is something to read');
  });

  test('the schedule runs on its own timer and stops cleanly', async () => {
    const quick = createReminderSchedule({
      inbox: h.inbox,
      deadlines: {
        informationOutstanding: () => Promise.resolve([]),
        reviewDeadlinesBetween: () => Promise.resolve([]),
      },
      returns: NO_RETURNS,
      programmeName: (id) => Promise.resolve(NAMES[id as 'ccb']),
      clock: h.clock,
      timing: TIMING,
    });
    quick.start();
    quick.start(); // a second start keeps one timer
    await quick.stop();
    assert.deepEqual(await quick.runOnce(), {
      sent: { 'information-requested': 0, 'review-deadline': 0, 'bank-return': 0 },
      alreadySent: 0,
    });
  });
});

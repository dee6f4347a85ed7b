import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../test/support/databases.ts';
import { createHarness, createPerson, selfService } from '../test/support/person-harness.ts';
import type { RegistryHarness } from '../test/support/person-harness.ts';
import { insertReturnedPayment } from '../test/support/payments/returned-payment.ts';
import { loadReminderTiming } from './inbox/index.ts';
import { createPayeeReader } from './person/index.ts';
import type { FieldCipher } from './platform/crypto/field-cipher.ts';

/**
 * The bank-return reminder as the root wires it (issue #17 item 6): payments' returns told and still
 * waiting, less the people who changed their direct deposit after the letter, reminded once by the inbox
 * `bankReturn.afterDays` days after the letter (inbox/data/reminders.json).
 */

const DAY_MS = 86_400_000;
const AFTER_DAYS = loadReminderTiming().bankReturn.afterDays;

async function reachablePerson(h: RegistryHarness) {
  const personId = await createPerson(h);
  await h.registry.changeContact(
    personId,
    {
      email: `${personId.slice(0, 8)}@example.ca`,
      phone: null,
      preferredChannel: 'online',
      preferredLanguage: 'en',
      accessibilityNeeds: null,
      alternateFormats: [],
    },
    selfService(personId),
  );
  return personId;
}

const remindersOf = async (h: RegistryHarness, personId: string) =>
  (await h.inbox.list(personId)).filter((document) => document.kind === 'reminder');

describeOnBothDatabases('bank-return reminders, as the root wires payments to the inbox', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.reminders.stop();
    await h.notices.close();
  });

  test('a person who has not updated their direct deposit is reminded once, the configured days after the letter', async () => {
    const waiting = await reachablePerson(h);
    const recent = await reachablePerson(h);
    const reissued = await reachablePerson(h);
    await insertReturnedPayment(h, waiting, AFTER_DAYS + 1);
    await insertReturnedPayment(h, recent, AFTER_DAYS - 1);
    await insertReturnedPayment(h, reissued, AFTER_DAYS + 1, 'reissued');
    const first = await h.reminders.runOnce();
    assert.equal(first.sent['bank-return'], 1);
    const [reminder] = await remindersOf(h, waiting);
    assert.match(reminder?.title ?? '', /banking details for your Canada Child Benefit payment/);
    assert.deepEqual(await remindersOf(h, recent), [], 'the letter is too recent');
    assert.deepEqual(await remindersOf(h, reissued), [], 'a reissued payment needs nothing more');
    const second = await h.reminders.runOnce();
    assert.equal(second.sent['bank-return'], 0);
    assert.equal((await remindersOf(h, waiting)).length, 1, 'never twice');
  });

  test('a person who updated their direct deposit after the letter is not reminded', async () => {
    const updated = await reachablePerson(h);
    const before = await reachablePerson(h);
    await insertReturnedPayment(h, updated, AFTER_DAYS + 2);
    // Changed before the return letter: the details the bank returned may be those very details.
    h.clock.now = new Date(h.clock.now.getTime() - (AFTER_DAYS + 3) * DAY_MS);
    await h.registry.changeDirectDeposit(
      before,
      { institution: '001', transit: '12345', account: '9876543' },
      selfService(before),
    );
    h.clock.now = new Date(h.clock.now.getTime() + (AFTER_DAYS + 3) * DAY_MS);
    await insertReturnedPayment(h, before, AFTER_DAYS + 2);
    await h.registry.changeDirectDeposit(
      updated,
      { institution: '001', transit: '12345', account: '1234567' },
      selfService(updated),
    );
    const run = await h.reminders.runOnce();
    assert.deepEqual(await remindersOf(h, updated), []);
    assert.equal((await remindersOf(h, before)).length, 1, 'a change before the letter does not count');
    assert.equal(run.sent['bank-return'], 1);
  });

  test('the reminder reads when a deposit changed in clear, decrypting no banking details', async () => {
    const changed = await reachablePerson(h);
    const without = await reachablePerson(h);
    await h.registry.changeDirectDeposit(
      changed,
      { institution: '001', transit: '12345', account: '5550001' },
      selfService(changed),
    );
    const refuse = (): never => assert.fail('the reminder decrypted banking details');
    const cipher = { ...h.crypto.cipher, decrypt: refuse, decryptMany: refuse } as FieldCipher;
    const at = await createPayeeReader(h.db, cipher).accountsChangedAt([changed, without]);
    const row = await h.db
      .selectFrom('registry_direct_deposit')
      .select('updated_at')
      .where('person_id', '=', changed)
      .executeTakeFirstOrThrow();
    assert.deepEqual([...at.keys()], [changed], 'someone without a deposit has no date');
    assert.equal(at.get(changed)?.getTime(), new Date(row.updated_at).getTime());
    assert.equal(at.get(changed)?.getTime(), h.clock.now.getTime(), 'the change wrote the timestamp');
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  ADDRESS,
  agentContext,
  createHarness,
  createPerson,
  selfService,
} from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { securityNoticesOf } from './security-notice.repository.ts';

const contact = (email: string | null, phone: string | null = null) => ({
  email,
  phone,
  preferredChannel: 'online' as const,
  preferredLanguage: 'en' as const,
  accessibilityNeeds: null,
  alternateFormats: [],
});

describeOnBothDatabases('security notices after a sensitive change', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.securityNotices.stop();
    await h.notices.close();
    await h.crypto.close();
  });

  const sentTo = async (address: string) =>
    ((await h.notices.standIn())?.sentNotifications() ?? []).filter((n) => n.to === address);

  test('an email change: a letter in the inbox and a notice to the OLD email, never the new one', async () => {
    const personId = await createPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.registry.changeContact(personId, contact('old@example.ca'), selfService(personId));
    assert.equal((await h.inbox.list(personId)).length, 0, 'a first email is not a change of one');
    await h.registry.changeContact(personId, contact('new@example.ca'), selfService(personId));

    const letters = await h.inbox.list(personId);
    assert.equal(letters.length, 1);
    assert.equal(letters[0]?.kind, 'account-notice');
    assert.equal(letters[0]?.delivery, 'online');
    const opened = await h.inbox.open(personId, letters[0]?.id ?? '', selfService(personId));
    assert.match(opened?.letter.title ?? '', /contact information was changed/);
    assert.doesNotMatch(JSON.stringify(opened?.letter), /new@example|old@example/);
    assert.deepEqual(await h.inbox.notices(personId), [], 'no "new document" notice to the new email');

    const run = await h.securityNotices.sendDue();
    assert.equal(run.sent, 1);
    const [notice] = await sentTo('old@example.ca');
    assert.ok(notice, 'sent to the previous email');
    assert.doesNotMatch(JSON.stringify(notice), /new@example/);
    assert.equal((await sentTo('new@example.ca')).length, 0);
    const [row] = await securityNoticesOf(h.db, personId);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.to_cipher, null, 'the old address is not kept once the notice has left');
    assert.equal((await h.securityNotices.sendDue()).sent, 0, 'sent once');
  });

  test('a staff correction of the phone tells the previous phone; a deposit change tells it too, once each', async () => {
    const personId = await createPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.registry.changeContact(personId, contact(null, '613-555-0101'), selfService(personId));
    await h.registry.changeContact(personId, contact(null, '613-555-0199'), agentContext(), {
      correctionReason: 'Client called: wrong number',
    });
    await h.registry.changeDirectDeposit(
      personId,
      { institution: '001', transit: '12345', account: '7654321' },
      selfService(personId),
    );
    const rows = await securityNoticesOf(h.db, personId);
    assert.equal(rows.length, 2);
    await h.securityNotices.sendDue();
    const toOld = await sentTo('613-555-0101');
    const toCurrent = await sentTo('613-555-0199');
    assert.equal(toOld.length, 1, 'the correction is announced to the number it replaced');
    assert.equal(toCurrent.length, 1, 'the deposit change is announced to the number on file before it');
    // What the person receives (subject, text, filled-in fields), not the notices' random ids, which may hold "321".
    const received = [...toOld, ...toCurrent].map((n) => [n.subject, n.body, n.personalisation]);
    assert.doesNotMatch(JSON.stringify(received), /7654321|321/);
    const letters = await h.inbox.list(personId);
    assert.equal(letters.length, 2);
    const deposit = await h.inbox.open(
      personId,
      letters.find((l) => /deposit/i.test(l.title))?.id ?? '',
      selfService(personId),
    );
    assert.doesNotMatch(JSON.stringify(deposit?.letter), /7654321|001|12345/);
  });

  test('with no email or phone before the change, the notice is a letter by mail', async () => {
    const personId = await createPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.registry.changeDirectDeposit(
      personId,
      { institution: '002', transit: '54321', account: '1234567' },
      selfService(personId),
    );
    const [letter] = await h.inbox.list(personId);
    assert.equal(letter?.delivery, 'paper');
    assert.equal(letter?.print?.printed, false, 'waiting for the mail house');
    assert.deepEqual(await securityNoticesOf(h.db, personId), []);
  });
});

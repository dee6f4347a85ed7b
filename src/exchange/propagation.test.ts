import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import {
  ADDRESS,
  agentContext,
  createHarness,
  createPerson,
  selfService,
} from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import type { InProcessTransport } from './in-process-transport.ts';

/** A senior on OAS and GIS in Ontario, also on Ontario Works with consent, and a parent on the CCB. */
async function enrolledPerson(h: RegistryHarness): Promise<string> {
  const personId = await createPerson(h);
  for (const programme of ['oas', 'gis', 'ccb', 'on-ontario-works'])
    await h.person.enrolments.enrol(personId, programme, '2025-01-01');
  await h.exchange.consents.grant(personId, 'esdc-on-social-assistance', 365, selfService(personId));
  return personId;
}

function recipients(h: RegistryHarness, personId: string) {
  return h.exchange.service
    .whoWasTold(personId)
    .then((rows) => rows.map((r) => `${r.recipientAgencyId}|${r.programme?.en ?? '-'}|${r.status}`).sort());
}

describeOnBothDatabases('tell-us-once propagation', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('an address change reaches every enrolment that uses it and every subscribing agency, with times', async () => {
    const personId = await enrolledPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.exchange.dispatcher.drain();
    const told = await h.exchange.service.whoWasTold(personId);
    assert.equal(told.length, 5); // OAS, GIS, CCB, Ontario Works, and CRA's tax record
    assert.ok(told.every((row) => row.status === 'delivered' && row.deliveredAt instanceof Date));
    const copies = await h.agencyCopies(personId);
    assert.deepEqual(copies.map((c) => c.recipient_agency_id).sort(), [
      'cra',
      'esdc',
      'on-social-assistance',
    ]);
  });

  test('an agency without an agreement for an element never receives it', async () => {
    const personId = await enrolledPerson(h);
    await h.registry.changeDirectDeposit(
      personId,
      { institution: '001', transit: '12345', account: '1234567' },
      selfService(personId),
    );
    await h.exchange.dispatcher.drain();
    const told = await recipients(h, personId);
    assert.ok(told.length > 0);
    assert.ok(
      told.every((line) => !line.startsWith('Ontario') && !line.includes('social')),
      told.join(', '),
    );
    const copies = await h.agencyCopies(personId);
    assert.equal(
      copies.some((c) => c.recipient_agency_id === 'on-social-assistance'),
      false,
    );
    // The SST has no agreement at all: nothing for it, whatever changes.
    const all = await h.db.selectFrom('outbox_delivery').select('recipient_agency_id').distinct().execute();
    assert.equal(
      all.some((row) => row.recipient_agency_id === 'sst'),
      false,
    );
  });

  test('without consent a consent-based agreement shares nothing', async () => {
    const personId = await createPerson(h);
    await h.person.enrolments.enrol(personId, 'on-ontario-works', '2025-01-01');
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.exchange.dispatcher.drain();
    assert.deepEqual(await recipients(h, personId), ['cra|-|delivered']);
  });

  test('revoking consent stops sharing at once, even for a change already queued', async () => {
    const personId = await enrolledPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    const [consent] = await h.exchange.consents.list(personId);
    assert.equal(consent?.state, 'active');
    const { withheld } = await h.exchange.consents.revoke(personId, consent?.id ?? '', selfService(personId));
    assert.equal(withheld, 1);
    await h.exchange.dispatcher.drain();
    await h.registry.changeContact(
      personId,
      {
        email: 'new@example.ca',
        phone: null,
        preferredChannel: 'online',
        preferredLanguage: 'en',
        accessibilityNeeds: null,
        alternateFormats: [],
      },
      selfService(personId),
    );
    await h.exchange.dispatcher.drain();
    const toOntario = (await h.exchange.service.whoWasTold(personId)).filter(
      (r) => r.recipientAgencyId === 'on-social-assistance',
    );
    assert.deepEqual(
      toOntario.map((r) => r.status),
      ['withheld'],
    );
    assert.equal(
      (await h.agencyCopies(personId)).some((c) => c.recipient_agency_id === 'on-social-assistance'),
      false,
    );
    assert.equal((await h.exchange.consents.list(personId))[0]?.state, 'revoked');
  });

  test('a subscriber that is down is retried with back-off, never skipped', async () => {
    const personId = await enrolledPerson(h);
    const transport = h.exchange.transport as InProcessTransport;
    transport.setAvailable('cra', false);
    await h.registry.changeAddress(personId, ADDRESS, agentContext());
    const first = await h.exchange.dispatcher.drain();
    assert.equal(first.retried, 2); // CCB enrolment and CRA's tax record
    const waiting = (await h.exchange.service.queue()).items.filter((i) => i.recipient_agency_id === 'cra');
    assert.equal(waiting.length >= 2, true);
    assert.ok(waiting.every((i) => i.last_error?.includes('unavailable') && i.next_attempt_at > h.clock()));
    h.clock.now = new Date(h.clock.now.getTime() + 1500);
    transport.setAvailable('cra', true);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await h.exchange.dispatcher.drain();
    assert.ok((await recipients(h, personId)).every((line) => line.endsWith('|delivered')));
  });

  test('applying the same delivery twice changes nothing', async () => {
    const personId = await enrolledPerson(h);
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.exchange.dispatcher.drain();
    const delivery = await h.db
      .selectFrom('outbox_delivery')
      .selectAll()
      .where('person_id', '=', personId)
      .where('recipient_agency_id', '=', 'cra')
      .executeTakeFirstOrThrow();
    const before = await h.agencyCopies(personId);
    await h.db
      .updateTable('outbox_delivery')
      .set({ status: 'pending', next_attempt_at: h.clock() })
      .where('id', '=', delivery.id)
      .execute();
    await h.exchange.dispatcher.drain();
    assert.deepEqual(await h.agencyCopies(personId), before);
  });
});

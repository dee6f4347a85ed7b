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
import { CorrectionReasonRequiredError } from './person.types.ts';

describeOnBothDatabases('registry service', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('every change is versioned with who, when, channel and source agency, and audited in the same transaction', async () => {
    const personId = await createPerson(h);
    const first = await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    const second = await h.registry.changeMaritalStatus(personId, 'married', {
      ...agentContext(),
      sourceAgencyId: 'cra',
    });
    assert.deepEqual([first.version, second.version], [1, 2]);
    const changes = await h.registry.listChanges(personId);
    assert.deepEqual(
      changes.map((c) => [c.version, c.element, c.actor_type, c.channel, c.source_agency_id]),
      [
        [2, 'marital-status', 'staff', 'phone', 'cra'],
        [1, 'address', 'person', 'online', null],
      ],
    );
    const actions = (await h.audit.listForSubject(personId)).map((row) => row.action);
    assert.ok(actions.includes('registry.address.update'));
    assert.ok(actions.includes('registry.marital-status.update'));
  });

  test('a new address ends the previous one the day before it takes effect', async () => {
    const personId = await createPerson(h);
    await h.registry.changeAddress(
      personId,
      { ...ADDRESS, effectiveFrom: '2025-01-01' },
      selfService(personId),
    );
    await h.registry.changeAddress(
      personId,
      { ...ADDRESS, line1: '1 Wellington St', postalCode: 'K1A 0A9', effectiveFrom: '2026-02-01' },
      selfService(personId),
    );
    const profile = await h.registry.getProfile(personId, selfService(personId));
    assert.equal(profile.addresses.length, 2);
    assert.equal(profile.addresses[1]?.effectiveTo, '2026-01-31');
    assert.equal(profile.currentAddress?.line1, '1 Wellington St');
  });

  test('direct deposit is encrypted, masked unless permitted, and the previous contact point is told', async () => {
    const personId = await createPerson(h);
    await h.registry.changeContact(
      personId,
      {
        email: 'alex@example.ca',
        phone: null,
        preferredChannel: 'online',
        preferredLanguage: 'fr',
        accessibilityNeeds: null,
        alternateFormats: ['large-print'],
      },
      selfService(personId),
    );
    await h.registry.changeDirectDeposit(
      personId,
      { institution: '001', transit: '12345', account: '9876543' },
      selfService(personId),
    );
    const stored = await h.db
      .selectFrom('registry_direct_deposit')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.ok(!stored.details_ciphertext.includes('9876543'));
    const masked = await h.registry.getProfile(personId, agentContext());
    assert.equal(masked.directDeposit?.account, '••••543');
    assert.equal(masked.preferredLanguage, 'fr');
    const full = await h.registry.getProfile(personId, agentContext(), { revealBanking: true });
    assert.equal(full.directDeposit?.account, '9876543');
    const notice = (await h.audit.listForSubject(personId)).find(
      (row) => row.action === 'registry.notice.direct-deposit-changed',
    );
    assert.deepEqual(notice?.details, { sentTo: 'email' });
    const summary = (await h.registry.listChanges(personId))[0]?.summary;
    assert.equal(JSON.stringify(summary).includes('9876543'), false);
  });

  test('the SIN is stored encrypted, found by keyed hash, and shown masked', async () => {
    const personId = await createPerson(h, { sin: '046454286' });
    assert.equal(await h.registry.findPersonIdBySin('046454286', agentContext()), personId);
    const profile = await h.registry.getProfile(personId, agentContext());
    assert.equal(profile.sin, '*** *** 286');
    const row = await h.db
      .selectFrom('person')
      .select(['sin_ciphertext', 'sin_lookup'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.ok(
      !String(row.sin_ciphertext).includes('046454286') && !String(row.sin_lookup).includes('046454286'),
    );
  });

  test('staff corrections carry a reason; an empty reason is refused', async () => {
    const personId = await createPerson(h);
    await h.registry.recordDeath(personId, '2026-02-20', agentContext('assigned-case'), {
      correctionReason: 'Death certificate received',
    });
    const [change] = await h.registry.listChanges(personId);
    assert.equal(change?.kind, 'correction');
    assert.equal(change?.reason, 'Death certificate received');
    await assert.rejects(
      h.registry.changeResidenceStatus(personId, 'citizen', agentContext(), { correctionReason: ' ' }),
      CorrectionReasonRequiredError,
    );
    const profile = await h.registry.getProfile(personId, agentContext());
    assert.deepEqual([profile.lifeStatus, profile.dateOfDeath], ['deceased', '2026-02-20']);
  });

  test('reading a profile is audited with the stated purpose and channel', async () => {
    const personId = await createPerson(h);
    await h.registry.getProfile(personId, agentContext('in-person-visit'));
    const read = (await h.audit.listForSubject(personId)).find(
      (row) => row.action === 'registry.profile.read',
    );
    assert.equal(read?.purpose, 'in-person-visit');
    assert.equal(read?.actor_role, 'agent');
  });

  test('a name change reaches the programmes that use the name', async () => {
    const personId = await createPerson(h);
    await h.person.enrolments.enrol(personId, 'oas', '2025-01-01');
    await h.registry.changeName(personId, { givenName: 'Alexandra', familyName: 'Tremblay' }, agentContext());
    await h.exchange.dispatcher.drain();
    const told = await h.exchange.service.whoWasTold(personId);
    assert.deepEqual(
      told.map((r) => [r.element, r.recipientAgencyId, r.status]),
      [['name', 'esdc', 'delivered']],
    );
    assert.equal((await h.registry.getProfile(personId, agentContext())).givenName, 'Alexandra');
  });

  test('a changed email or phone is announced to the previous contact point', async () => {
    const personId = await createPerson(h);
    const contact = {
      email: 'old@example.ca',
      phone: null,
      preferredChannel: 'online' as const,
      preferredLanguage: 'en' as const,
      accessibilityNeeds: null,
      alternateFormats: [],
    };
    await h.registry.changeContact(personId, contact, selfService(personId));
    await h.registry.changeContact(personId, { ...contact, email: 'new@example.ca' }, selfService(personId));
    const notices = (await h.audit.listForSubject(personId)).filter(
      (row) => row.action === 'registry.notice.contact-changed',
    );
    assert.deepEqual(
      notices.map((row) => row.details),
      [{ sentTo: 'email' }],
    );
  });

  test('household: a partnership has a start and an end date, seen from both sides, custody shares shown', async () => {
    const a = await createPerson(h);
    const b = await createPerson(h, { givenName: 'Robin' });
    const child = await createPerson(h, { givenName: 'Sky', birthDate: '2019-05-05' });
    await h.db
      .insertInto('person_relationship')
      .values([
        { person_id: a, related_person_id: b, kind: 'spouse', since: '2010-06-01', custody_share: null },
        { person_id: a, related_person_id: child, kind: 'parent-of', since: null, custody_share: '0.50' },
      ])
      .execute();
    await h.registry.endPartnership(b, a, '2025-09-30', 'separated', agentContext());
    const profile = await h.registry.getProfile(a, agentContext());
    const spouse = profile.relationships.find((r) => r.kind === 'spouse');
    assert.deepEqual(
      [spouse?.givenName, spouse?.since, spouse?.endedOn],
      ['Robin', '2010-06-01', '2025-09-30'],
    );
    assert.equal(profile.relationships.find((r) => r.kind === 'parent-of')?.custodyShare, '0.50');
    assert.equal((await h.registry.getProfile(b, agentContext())).maritalStatus, 'separated');
  });
});

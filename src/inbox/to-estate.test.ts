import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createReachablePerson } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Recipient } from './inbox.service.ts';
import { routeOf } from './inbox.service.ts';

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'test' },
  channel: 'system',
  purpose: 'overpayment-recovery',
  correlationId: 'test',
};

test('a letter to an estate is printed, never noticed by email or text, even to a person who prefers online', () => {
  const recipient: Recipient = {
    personId: 'p',
    lang: 'en',
    addressLines: ['A Person', '1 Main St'],
    email: 'a@example.ca',
    phone: '6135550100',
    prefersPaper: false,
    alternateFormats: ['large-print'],
  };
  assert.deepEqual(routeOf(recipient, { toEstate: true }), {
    notice: null,
    print: 'to-estate',
    format: 'large-print',
  });
  assert.equal(routeOf(recipient, {}).notice, 'email', 'any other letter is noticed as before');
});

describeOnBothDatabases('letters to the estate of a person who died', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.notices.close();
  });

  test('go by post to the last address; a representative on file gets a copy by their own channel', async () => {
    const person = await createReachablePerson(h, 'fr', { givenName: 'Gisèle' });
    const representative = await createReachablePerson(h, 'en', { givenName: 'Robin' });
    await h.db
      .insertInto('representative_authorisation')
      .values({
        id: randomUUID(),
        person_id: person,
        representative_id: representative,
        kind: 'family',
        scope: 'apply-and-view',
        starts_on: '2026-01-01',
        ends_on: '2027-06-30',
        recorded_by_kind: 'person',
        recorded_by_id: person,
        evidence_note: null,
        created_at: new Date('2026-01-01T00:00:00Z'),
        revoked_at: null,
      })
      .execute();
    const composedFor: string[] = [];
    const delivered = await h.inbox.deliver(person, {
      kind: 'debt',
      sourceKey: `debt:${randomUUID()}`,
      compose: (recipient) => {
        composedFor.push(`${recipient.personId}:${recipient.lang}`);
        return { ...sampleLetter(recipient.lang), recipient: recipient.addressLines ?? ['NO ADDRESS'] };
      },
      context: SYSTEM,
      toEstate: true,
    });
    assert.deepEqual(delivered?.route, { notice: null, print: 'to-estate' });
    assert.deepEqual(composedFor, [`${person}:fr`, `${representative}:en`], 'each in their own language');
    assert.deepEqual(await h.inbox.notices(person), [], 'no email to the deceased');
    const printed = await h.db
      .selectFrom('print_item')
      .select('reason')
      .where('document_id', '=', delivered?.documentId ?? '')
      .executeTakeFirstOrThrow();
    assert.equal(printed.reason, 'to-estate');
    assert.equal((await h.inbox.list(representative)).length, 1, 'the representative’s copy');
    assert.equal((await h.inbox.notices(representative)).length, 1, 'told by their own channel');
  });
});

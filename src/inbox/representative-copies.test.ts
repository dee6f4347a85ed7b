import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createReachablePerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { sampleLetter } from '../../test/support/documents/sample-letters.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { DocumentKind } from './document-kinds.ts';
import type { Recipient } from './inbox.service.ts';

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'test' },
  channel: 'system',
  purpose: 'test',
  correlationId: 'test',
};
const compose = (recipient: Recipient) => ({
  ...sampleLetter(recipient.lang),
  recipient: recipient.addressLines ?? ['NO ADDRESS'],
});

async function authorise(
  h: RegistryHarness,
  personId: string,
  representativeId: string,
  terms: { scope?: 'apply' | 'apply-and-view'; starts?: string; ends?: string; revoked?: boolean } = {},
) {
  await h.db
    .insertInto('representative_authorisation')
    .values({
      id: randomUUID(),
      person_id: personId,
      representative_id: representativeId,
      kind: 'family',
      scope: terms.scope ?? 'apply-and-view',
      starts_on: terms.starts ?? '2026-01-01',
      ends_on: terms.ends ?? '2027-06-30',
      recorded_by_kind: 'person',
      recorded_by_id: personId,
      evidence_note: null,
      created_at: new Date('2026-01-01T00:00:00Z'),
      revoked_at: terms.revoked ? new Date('2026-02-01T00:00:00Z') : null,
    })
    .execute();
}

const deliver = (h: RegistryHarness, personId: string, kind: DocumentKind = 'decision', key = randomUUID()) =>
  h.inbox.deliver(personId, { kind, sourceKey: `test:${key}`, compose, context: SYSTEM });

describeOnBothDatabases('copies of letters to representatives', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });
  after(async () => {
    await h.notices.close();
  });

  test('a representative in force, who may see the file, gets a copy in their language, once', async () => {
    const person = await createReachablePerson(h, 'fr', { givenName: 'Gisèle' });
    const representative = await createReachablePerson(h, 'en', { givenName: 'Robin' });
    await authorise(h, person, representative);
    const key = randomUUID();
    await deliver(h, person, 'decision', key);
    await deliver(h, person, 'decision', key); // a replay stores and copies nothing new
    assert.equal((await h.inbox.list(person)).length, 1);
    const copies = await h.inbox.list(representative);
    assert.equal(copies.length, 1);
    assert.equal(copies[0]?.title, 'Decision on your Canada child benefit application');
    const opened = await h.inbox.open(representative, copies[0]?.id ?? '', selfService(representative));
    const text = String(await renderLetter(opened?.letter ?? assert.fail('no copy'), 'text'));
    assert.match(text, /This is a copy of a letter we sent to Gisèle Tremblay\./);
    assert.match(text, /until June 30, 2027/);
    assert.equal(
      (await h.inbox.notices(representative)).length,
      1,
      'the representative is told by their channel',
    );
    const log = await h.audit.listForSubject(person, 50);
    const copied = log.find((entry) => entry.action === 'inbox.document.copied');
    assert.ok(copied, "the copy is in the person's access log");
    assert.equal((copied.details as { representativeId?: string }).representativeId, representative);
    assert.equal((copied.details as { notice?: string }).notice, 'email');
  });

  test('no copy outside the scope or the dates, after removal, or for an account letter', async () => {
    const person = await createReachablePerson(h, 'en', { givenName: 'Sam' });
    const applyOnly = await createReachablePerson(h, 'en', { givenName: 'Ari' });
    const ended = await createReachablePerson(h, 'en', { givenName: 'Bo' });
    const future = await createReachablePerson(h, 'en', { givenName: 'Cy' });
    const removed = await createReachablePerson(h, 'en', { givenName: 'Di' });
    const inForce = await createReachablePerson(h, 'en', { givenName: 'Eli' });
    await authorise(h, person, applyOnly, { scope: 'apply' });
    await authorise(h, person, ended, { ends: '2026-02-28' });
    await authorise(h, person, future, { starts: '2026-04-01' });
    await authorise(h, person, removed, { revoked: true });
    await authorise(h, person, inForce);
    await deliver(h, person, 'linking-code');
    assert.equal((await h.inbox.list(inForce)).length, 0, 'an account letter is the person’s alone');
    await deliver(h, person, 'reminder');
    assert.equal((await h.inbox.list(inForce)).length, 1);
    for (const other of [applyOnly, ended, future, removed]) assert.deepEqual(await h.inbox.list(other), []);
  });

  test('a batch of letters copies each person’s representatives in force, and nobody else', async () => {
    const [first, second, alone] = [
      await createReachablePerson(h, 'en', { givenName: 'Fay' }),
      await createReachablePerson(h, 'fr', { givenName: 'Gaël' }),
      await createReachablePerson(h, 'en', { givenName: 'Hal' }),
    ];
    const [forFirst, forSecond, applyOnly, ended] = [
      await createReachablePerson(h, 'en', { givenName: 'Ida' }),
      await createReachablePerson(h, 'fr', { givenName: 'Jo' }),
      await createReachablePerson(h, 'en', { givenName: 'Kit' }),
      await createReachablePerson(h, 'en', { givenName: 'Lou' }),
    ];
    await authorise(h, first, forFirst);
    await authorise(h, second, forSecond);
    await authorise(h, second, applyOnly, { scope: 'apply' });
    await authorise(h, alone, ended, { ends: '2026-02-28' });
    const letter = (personId: string) => ({
      personId,
      request: { kind: 'decision' as const, sourceKey: `test:${randomUUID()}`, compose, context: SYSTEM },
    });
    await h.inbox.deliverMany([letter(first), letter(second), letter(alone)]);
    for (const personId of [first, second, alone]) assert.equal((await h.inbox.list(personId)).length, 1);
    assert.equal((await h.inbox.list(forFirst)).length, 1, 'the first person’s representative has a copy');
    assert.equal((await h.inbox.list(forSecond)).length, 1, 'the second person’s too');
    for (const other of [applyOnly, ended]) assert.deepEqual(await h.inbox.list(other), []);
  });

  test('a staff answer is noticed to each representative who sees the conversation, and to nobody else', async () => {
    const person = await createReachablePerson(h, 'fr', { givenName: 'Lise' });
    const sees = await createReachablePerson(h, 'en', { givenName: 'Noor' });
    const applyOnly = await createReachablePerson(h, 'en', { givenName: 'Oli' });
    const revoked = await createReachablePerson(h, 'en', { givenName: 'Pat' });
    await authorise(h, person, sees);
    await authorise(h, person, applyOnly, { scope: 'apply' });
    await authorise(h, person, revoked, { revoked: true });
    const threadId = await h.messages.write(
      person,
      { programmeId: 'ccb', subject: 'My payment', body: 'When is it paid?' },
      selfService(person),
    );
    const agent: AccessContext = { ...SYSTEM, actor: { type: 'staff', id: 'agent-3' }, channel: 'online' };
    assert.equal(await h.messages.take(threadId, 'agent-3', agent), 'taken');
    assert.equal(await h.messages.answer(threadId, 'agent-3', 'On the 20th.', agent), 'answered');
    const messageNotices = async (id: string) =>
      (await h.inbox.notices(id)).filter((notice) => notice.kind === 'new-message');
    assert.equal((await messageNotices(person)).length, 1);
    const [toRepresentative] = await messageNotices(sees);
    assert.equal(toRepresentative?.channel, 'email', 'by the channel the representative chose');
    assert.equal(toRepresentative.message_id, (await messageNotices(person))[0]?.message_id);
    for (const other of [applyOnly, revoked]) assert.deepEqual(await messageNotices(other), []);
    const answered = (await h.audit.listForSubject(person, 50)).find(
      (entry) => entry.action === 'inbox.message.answered',
    );
    assert.equal((answered?.details as { representativesTold?: number }).representativesTold, 1);
  });
});

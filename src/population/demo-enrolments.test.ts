import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness, createPerson } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { seedDemoEnrolments } from './demo-enrolments.ts';

describeOnBothDatabases('demo enrolments', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('seniors get OAS, parents of minors the CCB, assistance recipients their province’s programme with consent', async () => {
    const senior = await createPerson(h, { birthDate: '1950-01-01' });
    const parent = await createPerson(h, { birthDate: '1988-01-01' });
    const child = await createPerson(h, { birthDate: '2020-01-01' });
    await h.db
      .insertInto('person_relationship')
      .values({
        person_id: parent,
        related_person_id: child,
        kind: 'parent-of',
        since: null,
        custody_share: '1.00',
      })
      .execute();
    const assisted = await createPerson(h, { birthDate: '1980-01-01', province: 'ON' });
    await h.db
      .insertInto('person_income')
      .values({
        person_id: assisted,
        tax_year: 2025,
        income_type: 'social-assistance',
        amount_ciphertext: h.crypto.cipher.encrypt('900000'),
      })
      .execute();
    await seedDemoEnrolments(h.db, new Date('2026-03-01T00:00:00Z'));
    const programmes = async (id: string) =>
      (await h.person.enrolments.list(id)).map((e) => e.programme_id).sort();
    assert.ok((await programmes(senior)).includes('oas'));
    assert.deepEqual(await programmes(parent), ['ccb']);
    assert.deepEqual(await programmes(child), []);
    assert.deepEqual(await programmes(assisted), ['on-ontario-works']);
    assert.equal((await h.exchange.consents.list(assisted))[0]?.state, 'active');
  });
});

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { agentContext, createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { createHouseholdReader } from './household-of.ts';

describeOnBothDatabases('new income years and births are changes to the record', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('a tax year’s incomes replace that year’s, encrypted, and the change names the year only', async () => {
    const personId = await createPerson(h);
    await h.registry.recordIncomeYear(
      personId,
      2025,
      { employment: 4_100_000, investment: 20_000 },
      {
        ...agentContext('record-correction'),
        sourceAgencyId: 'cra',
      },
    );
    const reassessed = await h.registry.recordIncomeYear(
      personId,
      2025,
      { employment: 3_900_000 },
      agentContext('record-correction'),
    );
    assert.equal(reassessed.version, 2);
    const rows = await h.db
      .selectFrom('person_income')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    assert.equal(rows.length, 1, 'the reassessment replaced the year');
    assert.ok(!rows[0]?.amount_ciphertext.includes('3900000'), 'the amount is stored encrypted');
    const household = await createHouseholdReader(h.db, h.crypto.cipher).householdOf(personId);
    assert.deepEqual(household?.people[0]?.incomeByYear, { '2025': { employment: 3_900_000 } });
    const [change] = await h.registry.listChanges(personId);
    assert.equal(change?.element, 'income');
    assert.deepEqual(change?.summary, { taxYear: '2025' }, 'no amount in the clear');
    const actions = (await h.audit.listForSubject(personId)).map((row) => row.action);
    assert.equal(actions.filter((a) => a === 'registry.income.update').length, 2);
  });

  test('a birth adds the child to the parent’s household, the parent theirs, as one change', async () => {
    const parentId = await createPerson(h, { birthDate: '1992-03-04' });
    const result = await h.registry.recordBirth(
      parentId,
      { givenName: 'Léa', familyName: 'Tremblay', birthDate: '2026-02-20' },
      selfService(parentId),
    );
    const household = await createHouseholdReader(h.db, h.crypto.cipher).householdOf(parentId);
    assert.deepEqual(household?.people.map((p) => p.id).sort(), [parentId, result.childId].sort());
    assert.deepEqual(household?.relationships, [
      { personId: parentId, relatedPersonId: result.childId, kind: 'parent-of', custodyShare: 1 },
    ]);
    const [change] = await h.registry.listChanges(parentId);
    assert.equal(change?.element, 'birth');
    assert.deepEqual(change?.summary, { birthDate: '2026-02-20' });
  });

  test('a birth for someone not in the register changes nothing', async () => {
    await assert.rejects(
      h.registry.recordBirth(
        '00000000-0000-4000-8000-00000000dead',
        { givenName: 'Noé', familyName: 'Roy', birthDate: '2026-01-01' },
        agentContext(),
      ),
      { name: 'PersonNotFoundError' },
    );
    const orphans = await h.db.selectFrom('person').select('id').where('given_name', '=', 'Noé').execute();
    assert.equal(orphans.length, 0);
  });
});

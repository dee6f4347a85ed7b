import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createCatalogueService, loadReferenceData } from '../catalogue/index.ts';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { seedPopulation } from '../population/index.ts';
import { createHouseholdReader } from './household-of.ts';
import type { RegisterHousehold } from './population-reader.ts';

/** Order-free form of a household, to compare two reads of it. */
function canonical(household: RegisterHousehold | null | undefined) {
  if (!household) return household;
  return {
    ...household,
    people: [...household.people].sort((a, b) => a.id.localeCompare(b.id)),
    relationships: [...household.relationships].sort((a, b) =>
      `${a.personId}${a.relatedPersonId}${a.kind}`.localeCompare(
        `${b.personId}${b.relatedPersonId}${b.kind}`,
      ),
    ),
  };
}

describeOnBothDatabases('households of many people at once', (database) => {
  let crypto: FieldCrypto;
  before(async () => {
    crypto = createFieldCrypto(testConfig(), { threads: 0 });
    await createCatalogueService(database().db).seedReferenceData(loadReferenceData());
    await seedPopulation(database(), crypto, { people: 60, seed: 11 });
  });
  after(async () => {
    await crypto.close();
  });

  it('reads the same households as one person at a time, scattered over the register', async () => {
    const db = database().db;
    const reader = createHouseholdReader(db, crypto.cipher);
    const people = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((p) => p.id);
    // Every other person, so the households asked for are not a range of household ids.
    const asked = people.filter((_, i) => i % 2 === 0);
    const stranger = randomUUID();
    const found = await reader.householdsOf([...asked, stranger]);
    assert.equal(found.size, asked.length, 'everyone with a household, and no one else');
    assert.equal(found.has(stranger), false);
    let withIncomes = 0;
    for (const personId of asked) {
      const one = await reader.householdOf(personId);
      assert.deepEqual(canonical(found.get(personId)), canonical(one));
      if (one?.people.some((p) => Object.keys(p.incomeByYear).length > 0)) withIncomes += 1;
    }
    assert.ok(withIncomes > 0, 'incomes were decrypted and compared');
    assert.equal((await reader.householdsOf([])).size, 0);
  });
});

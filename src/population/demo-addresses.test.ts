import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createHarness } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { checkAddress } from '../person/index.ts';
import { demoAddressOf, seedDemoAddresses } from './demo-addresses.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from './demo-people.ts';
import { seedPopulation } from './population-seeder.ts';

const AS_OF = new Date('2026-12-03T12:00:00Z');

test('a demo address is well formed, in its province, and the same for the same household', () => {
  const provinces = ['NL', 'NS', 'PE', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'NT', 'NU', 'YT'];
  for (const [n, province] of provinces.entries()) {
    for (let i = 0; i < 40; i += 1) {
      const household = `00000000-0000-4000-8000-${String(n * 100 + i).padStart(12, '0')}`;
      const address = demoAddressOf(household, province);
      assert.deepEqual(demoAddressOf(household, province), address, 'deterministic');
      const checked = checkAddress({ ...address, kind: 'residential', effectiveFrom: '2020-01-01' });
      assert.equal(checked.ok, true, `${province}: ${JSON.stringify(address)} passes the address form`);
      if (province === 'QC') assert.match(address.line1, /^\d+, (rue|avenue|chemin|boulevard) /);
      else assert.match(address.line1, /^\d+ [A-Z]/);
    }
  }
});

describeOnBothDatabases('demo addresses', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
    await seedPopulation(database(), h.crypto, { people: 120, seed: 7 });
    await ensureDemoPeople(h.db, h.crypto);
  });

  test('every demo person gets their household’s address in its province, once', async () => {
    const added = await seedDemoAddresses(h.db, AS_OF);
    const people = await h.db
      .selectFrom('person as p')
      .innerJoin('household as h', 'h.id', 'p.household_id')
      .select(['p.id', 'p.household_id', 'p.birth_date', 'h.province_code'])
      .execute();
    assert.equal(added, people.length);
    assert.equal(await seedDemoAddresses(h.db, AS_OF), 0, 'a second run adds nothing');

    const rows = await h.db.selectFrom('registry_address').selectAll().execute();
    assert.equal(rows.length, people.length, 'one address each');
    const byPerson = new Map(rows.map((row) => [row.person_id, row]));
    const showcase = new Map<string, { postalCode: string }>(DEMO_PEOPLE.map((p) => [p.id, p.address]));
    for (const person of people) {
      const row = byPerson.get(person.id);
      assert.ok(row, 'each person has one');
      assert.equal(row.kind, 'residential');
      assert.equal(row.province_code, person.province_code);
      assert.equal(row.effective_to, null);
      const from = new Date(row.effective_from).getTime();
      assert.ok(
        from >= new Date(person.birth_date).getTime() && from < AS_OF.getTime(),
        'lived there already',
      );
      const expected = showcase.get(person.id) ?? demoAddressOf(person.household_id, person.province_code);
      assert.equal(row.postal_code, expected.postalCode);
    }
    const amelie = byPerson.get(DEMO_PEOPLE[0].id);
    assert.deepEqual([amelie?.line1, amelie?.city], ['1215, rue Saint-Jean', 'Québec']);
  });

  test('a person who already has an address keeps it', async () => {
    const person = DEMO_PEOPLE[3].id;
    await h.db.deleteFrom('registry_address').where('person_id', '=', person).execute();
    await h.db
      .insertInto('registry_address')
      .values({
        person_id: person,
        kind: 'mailing',
        line1: 'PO Box 12',
        line2: null,
        city: 'Ottawa',
        province_code: 'ON',
        postal_code: 'K1P 1A1',
        effective_from: '2020-01-01',
      })
      .execute();
    assert.equal(await seedDemoAddresses(h.db, AS_OF), 0);
    const rows = await h.db
      .selectFrom('registry_address')
      .select('line1')
      .where('person_id', '=', person)
      .execute();
    assert.deepEqual(rows, [{ line1: 'PO Box 12' }]);
  });
});

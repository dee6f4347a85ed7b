import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSin } from '../person/index.ts';
import { generatePopulation, iterateHouseholds } from './population-generator.ts';
import type { GeneratedPerson, Population } from './population.types.ts';

const population = generatePopulation({ people: 20_000, seed: 2026 });
const byId = new Map(population.people.map((person) => [person.id, person]));
const ageOf = (person: GeneratedPerson): number => 2025 - Number(person.birthDate.slice(0, 4));
const share = (count: number): number => count / population.people.length;

function person(id: string): GeneratedPerson {
  const found = byId.get(id);
  assert.ok(found, `no person ${id}`);
  return found;
}

describe('generatePopulation: determinism', () => {
  it('gives the same people for the same seed, and different people for another', () => {
    const again = generatePopulation({ people: 2_000, seed: 2026 });
    const first = generatePopulation({ people: 2_000, seed: 2026 });
    assert.deepEqual(again, first);
    assert.notDeepEqual(generatePopulation({ people: 2_000, seed: 2027 }).people, first.people);
  });

  it('produces exactly the number of people asked for, including none', () => {
    assert.equal(population.people.length, 20_000);
    for (const people of [0, 1, 7, 333])
      assert.equal(generatePopulation({ people, seed: 1 }).people.length, people);
    assert.throws(() => [...iterateHouseholds({ people: -1, seed: 1 })], RangeError);
  });
});

describe('generatePopulation: SINs', () => {
  const sins = population.people.flatMap((member) => (member.sin === null ? [] : [member.sin]));

  it('are fictitious, Luhn-valid and unique', () => {
    assert.equal(new Set(sins).size, sins.length);
    for (const sin of sins) assert.deepEqual(checkSin(sin), { ok: true, sin, kind: 'fictitious' });
  });

  it('belong to every adult and to most children', () => {
    const adults = population.people.filter((member) => ageOf(member) >= 18);
    assert.ok(adults.every((adult) => adult.sin !== null));
    assert.ok(share(sins.length) > 0.85);
  });
});

describe('generatePopulation: households', () => {
  it('puts every person in exactly one household, with unique ids', () => {
    const ids = new Set(population.households.map((household) => household.id));
    assert.equal(ids.size, population.households.length);
    for (const household of population.households) {
      assert.ok(household.people.length > 0);
      for (const member of household.people) assert.equal(member.householdId, household.id);
    }
    assert.equal(byId.size, population.people.length);
  });

  it('makes couples of two adults in the same household, married or common-law', () => {
    const couples = population.relationships.filter((relation) => relation.kind !== 'parent-of');
    assert.ok(couples.length > 0);
    for (const couple of couples) {
      const [first, second] = [person(couple.personId), person(couple.relatedPersonId)];
      assert.equal(first.householdId, second.householdId);
      assert.ok(ageOf(first) >= 18 && ageOf(second) >= 18);
      const status = couple.kind === 'spouse' ? 'married' : 'common-law';
      assert.equal(first.maritalStatus, status);
      assert.equal(second.maritalStatus, status);
    }
  });

  it('makes every child younger than its parents by at least 16 years', () => {
    const parentLinks = population.relationships.filter((relation) => relation.kind === 'parent-of');
    assert.ok(parentLinks.length > 0);
    for (const link of parentLinks) {
      const [parent, child] = [person(link.personId), person(link.relatedPersonId)];
      assert.ok(child.birthDate > parent.birthDate, `${child.birthDate} after ${parent.birthDate}`);
      assert.ok(ageOf(parent) - ageOf(child) >= 16);
      assert.equal(parent.householdId, child.householdId);
    }
  });

  it('gives lone parents custody and couples none', () => {
    const shares = new Set(population.relationships.map((relation) => relation.custodyShare));
    assert.deepEqual([...shares].sort(), [0.5, 1, null]);
  });
});

describe('generatePopulation: realism', () => {
  it('has about 19% seniors, and children, working-age adults and seniors living alone', () => {
    const seniors = population.people.filter((member) => ageOf(member) >= 65).length;
    assert.ok(share(seniors) > 0.16 && share(seniors) < 0.23, `seniors ${share(seniors)}`);
    const children = population.people.filter((member) => ageOf(member) < 18).length;
    assert.ok(share(children) > 0.15 && share(children) < 0.26, `children ${share(children)}`);
    const seniorsAlone = population.households.filter(
      (h) => h.people.length === 1 && ageOf(h.people[0] as GeneratedPerson) >= 65,
    );
    assert.ok(seniorsAlone.length > 0);
  });

  it('weights provinces by population and Quebec speaks mostly French', () => {
    const peopleIn = (code: string): GeneratedPerson[] =>
      population.households.filter((household) => household.provinceCode === code).flatMap((h) => h.people);
    assert.ok(share(peopleIn('ON').length) > 0.35 && share(peopleIn('ON').length) < 0.43);
    assert.ok(share(peopleIn('QC').length) > 0.19 && share(peopleIn('QC').length) < 0.25);
    const quebec = peopleIn('QC');
    assert.ok(quebec.filter((member) => member.preferredLanguage === 'fr').length / quebec.length > 0.7);
    const ontario = peopleIn('ON');
    assert.ok(ontario.filter((member) => member.preferredLanguage === 'en').length / ontario.length > 0.85);
  });

  it('gives incomes by age: employment for working adults, OAS and CPP/QPP for seniors, none under 16', () => {
    const incomesOf = incomeIndex(population);
    for (const member of population.people) {
      const types = incomesOf.get(member.id) ?? [];
      if (ageOf(member) < 15) assert.deepEqual(types, []);
    }
    const seniors = population.people.filter((member) => ageOf(member) >= 66);
    const withOas = seniors.filter((member) => incomesOf.get(member.id)?.includes('oas-pension'));
    assert.ok(withOas.length / seniors.length > 0.85);
    const workers = population.people.filter((member) => ageOf(member) >= 25 && ageOf(member) < 55);
    const employed = workers.filter((member) => incomesOf.get(member.id)?.includes('employment'));
    assert.ok(employed.length / workers.length > 0.7);
    assert.ok(
      population.incomes.every((income) => Number.isInteger(income.amountCents) && income.amountCents > 0),
    );
  });
});

function incomeIndex({ incomes }: Population): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const income of incomes)
    index.set(income.personId, [...(index.get(income.personId) ?? []), income.incomeType]);
  return index;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, foldName, namesMatch, personMatches } from './name-match.ts';
import { newReference, normaliseReference, REFERENCE_ALPHABET } from './reference.ts';

describe('finding a client by name, tolerant of accents and typos', () => {
  const cases: [string, string, string, boolean][] = [
    ['accents left out', 'Amelie', 'Amélie', true],
    ['case and hyphen', 'jean pierre', 'Jean-Pierre', true],
    ['one typo in a short name', 'Lea', 'Léo', true],
    ['two typos in a short name', 'Lia', 'Léo', false],
    ['swapped letters', 'Tremlbay', 'Tremblay', true],
    ['two slips in a long name', 'Tremblai', 'Tremblay', true],
    ['another name', 'Nguyen', 'Tremblay', false],
  ];
  for (const [name, typed, stored, expected] of cases)
    it(name, () => assert.equal(namesMatch(typed, stored), expected));
  it('given and family typed the other way round', () =>
    assert.ok(personMatches('Tremblay', 'Amelie', { givenName: 'Amélie', familyName: 'Tremblay' })));
  it('folds and measures', () => {
    assert.equal(foldName("D'Arcy-Ève"), 'darcyeve');
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('application references', () => {
  it('are three groups of three unambiguous characters', () => {
    for (let i = 0; i < 200; i++)
      assert.match(newReference(), /^[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}$/);
    assert.ok(![...'01258BDGILNOPSTVZ'].some((c) => REFERENCE_ALPHABET.includes(c)));
  });
  it('are read back however they were typed', () => {
    assert.equal(normaliseReference(' k7m 4rx-9ca '), 'K7M-4RX-9CA');
    assert.equal(normaliseReference('K7M-4RX-9C0'), null);
  });
});

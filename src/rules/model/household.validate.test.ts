import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HouseholdValidationError } from '../core/errors.ts';
import { householdSchemaJson } from './household.schema.ts';
import { validateHousehold } from './household.validate.ts';

const TODAY = '2025-06-01';
const valid = {
  province: 'ON',
  people: [
    { id: 'p', birthDate: '1980-01-01', income: { '2024': { employment: 5000000 } } },
    { id: 'c', birthDate: '2015-01-01' },
  ],
  relationships: [{ type: 'parent', parentId: 'p', childId: 'c', custodyShare: 1 }],
};

function issues(input: unknown): { path: string; code: string }[] {
  try {
    validateHousehold(input, TODAY);
  } catch (error) {
    assert.ok(error instanceof HouseholdValidationError);
    return [...error.issues];
  }
  return [];
}

test('a valid household passes and comes back typed', () => {
  assert.equal(validateHousehold(valid, TODAY).people.length, 2);
});

const NEGATIVES: readonly { name: string; input: unknown; expected: { path: string; code: string } }[] = [
  { name: 'not an object', input: 42, expected: { path: '/', code: 'schema.type' } },
  {
    name: 'province missing',
    input: { people: valid.people },
    expected: { path: '/province', code: 'schema.required' },
  },
  {
    name: 'unknown province',
    input: { ...valid, province: 'XX' },
    expected: { path: '/province', code: 'schema.enum' },
  },
  {
    name: 'unknown field',
    input: { ...valid, colour: 'blue' },
    expected: { path: '/colour', code: 'schema.additionalProperties' },
  },
  {
    name: 'negative amount',
    input: {
      ...valid,
      people: [{ id: 'p', birthDate: '1980-01-01', income: { '2024': { employment: -1 } } }],
    },
    expected: { path: '/people/0/income/2024/employment', code: 'schema.minimum' },
  },
  {
    name: 'negative EI hours',
    input: {
      ...valid,
      people: [
        {
          id: 'p',
          birthDate: '1980-01-01',
          ei: { economicRegion: '27', weeks: [{ weekEnding: '2025-01-04', hours: -3, earningsCents: 0 }] },
        },
      ],
    },
    expected: { path: '/people/0/ei/weeks/0/hours', code: 'schema.minimum' },
  },
  {
    name: 'custody share above 1',
    input: { ...valid, relationships: [{ type: 'parent', parentId: 'p', childId: 'c', custodyShare: 1.5 }] },
    expected: { path: '/relationships/0', code: 'schema.oneOf' },
  },
  {
    name: 'impossible date',
    input: { ...valid, people: [{ id: 'p', birthDate: '1980-02-30' }] },
    expected: { path: '/people/0/birthDate', code: 'date.invalid' },
  },
  {
    name: 'birth date in the future',
    input: { ...valid, people: [{ id: 'p', birthDate: '2030-01-01' }] },
    expected: { path: '/people/0/birthDate', code: 'date.future' },
  },
  {
    name: 'child older than its parent',
    input: {
      ...valid,
      people: [
        { id: 'p', birthDate: '2015-01-01' },
        { id: 'c', birthDate: '1980-01-01' },
      ],
    },
    expected: { path: '/relationships/0', code: 'relationship.child-older-than-parent' },
  },
  {
    name: 'relationship to an unknown person',
    input: { ...valid, relationships: [{ type: 'spouse', partners: ['p', 'x'], kind: 'married' }] },
    expected: { path: '/relationships/0/partners/1', code: 'person.unknown' },
  },
  {
    name: 'duplicate person id',
    input: { ...valid, people: [valid.people[0], valid.people[0]] },
    expected: { path: '/people', code: 'person.duplicate-id' },
  },
];

for (const n of NEGATIVES) {
  test(`validation: ${n.name} → ${n.expected.code} at ${n.expected.path}`, () => {
    assert.ok(
      issues(n.input).some((i) => i.path === n.expected.path && i.code === n.expected.code),
      JSON.stringify(issues(n.input)),
    );
  });
}

test('docs/household.schema.json is in sync (regenerate: npx tsx scripts/write-household-schema.ts)', () => {
  const published: unknown = JSON.parse(
    readFileSync(new URL('../../../docs/household.schema.json', import.meta.url), 'utf8'),
  );
  assert.deepEqual(published, JSON.parse(householdSchemaJson()));
});

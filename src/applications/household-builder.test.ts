import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateHousehold, validateHousehold } from '../rules/index.ts';
import type { ApplicantRecord } from './applicant-record.ts';
import { buildHousehold } from './household-builder.ts';

const AS_OF = '2026-12-04';

/** A parent whose employer sent Records of Employment (as the demo's Jordan Lee), with one child. */
const record: ApplicantRecord = {
  personId: 'p',
  givenName: 'Jordan',
  familyName: 'Lee',
  birthDate: '1990-07-02',
  preferredLanguage: 'en',
  facts: { province: 'AB', maritalStatus: 'single', residenceStatus: 'citizen' },
  incomeByYear: {},
  insurablePeriods: Array.from({ length: 20 }, (_, i) => ({
    weekEnding: `2026-0${9 - Math.floor(i / 5)}-0${1 + (i % 5)}`,
    hours: 40,
    earningsCents: 115_000,
  })),
};
const answers = {
  childCount: '1',
  'childBirthDate.1': '2021-06-05',
  'childCare.1': 'full',
  'childDisability.1': 'no',
  employmentIncome: '42000',
  otherIncome: '0',
};

test('a parent with Records of Employment gets a valid household, so the CCB is decided on its facts', () => {
  const household = buildHousehold(record, { ...record.facts, ...answers }, AS_OF);
  const valid = validateHousehold(household, AS_OF);
  const [ccb] = evaluateHousehold(valid, { asOf: AS_OF, programmes: ['ccb'] }).results;
  assert.equal(ccb?.status, 'eligible');
  assert.ok((ccb?.periodCents ?? 0) > 0);
});

test('EI, with no regional unemployment rate on file, says which fact is missing instead of failing', () => {
  const household = buildHousehold(
    record,
    { ...record.facts, ...answers, separationDate: '2026-10-02' },
    AS_OF,
  );
  const [ei] = evaluateHousehold(validateHousehold(household, AS_OF), {
    asOf: AS_OF,
    programmes: ['ei-regular'],
  }).results;
  assert.equal(ei?.status, 'cannot-tell');
  assert.deepEqual(ei?.missingFacts, ['/people/0/ei/regionalUnemploymentRate']);
});

import { BinaryCopyWriter } from '../platform/db/copy-binary.ts';
import type { BinaryCopy } from '../platform/db/database.ts';
import type { GeneratedHousehold } from './population.types.ts';
import { sinLast3 } from '../person/index.ts';

/** Ciphertexts and look-up hashes in the order the batch's SINs and incomes appear. */
export interface ProtectedValues {
  readonly sinCiphertexts: readonly string[];
  readonly sinLookups: readonly string[];
  readonly amountCiphertexts: readonly string[];
}

// A first buffer size per household (2.3 people on average), so that the writers seldom have to grow.
const BYTES_PER_PERSON = 256;

export function householdRows(households: readonly GeneratedHousehold[]): BinaryCopy {
  const rows = new BinaryCopyWriter(households.length * 48 + 64);
  for (const household of households)
    rows.row(3).uuid(household.id).text(household.provinceCode).boolean(true);
  return { table: 'household', columns: ['id', 'province_code', 'is_demo'], data: rows.finish() };
}

export function personRows(households: readonly GeneratedHousehold[], values: ProtectedValues): BinaryCopy {
  const rows = new BinaryCopyWriter(households.length * BYTES_PER_PERSON * 2);
  let sinIndex = 0;
  for (const household of households) {
    for (const person of household.people) {
      const hasSin = person.sin !== null;
      rows
        .row(13)
        .uuid(person.id)
        .uuid(person.householdId)
        .text(person.givenName)
        .text(person.familyName)
        .date(person.birthDate)
        .text(person.preferredLanguage)
        .text(person.maritalStatus)
        .text(hasSin ? requireValue(values.sinCiphertexts, sinIndex) : null)
        .text(hasSin ? requireValue(values.sinLookups, sinIndex++) : null)
        .text(person.sin === null ? null : sinLast3(person.sin))
        .integer(person.yearsInCanadaAfter18)
        .boolean(person.disability)
        .boolean(true);
    }
  }
  return { table: 'person', columns: PERSON_COLUMNS, data: rows.finish() };
}

const PERSON_COLUMNS = [
  'id',
  'household_id',
  'given_name',
  'family_name',
  'birth_date',
  'preferred_language',
  'marital_status',
  'sin_ciphertext',
  'sin_lookup',
  'sin_last3',
  'years_in_canada_after_18',
  'disability',
  'is_demo',
] as const;

export function relationshipRows(households: readonly GeneratedHousehold[]): BinaryCopy {
  const rows = new BinaryCopyWriter(households.length * BYTES_PER_PERSON);
  for (const household of households) {
    for (const relation of household.relationships) {
      rows
        .row(5)
        .uuid(relation.personId)
        .uuid(relation.relatedPersonId)
        .text(relation.kind)
        .date(relation.since)
        .hundredths(relation.custodyShare);
    }
  }
  const columns = ['person_id', 'related_person_id', 'kind', 'since', 'custody_share'];
  return { table: 'person_relationship', columns, data: rows.finish() };
}

export function incomeRows(households: readonly GeneratedHousehold[], values: ProtectedValues): BinaryCopy {
  const rows = new BinaryCopyWriter(households.length * BYTES_PER_PERSON * 2);
  let index = 0;
  for (const household of households) {
    for (const income of household.incomes) {
      rows
        .row(4)
        .uuid(income.personId)
        .integer(income.taxYear)
        .text(income.incomeType)
        .text(requireValue(values.amountCiphertexts, index++));
    }
  }
  const columns = ['person_id', 'tax_year', 'income_type', 'amount_ciphertext'];
  return { table: 'person_income', columns, data: rows.finish() };
}

function requireValue(values: readonly string[], index: number): string {
  const value = values[index];
  if (value === undefined)
    throw new Error(`Missing protected value ${index}: the batch and its ciphertexts differ`);
  return value;
}

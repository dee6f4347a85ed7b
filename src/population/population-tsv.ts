import type { GeneratedHousehold } from './population.types.ts';

/** Ciphertexts and look-up hashes in the order the batch's SINs and incomes appear. */
export interface ProtectedValues {
  readonly sinCiphertexts: readonly string[];
  readonly sinLookups: readonly string[];
  readonly amountCiphertexts: readonly string[];
}

const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text format: backslash, tab, newline and carriage return are escaped; `\N` is null. */
export function copyText(value: string | number | boolean | null): string {
  if (value === null) return NULL;
  if (typeof value !== 'string') return String(value);
  return SPECIAL.test(value)
    ? value.replace(SPECIAL_ALL, (character) => ESCAPES[character] ?? character)
    : value;
}

const line = (values: readonly (string | number | boolean | null)[]): string =>
  `${values.map(copyText).join('\t')}\n`;

export function householdRows(households: readonly GeneratedHousehold[]): string {
  let tsv = '';
  for (const household of households) tsv += line([household.id, household.provinceCode, true]);
  return tsv;
}

export function personRows(households: readonly GeneratedHousehold[], values: ProtectedValues): string {
  let tsv = '';
  let sinIndex = 0;
  for (const household of households) {
    for (const person of household.people) {
      const hasSin = person.sin !== null;
      tsv += line([
        person.id,
        person.householdId,
        person.givenName,
        person.familyName,
        person.birthDate,
        person.preferredLanguage,
        person.maritalStatus,
        hasSin ? requireValue(values.sinCiphertexts, sinIndex) : null,
        hasSin ? requireValue(values.sinLookups, sinIndex) : null,
        person.yearsInCanadaAfter18,
        person.disability,
        true,
      ]);
      if (hasSin) sinIndex++;
    }
  }
  return tsv;
}

export function relationshipRows(households: readonly GeneratedHousehold[]): string {
  let tsv = '';
  for (const household of households) {
    for (const relation of household.relationships) {
      const share = relation.custodyShare === null ? null : relation.custodyShare.toFixed(2);
      tsv += line([relation.personId, relation.relatedPersonId, relation.kind, relation.since, share]);
    }
  }
  return tsv;
}

export function incomeRows(households: readonly GeneratedHousehold[], values: ProtectedValues): string {
  let tsv = '';
  let index = 0;
  for (const household of households) {
    for (const income of household.incomes) {
      tsv += line([
        income.personId,
        income.taxYear,
        income.incomeType,
        requireValue(values.amountCiphertexts, index++),
      ]);
    }
  }
  return tsv;
}

function requireValue(values: readonly string[], index: number): string {
  const value = values[index];
  if (value === undefined)
    throw new Error(`Missing protected value ${index}: the batch and its ciphertexts differ`);
  return value;
}

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

// Only names are free text. Ids, dates, codes, numbers and ciphertexts (base64url) never hold a tab,
// newline or backslash, so they go into the line as they are: escaping them cost a fifth of seeding.
const orNull = (value: string | null): string => (value === null ? NULL : value);

export function householdRows(households: readonly GeneratedHousehold[]): string {
  let tsv = '';
  for (const household of households) tsv += `${household.id}\t${household.provinceCode}\ttrue\n`;
  return tsv;
}

export function personRows(households: readonly GeneratedHousehold[], values: ProtectedValues): string {
  let tsv = '';
  let sinIndex = 0;
  for (const household of households) {
    for (const person of household.people) {
      const hasSin = person.sin !== null;
      const sin = hasSin
        ? `${requireValue(values.sinCiphertexts, sinIndex)}\t${requireValue(values.sinLookups, sinIndex++)}`
        : `${NULL}\t${NULL}`;
      tsv +=
        `${person.id}\t${person.householdId}\t${copyText(person.givenName)}\t${copyText(person.familyName)}\t` +
        `${person.birthDate}\t${person.preferredLanguage}\t${person.maritalStatus}\t${sin}\t` +
        `${person.yearsInCanadaAfter18}\t${person.disability}\ttrue\n`;
    }
  }
  return tsv;
}

export function relationshipRows(households: readonly GeneratedHousehold[]): string {
  let tsv = '';
  for (const household of households) {
    for (const relation of household.relationships) {
      const share = relation.custodyShare === null ? NULL : relation.custodyShare.toFixed(2);
      tsv += `${relation.personId}\t${relation.relatedPersonId}\t${relation.kind}\t${orNull(relation.since)}\t${share}\n`;
    }
  }
  return tsv;
}

export function incomeRows(households: readonly GeneratedHousehold[], values: ProtectedValues): string {
  let tsv = '';
  let index = 0;
  for (const household of households) {
    for (const income of household.incomes) {
      const amount = requireValue(values.amountCiphertexts, index++);
      tsv += `${income.personId}\t${income.taxYear}\t${income.incomeType}\t${amount}\n`;
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

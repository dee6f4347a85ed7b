import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dateOfRule, type HolidayRule } from './holiday-rules.ts';
import { isoDate, isWeekend } from './day-numbers.ts';

/** The payment system's closures, then the thirteen provinces and territories (ISO 3166-2 suffixes). */
export const JURISDICTIONS = [
  'clearing',
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface Reference {
  readonly title: string;
  readonly href: string;
}

export interface Holiday {
  readonly id: string;
  readonly jurisdiction: Jurisdiction;
  readonly name_en: string;
  readonly name_fr: string;
  /** The day the statute names. */
  readonly date: string;
  /** The day it is kept: the same, or the next business day where a Saturday or Sunday holiday moves. */
  readonly observed: string;
  readonly reference: readonly Reference[];
}

interface HolidayDefinition {
  readonly name_en: string;
  readonly name_fr: string;
  readonly rule: HolidayRule;
  readonly from?: number;
  readonly until?: number;
}

interface JurisdictionFile {
  readonly jurisdiction: Jurisdiction;
  readonly reference: readonly Reference[];
  readonly weekend: 'none' | 'next-business-day';
  readonly holidays: readonly ({ readonly id: string } & Partial<HolidayDefinition>)[];
}

export class UnknownJurisdictionError extends Error {
  constructor(readonly jurisdiction: string) {
    super(`No holiday calendar for ${JSON.stringify(jurisdiction)}`);
  }
}

const DATA_DIR = new URL('./holidays/', import.meta.url);
const catalogue = parse(readFileSync(new URL('catalogue.yaml', DATA_DIR), 'utf8')) as Record<
  string,
  HolidayDefinition
>;
const files = new Map<string, JurisdictionFile>(
  readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.yaml') && name !== 'catalogue.yaml')
    .map((name) => parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as JurisdictionFile)
    .map((file) => [String(file.jurisdiction), file]),
);

function jurisdictionFile(jurisdiction: string): JurisdictionFile {
  const file = files.get(jurisdiction);
  if (!file) throw new UnknownJurisdictionError(jurisdiction);
  return file;
}

function definitionOf(entry: JurisdictionFile['holidays'][number]): HolidayDefinition {
  const shared = catalogue[entry.id];
  const merged = { ...shared, ...entry };
  if (!merged.rule || !merged.name_en || !merged.name_fr) {
    throw new Error(`Holiday ${entry.id} has no rule or name in its file or the catalogue`);
  }
  return merged as HolidayDefinition;
}

function keptIn(definition: HolidayDefinition, year: number): boolean {
  return (definition.from ?? -Infinity) <= year && year <= (definition.until ?? Infinity);
}

/** Every holiday of a jurisdiction in a year, in date order, each with its citation. */
export function holidaysIn(jurisdiction: Jurisdiction, year: number): Holiday[] {
  const file = jurisdictionFile(jurisdiction);
  const kept = file.holidays
    .map((entry) => ({ id: entry.id, definition: definitionOf(entry) }))
    .filter(({ definition }) => keptIn(definition, year))
    .map(({ id, definition }) => ({ id, definition, day: dateOfRule(definition.rule, year) }))
    .sort((a, b) => a.day - b.day);
  const taken = new Set<number>();
  return kept.map(({ id, definition, day }) => {
    const observed = file.weekend === 'next-business-day' ? nextFreeWeekday(day, kept, taken) : day;
    taken.add(observed);
    return {
      id,
      jurisdiction: file.jurisdiction,
      name_en: definition.name_en,
      name_fr: definition.name_fr,
      date: isoDate(day),
      observed: isoDate(observed),
      reference: file.reference,
    };
  });
}

/** A Saturday or Sunday holiday is kept on the next weekday that is not itself a holiday (25–26 December). */
function nextFreeWeekday(day: number, kept: readonly { day: number }[], taken: ReadonlySet<number>): number {
  if (!isWeekend(day)) return day;
  let candidate = day + 1;
  while (isWeekend(candidate) || taken.has(candidate) || kept.some((h) => h.day === candidate)) candidate++;
  return candidate;
}

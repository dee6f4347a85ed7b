import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NoParametersForDateError, UnknownParameterError } from './errors.ts';
import { isIsoDate } from './dates.ts';
import type { Citation, Coverage, EstimateBasis, ParameterSource, ParameterValue } from './types.ts';

/**
 * Dated parameters in OpenFisca style, one YAML file per parameter under src/rules/parameters/.
 * Each file must state `coverage_end`: past it (or before the first entry) we refuse to answer.
 */
export interface ParameterFile {
  readonly path: string;
  readonly descriptionEn: string;
  readonly descriptionFr: string;
  readonly unit: string;
  readonly reference: readonly Citation[];
  readonly coverageEnd: string;
  /**
   * The law's indexation rule, when one lets us estimate a period not published yet
   * (core/estimates.ts); `parts` are other parameters inside this amount that are indexed on their own.
   */
  readonly indexation?: { readonly rule: string; readonly parts: readonly string[] };
  /** Sorted by date ascending. A null value ends the previous one (no value in force). */
  readonly entries: readonly { readonly effective: string; readonly value: ParameterValue | null }[];
}

export interface ResolvedParameter {
  readonly file: string;
  readonly effective: string;
  readonly value: ParameterValue;
  readonly reference: readonly Citation[];
  readonly estimate?: EstimateBasis;
}

export const PARAMETERS_DIR = fileURLToPath(new URL('../parameters/', import.meta.url));

export class InvalidParameterFileError extends Error {
  constructor(file: string, problem: string) {
    super(`Parameter file ${file}: ${problem}`);
    this.name = 'InvalidParameterFileError';
  }
}

function readRecord(raw: unknown, file: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidParameterFileError(file, 'expected a mapping');
  }
  return raw as Record<string, unknown>;
}

function toValue(raw: unknown, file: string): ParameterValue | null {
  if (raw === null || typeof raw === 'number') return raw;
  const table = readRecord(raw, file);
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(table)) {
    if (typeof v !== 'number')
      throw new InvalidParameterFileError(file, `table entry ${key} is not a number`);
    out[key] = v;
  }
  return Object.freeze(out);
}

function toEntries(raw: unknown, file: string): ParameterFile['entries'] {
  const values = readRecord(raw, file);
  const entries = Object.entries(values).map(([effective, entry]) => {
    if (!isIsoDate(effective)) throw new InvalidParameterFileError(file, `bad date ${effective}`);
    return { effective, value: toValue(readRecord(entry, file)['value'], file) };
  });
  if (entries.length === 0) throw new InvalidParameterFileError(file, 'no values');
  return entries.sort((a, b) => (a.effective < b.effective ? -1 : 1));
}

function toReferences(raw: unknown, file: string): Citation[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new InvalidParameterFileError(file, 'reference missing');
  return raw.map((r) => {
    const rec = readRecord(r, file);
    if (typeof rec['title'] !== 'string' || typeof rec['href'] !== 'string') {
      throw new InvalidParameterFileError(file, 'reference needs title and href');
    }
    return { title: rec['title'], href: rec['href'] };
  });
}

function requireString(rec: Record<string, unknown>, key: string, file: string): string {
  const v = rec[key];
  if (typeof v !== 'string' || v === '') throw new InvalidParameterFileError(file, `${key} missing`);
  return v;
}

function toIndexation(raw: unknown, file: string): ParameterFile['indexation'] {
  if (raw === undefined) return undefined;
  const rec = readRecord(raw, file);
  const parts = rec['parts'] ?? [];
  if (typeof rec['rule'] !== 'string' || !Array.isArray(parts) || parts.some((p) => typeof p !== 'string'))
    throw new InvalidParameterFileError(file, 'indexation needs a rule and a list of parts');
  return { rule: rec['rule'], parts: parts as string[] };
}

export function parseParameterFile(path: string, text: string): ParameterFile {
  const file = `${path}.yaml`;
  const rec = readRecord(parse(text), file);
  const coverageEnd = requireString(rec, 'coverage_end', file);
  if (!isIsoDate(coverageEnd)) throw new InvalidParameterFileError(file, 'bad coverage_end');
  const indexation = toIndexation(rec['indexation'], file);
  return {
    path,
    descriptionEn: requireString(rec, 'description_en', file),
    descriptionFr: requireString(rec, 'description_fr', file),
    unit: requireString(rec, 'unit', file),
    reference: toReferences(rec['reference'], file),
    coverageEnd,
    ...(indexation ? { indexation } : {}),
    entries: toEntries(rec['values'], file),
  };
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The runs of dates with a value in force: each non-null entry up to the next null one or coverage_end. */
export function coveredRanges(file: ParameterFile): DateRange[] {
  const ranges: DateRange[] = [];
  let open: string | undefined;
  for (const entry of file.entries) {
    if (entry.effective > file.coverageEnd) break;
    if (entry.value === null && open !== undefined) {
      ranges.push({ from: open, to: dayBefore(entry.effective) });
      open = undefined;
    } else if (entry.value !== null && open === undefined) open = entry.effective;
  }
  if (open !== undefined) ranges.push({ from: open, to: file.coverageEnd });
  return ranges;
}

/**
 * What is on file around `date`: the last range that starts on or before it (so `to` is the last
 * covered date before a gap or the end), else the first range (a date before all coverage).
 */
export function nearestRange(parameter: string, ranges: readonly DateRange[], date: string): Coverage {
  const before = ranges.filter((r) => r.from <= date);
  const range = before[before.length - 1] ?? ranges[0];
  return { parameter, from: range?.from ?? null, to: range?.to ?? null };
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** The dates covered by both lists of sorted, disjoint ranges. */
export function intersectRanges(a: readonly DateRange[], b: readonly DateRange[]): DateRange[] {
  const out: DateRange[] = [];
  for (const x of a)
    for (const y of b) {
      const from = x.from > y.from ? x.from : y.from;
      const to = x.to < y.to ? x.to : y.to;
      if (from <= to) out.push({ from, to });
    }
  return out.sort((p, q) => (p.from < q.from ? -1 : 1));
}

/** The dated entry in force on `date`; throws rather than extrapolate. Allocates nothing. */
export function entryInForce(
  file: ParameterFile,
  date: string,
): { readonly effective: string; readonly value: ParameterValue } {
  if (date > file.coverageEnd) throw new NoParametersForDateError(file.path, date);
  let found: ParameterFile['entries'][number] | undefined;
  for (const entry of file.entries) {
    if (entry.effective > date) break;
    found = entry;
  }
  if (!found || found.value === null) throw new NoParametersForDateError(file.path, date);
  return found as { readonly effective: string; readonly value: ParameterValue };
}

/** Value in force on `date`, with where it comes from (for the trace). */
export function resolveParameter(file: ParameterFile, date: string): ResolvedParameter {
  const { effective, value } = entryInForce(file, date);
  return { file: `${file.path}.yaml`, effective, value, reference: file.reference };
}

/** Reads each file once, on first use, and keeps it for the life of the process. */
export class ParameterStore implements ParameterSource {
  private readonly files = new Map<string, ParameterFile>();

  constructor(private readonly dir: string = PARAMETERS_DIR) {}

  load(path: string): ParameterFile {
    const cached = this.files.get(path);
    if (cached) return cached;
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(path)) throw new UnknownParameterError(path);
    let text: string;
    try {
      text = readFileSync(`${this.dir}${path}.yaml`, 'utf8');
    } catch {
      throw new UnknownParameterError(path);
    }
    const file = parseParameterFile(path, text);
    this.files.set(path, file);
    return file;
  }

  resolve(path: string, date: string): ResolvedParameter {
    return resolveParameter(this.load(path), date);
  }

  /** The bare value, for untraced evaluation. */
  value(path: string, date: string): ParameterValue {
    return entryInForce(this.load(path), date).value;
  }

  param(path: string, date: string): number {
    const value = this.value(path, date);
    if (typeof value !== 'number') throw new InvalidParameterFileError(path, 'expected a number');
    return value;
  }

  table(path: string, date: string): Readonly<Record<string, number>> {
    const value = this.value(path, date);
    if (typeof value === 'number') throw new InvalidParameterFileError(path, 'expected a table');
    return value;
  }

  references(path: string): readonly Citation[] {
    return this.load(path).reference;
  }
}

export const defaultParameters = new ParameterStore();

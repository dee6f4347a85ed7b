import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PARAMETERS_DIR, defaultParameters } from './parameters.ts';
import type { ParameterFile, ParameterStore } from './parameters.ts';
import type { Citation, ParameterValue } from './types.ts';

/** A dated entry of a parameter: the version of it in force from `effective`. */
export interface ParameterVersion {
  readonly effective: string;
  readonly value: ParameterValue;
}

/** One parameter whose value in force differs between two dates, with the file's citations. */
export interface ParameterChange {
  /** e.g. `oas/max-monthly` (the file under src/rules/parameters, without `.yaml`). */
  readonly parameter: string;
  readonly descriptionEn: string;
  readonly descriptionFr: string;
  readonly unit: string;
  /** null: nothing on file on that date (before the first entry, past coverage_end, or ended). */
  readonly before: ParameterVersion | null;
  readonly after: ParameterVersion | null;
  readonly reference: readonly Citation[];
}

function listParameterPaths(dir: string, root: string = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listParameterPaths(path, root);
      return entry.name.endsWith('.yaml') ? [relative(root, path).replace(/\.yaml$/, '')] : [];
    })
    .sort();
}

/** The version in force on `date`, or null; never extrapolates past coverage_end. */
export function versionInForce(file: ParameterFile, date: string): ParameterVersion | null {
  if (date > file.coverageEnd) return null;
  let found: ParameterFile['entries'][number] | undefined;
  for (const entry of file.entries) {
    if (entry.effective > date) break;
    found = entry;
  }
  return found && found.value !== null ? { effective: found.effective, value: found.value } : null;
}

function sameVersion(a: ParameterVersion | null, b: ParameterVersion | null): boolean {
  if (a === null || b === null) return a === b;
  return a.effective === b.effective || JSON.stringify(a.value) === JSON.stringify(b.value);
}

/**
 * Every parameter whose value in force on `to` is not the one in force on `from`: a parameter release
 * seen as what it changes. A new dated entry with the same value is not a change.
 */
export function diffParameters(
  from: string,
  to: string,
  store: ParameterStore = defaultParameters,
  dir: string = PARAMETERS_DIR,
): ParameterChange[] {
  return listParameterPaths(dir).flatMap((path): ParameterChange[] => {
    const file = store.load(path);
    const before = versionInForce(file, from);
    const after = versionInForce(file, to);
    if (sameVersion(before, after)) return [];
    return [
      {
        parameter: path,
        descriptionEn: file.descriptionEn,
        descriptionFr: file.descriptionFr,
        unit: file.unit,
        before,
        after,
        reference: file.reference,
      },
    ];
  });
}

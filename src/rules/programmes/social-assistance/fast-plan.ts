import { NoParametersForDateError } from '../../core/errors.ts';
import type { ParameterSource } from '../../core/types.ts';

/** Parameter plans of the batch fast paths: values resolved once for a date, looked up by index. */

export type Table = Readonly<Record<string, number>>;

/** A parameter table in force on `asOf`, or undefined where the slow path would throw. */
export function tableOrUndefined(params: ParameterSource, path: string, asOf: string): Table | undefined {
  try {
    return params.table(path, asOf);
  } catch (error) {
    if (error instanceof NoParametersForDateError) return undefined;
    throw error;
  }
}

export function paramOrUndefined(params: ParameterSource, path: string, asOf: string): number | undefined {
  try {
    return params.param(path, asOf);
  } catch (error) {
    if (error instanceof NoParametersForDateError) return undefined;
    throw error;
  }
}

/** Values of keys `<prefix>-<n>` indexed by n (holes stay undefined). */
export function indexByCount(table: Table, prefix: string): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (!key.startsWith(`${prefix}-`)) continue;
    const n = key.slice(prefix.length + 1);
    if (/^\d+$/.test(n)) out[Number(n)] = value;
  }
  return out;
}

/** Rows `0..topSize` of a table keyed by unit size (holes stay undefined), for `rowAtOrMore`. */
export function sizeRowsOrMore(table: Table, topSize: number): (number | undefined)[] {
  return Array.from({ length: topSize + 1 }, (_, s) => table[String(s)]);
}

/** `rows[min(size, last index)]`: the "6 or more" lookup without building a key. */
export function rowAtOrMore(rows: readonly (number | undefined)[], size: number): number | undefined {
  return rows[Math.min(size, rows.length - 1)];
}

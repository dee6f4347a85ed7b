import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test support: reads the PolicyEngine Canada cases (AGPL data) from ../shared/oracle at run time.
 * Nothing from that folder is copied into this repository.
 */

export type Scalar = number | boolean | string;
export type Vars = Readonly<Record<string, Scalar>>;

export interface OracleCase {
  readonly id: string;
  readonly programme: string;
  readonly period: string;
  readonly input: {
    readonly people: Readonly<Record<string, Vars>>;
    readonly households: Readonly<Record<string, Vars & { members?: unknown }>>;
  };
  readonly expected: Readonly<Record<string, Scalar | Scalar[] | Record<string, Scalar>>>;
  readonly absolute_error_margin: number | null;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const ORACLE_DIR = resolve(repoRoot, '..', 'shared', 'oracle');
export const ORACLE_FILE = resolve(ORACLE_DIR, 'policyengine-canada-tests.jsonl');

export function oracleAvailable(): boolean {
  return existsSync(ORACLE_FILE);
}

export function loadOracleCases(programmes: readonly string[]): OracleCase[] {
  return readFileSync(ORACLE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OracleCase)
    .filter((c) => programmes.includes(c.programme));
}

export function people(c: OracleCase): [string, Vars][] {
  return Object.entries(c.input.people);
}

export function household(c: OracleCase): Vars {
  return Object.values(c.input.households)[0] ?? {};
}

/** PolicyEngine defaults: age 18, numbers 0, booleans false. */
export function num(vars: Vars, key: string, fallback = 0): number {
  const v = vars[key];
  return typeof v === 'number' ? v : fallback;
}

export function flag(vars: Vars, key: string): boolean {
  return vars[key] === true;
}

export function has(vars: Vars, key: string): boolean {
  return vars[key] !== undefined;
}

export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** What our engine answers for one PolicyEngine variable of one case. */
export type Answer =
  | { readonly kind: 'value'; readonly value: Scalar | Scalar[] }
  | { readonly kind: 'listed'; readonly reason: string }
  | { readonly kind: 'ignored' };

export type Evaluator = (c: OracleCase) => Answer;

export const value = (v: Scalar | Scalar[]): Answer => ({ kind: 'value', value: v });
export const listed = (reason: string): Answer => ({ kind: 'listed', reason });
export const cents = (v: number): number => v / 100;

/** PolicyEngine reads parameters on 1 January of the period; CCB values then are the July (period − 1) ones. */
export const periodStart = (c: OracleCase): string => `${c.period}-01-01`;

import { personIdOf } from './entitlement-fixtures.ts';

/** The kill -9 test's population: small enough for many kills a minute, large enough to die mid-run. */
export const CRASH_ENROLMENTS = 300;
export const CRASH_DEATHS: Record<string, string> = {
  [personIdOf(7)]: '2026-06-03',
  [personIdOf(8)]: '2025-11-30',
};

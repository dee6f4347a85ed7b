/**
 * The set-up of the overpayment and arrears tests: a few synthetic people's OAS entitlements, changed by new
 * decisions between two payment runs, so that a run finds what was paid too much (a debt) or too little.
 */
import type { EntitlementRow, EntitlementSource } from '../../../src/payments/run/run-ports.ts';
import { inMemoryEntitlements, personIdOf } from './entitlement-fixtures.ts';

/**
 * The n-th synthetic person's OAS entitlement over a period, monthly. Each decision id is its enrolment's
 * and its first month's, under `decisionPrefix` (eight hex digits): each test's decisions are its own.
 */
export function oasEntitlements(decisionPrefix: string) {
  return (n: number, validFrom: string, validTo: string | null, amountCents: number): EntitlementRow => ({
    enrolmentId: `oas-${String(n).padStart(8, '0')}`,
    personId: personIdOf(n),
    programmeId: 'oas',
    validFrom,
    validTo,
    amountCents,
    periodKind: 'month',
    decisionId: `${decisionPrefix}-0000-4000-8000-${String(n).padStart(8, '0')}${validFrom.slice(5, 7)}${validFrom.slice(2, 4)}`,
  });
}

/** Serves the schedule the test holds when the run reads it: a test sets new decisions between runs. */
export function changingEntitlements(schedule: () => readonly EntitlementRow[]): EntitlementSource {
  return {
    stream: (query) => inMemoryEntitlements(schedule()).stream(query),
    countEnrolments: (programmeId) => inMemoryEntitlements(schedule()).countEnrolments(programmeId),
  };
}

/**
 * December's OAS run as the release tests use it: synthetic people's entitlements (fixed seed), what the run
 * must pay computed apart from it, and the day it is released, after it is prepared and before it is paid.
 */
import type { EntitlementSource } from '../../../src/payments/run/run-ports.ts';
import { expectedTotals, inMemoryEntitlements, syntheticEntitlements } from './entitlement-fixtures.ts';

export const DECEMBER_RELEASE_DAY = new Date('2026-12-02T12:00:00Z');

export function decemberRunOf(enrolments: number): {
  readonly entitlements: EntitlementSource;
  readonly expected: ReturnType<typeof expectedTotals>;
} {
  const rows = syntheticEntitlements({ enrolments });
  return { entitlements: inMemoryEntitlements(rows), expected: expectedTotals(rows) };
}

import {
  HouseholdValidationError,
  InvalidDateError,
  NoParametersForDateError,
  UnknownProgrammeError,
  evaluateHousehold,
  validateHousehold,
} from '../rules/index.ts';
import type { ProgrammeResult, ValidationIssue } from '../rules/index.ts';

/** The stable output shape of `guichet evaluate` and `POST /api/v1/evaluate` (docs/rules-output.md). */
export interface EvaluationResponse {
  readonly asOf: string;
  readonly results: readonly ProgrammeResult[];
}

export interface EvaluationRequest {
  readonly household: unknown;
  readonly asOf: string;
  readonly programmes?: readonly string[];
  readonly trace?: boolean;
}

export type EvaluationOutcome =
  | { readonly ok: true; readonly response: EvaluationResponse }
  | { readonly ok: false; readonly kind: 'invalid-household'; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly kind: 'invalid-date' | 'unknown-programme'; readonly detail: string }
  | { readonly ok: false; readonly kind: 'no-parameters-for-date'; readonly date: string };

const NO_PARAMETERS = 'engine.no-parameters-for-date';

/**
 * Validates and evaluates one household. A programme without parameters for the date says so in its own
 * result; when nothing at all can be determined for that reason, the whole answer is "no parameters for
 * that date", never an estimate from the nearest year.
 */
export function evaluateRequest(request: EvaluationRequest): EvaluationOutcome {
  try {
    const household = validateHousehold(request.household);
    const { results } = evaluateHousehold(household, {
      asOf: request.asOf,
      trace: request.trace ?? true,
      ...(request.programmes && request.programmes.length > 0 ? { programmes: request.programmes } : {}),
    });
    if (nothingDeterminedForLackOfParameters(results)) {
      return { ok: false, kind: 'no-parameters-for-date', date: request.asOf };
    }
    return { ok: true, response: { asOf: request.asOf, results } };
  } catch (error) {
    if (error instanceof HouseholdValidationError)
      return { ok: false, kind: 'invalid-household', issues: error.issues };
    if (error instanceof InvalidDateError) return { ok: false, kind: 'invalid-date', detail: error.message };
    if (error instanceof UnknownProgrammeError)
      return { ok: false, kind: 'unknown-programme', detail: error.message };
    if (error instanceof NoParametersForDateError)
      return { ok: false, kind: 'no-parameters-for-date', date: request.asOf };
    throw error;
  }
}

/** Nothing could be determined, and at least part of why is that the date is outside the parameters. */
function nothingDeterminedForLackOfParameters(results: readonly ProgrammeResult[]): boolean {
  return (
    results.length > 0 &&
    results.every((r) => r.status === 'cannot-tell') &&
    results.some((r) => r.reasons.includes(NO_PARAMETERS))
  );
}

import {
  HouseholdValidationError,
  InvalidDateError,
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
  /** Estimate unpublished rates by the law's indexation formula (marked in each result); default off. */
  readonly estimates?: boolean;
  /** The household was checked against the published Household schema by the route (its body schema). */
  readonly shapeChecked?: boolean;
}

export type EvaluationOutcome =
  | { readonly ok: true; readonly response: EvaluationResponse }
  | { readonly ok: false; readonly kind: 'invalid-household'; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly kind: 'invalid-date' | 'unknown-programme'; readonly detail: string };

/**
 * Validates and evaluates one household. A programme whose rates do not cover the date says so in its
 * own result (`rates-not-on-file`, with the range on file); the others still answer.
 */
export function evaluateRequest(request: EvaluationRequest): EvaluationOutcome {
  try {
    const household = validateHousehold(request.household, undefined, {
      shapeChecked: request.shapeChecked ?? false,
    });
    const { results } = evaluateHousehold(household, {
      asOf: request.asOf,
      trace: request.trace ?? true,
      estimates: request.estimates ?? false,
      ...(request.programmes && request.programmes.length > 0 ? { programmes: request.programmes } : {}),
    });
    return { ok: true, response: { asOf: request.asOf, results } };
  } catch (error) {
    if (error instanceof HouseholdValidationError)
      return { ok: false, kind: 'invalid-household', issues: error.issues };
    if (error instanceof InvalidDateError) return { ok: false, kind: 'invalid-date', detail: error.message };
    if (error instanceof UnknownProgrammeError)
      return { ok: false, kind: 'unknown-programme', detail: error.message };
    throw error;
  }
}

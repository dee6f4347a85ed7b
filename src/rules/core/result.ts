import type {
  Citation,
  EvaluationContext,
  Period,
  ProgrammeId,
  ProgrammeResult,
  ReasonCode,
} from './types.ts';

/** Builders that keep the invariant: eligible ⇔ annualCents > 0; cannot-tell ⇔ annualCents null. */

interface Common {
  readonly programme: ProgrammeId;
  readonly personId?: string;
  readonly reasons: readonly ReasonCode[];
  readonly citations: readonly Citation[];
}

/**
 * Every result is built by this one literal, so all of them share one object shape (two, with and without
 * `personId`): spreading `common` twice per result cost more than the rules of a couple (issue #12 profile).
 */
function result(
  common: Common,
  status: ProgrammeResult['status'],
  amount: { annualCents: number | null; periodCents: number | null; period: Period | null },
  missingFacts: readonly string[],
  ctx: EvaluationContext,
): ProgrammeResult {
  const { programme, personId, reasons, citations } = common;
  const { annualCents, periodCents, period } = amount;
  const trace = ctx.takeTrace();
  return personId === undefined
    ? { programme, status, annualCents, periodCents, period, reasons, missingFacts, citations, trace }
    : {
        programme,
        personId,
        status,
        annualCents,
        periodCents,
        period,
        reasons,
        missingFacts,
        citations,
        trace,
      };
}

const NONE = { annualCents: 0, periodCents: 0, period: null } as const;
const UNKNOWN = { annualCents: null, periodCents: null, period: null } as const;
const NO_FACTS: readonly string[] = Object.freeze([]);

export function notEligibleResult(common: Common, ctx: EvaluationContext): ProgrammeResult {
  return result(common, 'not-eligible', NONE, NO_FACTS, ctx);
}

export function cannotTellResult(
  common: Common,
  missingFacts: readonly string[],
  ctx: EvaluationContext,
): ProgrammeResult {
  return result(common, 'cannot-tell', UNKNOWN, missingFacts, ctx);
}

/** An amount of zero is reported as not eligible, with the reasons given. */
export function amountResult(
  common: Common,
  amount: { annualCents: number; periodCents: number; period: Period },
  ctx: EvaluationContext,
): ProgrammeResult {
  if (amount.annualCents <= 0) return notEligibleResult(common, ctx);
  return result(common, 'eligible', amount, NO_FACTS, ctx);
}

/**
 * Household figure used by the batch path: the sum of eligible results, else NaN if any result
 * cannot tell, else 0.
 */
export function householdAnnualCents(results: readonly ProgrammeResult[]): number {
  let sum = 0;
  let unknown = false;
  for (const r of results) {
    if (r.status === 'eligible') sum += r.annualCents ?? 0;
    else if (r.status === 'cannot-tell' || r.status === 'rates-not-on-file') unknown = true;
  }
  if (sum > 0) return sum;
  return unknown ? Number.NaN : 0;
}

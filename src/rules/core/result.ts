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

function base(common: Common): Omit<Common, 'personId'> & { personId?: string } {
  return common.personId === undefined ? { ...common } : { ...common, personId: common.personId };
}

export function notEligibleResult(common: Common, ctx: EvaluationContext): ProgrammeResult {
  return {
    ...base(common),
    status: 'not-eligible',
    annualCents: 0,
    periodCents: 0,
    period: null,
    missingFacts: [],
    trace: ctx.takeTrace(),
  };
}

export function cannotTellResult(
  common: Common,
  missingFacts: readonly string[],
  ctx: EvaluationContext,
): ProgrammeResult {
  return {
    ...base(common),
    status: 'cannot-tell',
    annualCents: null,
    periodCents: null,
    period: null,
    missingFacts,
    trace: ctx.takeTrace(),
  };
}

/** An amount of zero is reported as not eligible, with the reasons given. */
export function amountResult(
  common: Common,
  amount: { annualCents: number; periodCents: number; period: Period },
  ctx: EvaluationContext,
): ProgrammeResult {
  if (amount.annualCents <= 0) return notEligibleResult(common, ctx);
  return {
    ...base(common),
    status: 'eligible',
    annualCents: amount.annualCents,
    periodCents: amount.periodCents,
    period: amount.period,
    missingFacts: [],
    trace: ctx.takeTrace(),
  };
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

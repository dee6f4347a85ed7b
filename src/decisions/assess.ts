import { evaluateHousehold, validateHousehold, HouseholdValidationError } from '../rules/index.ts';
import type { Household, ProgrammeResult } from '../rules/index.ts';
import { HIGHEST_AUTOMATED_LEVEL } from './programme-policy.ts';
import type { ProgrammePolicy } from './programme-policy.ts';
import { processRuleSetVersion } from './rule-set.ts';
import type { RuleSetVersion } from './rule-set.ts';
import type { PeriodKind, Recommendation } from './decisions.tables.ts';

/** An award as the entitlement schedule pays it. */
export interface Award {
  readonly amountCents: number;
  readonly periodKind: PeriodKind;
  readonly annualCents: number;
}

/** What the rules found for one application, and what may be done with it. */
export interface Assessment {
  readonly asOf: string;
  readonly applicantId: string;
  readonly result: ProgrammeResult | null;
  readonly version: RuleSetVersion;
  readonly recommendation: Recommendation;
  /** The rules may decide alone: a clear answer, an approval, a level that allows it, no second person needed. */
  readonly automated: boolean;
  readonly award: Award | null;
  readonly effectiveFrom: string;
}

const NO_RESULT: RuleSetVersion = { commit: 'none', files: {}, hash: 'none' };

/** The first of the month after `date`, or the day itself, as the programme's legislation starts payment. */
export function effectiveFrom(programme: ProgrammePolicy, date: string): string {
  if (programme.start === 'application-date') return date;
  const [year = 0, month = 1] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month, 1));
  return next.toISOString().slice(0, 10);
}

/** Amounts by period as payments pays them: monthly, or every two weeks for weekly benefits (EI). */
export function awardOf(result: ProgrammeResult): Award | null {
  if (result.status !== 'eligible' || result.annualCents === null || result.annualCents <= 0) return null;
  const annualCents = result.annualCents;
  if (result.period === 'week' && result.periodCents !== null)
    return { amountCents: result.periodCents * 2, periodKind: 'biweekly', annualCents };
  if (result.period === 'month' && result.periodCents !== null)
    return { amountCents: result.periodCents, periodKind: 'month', annualCents };
  return { amountCents: Math.round(annualCents / 12), periodKind: 'month', annualCents };
}

function recommendationOf(result: ProgrammeResult | null): Recommendation {
  if (result === null || result.estimate) return 'cannot-tell';
  if (result.status === 'eligible') return 'approve';
  if (result.status === 'not-eligible') return 'refuse';
  return 'cannot-tell';
}

/** The result about the applicant: theirs for a person-level programme (OAS), else the household's (CCB). */
export function applicantResult(
  results: readonly ProgrammeResult[],
  applicantId: string,
): ProgrammeResult | null {
  return (
    results.find((r) => r.personId === applicantId) ?? results.find((r) => r.personId === undefined) ?? null
  );
}

function applicantOf(household: Household, personId: string): string {
  return household.people.find((p) => p.id === personId)?.id ?? household.people[0]?.id ?? personId;
}

/**
 * Runs the rules for one application, as of a date, and says whether the rules may decide alone. Estimated
 * rates never decide (EvaluateOptions.estimates stays off); a refusal always goes to a person (ADR 0017).
 */
export function assess(
  input: unknown,
  personId: string,
  programme: ProgrammePolicy,
  asOf: string,
  fourEyesAboveCents: number,
  /** How the rule set's version is found; a batch passes `batchRuleSetVersion()` to hash each file once. */
  versionOf: (result: ProgrammeResult) => RuleSetVersion = processRuleSetVersion,
): Assessment {
  let household: Household;
  try {
    household = validateHousehold(input, asOf);
  } catch (error) {
    if (!(error instanceof HouseholdValidationError)) throw error;
    const from = effectiveFrom(programme, asOf);
    return {
      asOf,
      applicantId: personId,
      result: null,
      version: NO_RESULT,
      recommendation: 'cannot-tell',
      automated: false,
      award: null,
      effectiveFrom: from,
    };
  }
  const applicantId = applicantOf(household, personId);
  const output = evaluateHousehold(household, { asOf, programmes: [programme.rules] });
  const result = applicantResult(output.results, applicantId);
  const recommendation = recommendationOf(result);
  const award = result ? awardOf(result) : null;
  const automated =
    recommendation === 'approve' &&
    programme.impactLevel <= HIGHEST_AUTOMATED_LEVEL &&
    award !== null &&
    award.amountCents <= fourEyesAboveCents;
  return {
    asOf,
    applicantId,
    result,
    version: result ? versionOf(result) : NO_RESULT,
    recommendation,
    automated,
    award,
    effectiveFrom: effectiveFrom(programme, asOf),
  };
}

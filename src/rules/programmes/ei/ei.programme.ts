import { untracedContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type {
  Citation,
  EvaluationContext,
  FastEvaluator,
  ParameterSource,
  Programme,
  ProgrammeResult,
} from '../../core/types.ts';
import type { EiFacts, Household, Person } from '../../model/household.ts';
import { nineBandKey, rateInTenths, scheduleRowStart, twelveBandKey } from './ei-bands.ts';
import { weeklyBenefit } from './ei-benefit.ts';
import { isLongTenuredMeasureInForce, isWaitingPeriodWaived, regionalRateForClaim } from './ei-pilot-24.ts';
import { benefitPeriodStart, bestWeeksEarnings, totalHours, weeksInQualifyingPeriod } from './ei-weeks.ts';

/**
 * EI regular benefits, one result per person who has EI facts (`person.ei`). The claim is dated by
 * the benefit period start derived from the separation date, and every parameter is read at that
 * date (not at `asOf`): a claim keeps the rules of the week it began. `periodCents` is the weekly
 * rate; `annualCents` is the whole entitlement of the benefit period (weekly rate × weeks payable),
 * which is paid within 52 weeks (EI Act s. 10(2)).
 */

const PROGRAMME = 'ei-regular';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Employment Insurance Act, s. 7',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/E-5.6/section-7.html',
  },
  {
    title: 'Employment Insurance Act, s. 14',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/E-5.6/section-14.html',
  },
  {
    title: 'Employment Insurance Act, Schedule I',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/E-5.6/FullText.html',
  },
];

interface Claim {
  readonly person: Person;
  readonly ei: EiFacts;
  readonly start: string;
  readonly tenths: number;
  readonly hours: number;
  readonly reasons: string[];
}

/** Facts a claim cannot do without, with the reason code given when each is missing. */
function missingFacts(ei: EiFacts, index: number): { path: string; reason: string }[] {
  const missing: { path: string; reason: string }[] = [];
  if (ei.regionalUnemploymentRate === undefined) {
    missing.push({
      path: `/people/${index}/ei/regionalUnemploymentRate`,
      reason: 'ei.regional-rate-missing',
    });
  }
  if (ei.separationDate === undefined) {
    missing.push({ path: `/people/${index}/ei/separationDate`, reason: 'ei.separation-date-missing' });
  }
  return missing;
}

function openClaim(person: Person, ei: EiFacts, ctx: EvaluationContext): Claim {
  const start = benefitPeriodStart(ei.separationDate ?? '');
  const rate = regionalRateForClaim(rateInTenths(ei.regionalUnemploymentRate ?? 0), start, ctx);
  const length = ctx.param('ei/qualifying-period-weeks', start);
  const hours = Math.floor(totalHours(weeksInQualifyingPeriod(ei.weeks, start, length)));
  const reasons = rate.deemed ? ['ei.regional-rate-deemed-pilot-24'] : [];
  ctx.step('ei.qualifying-period', {
    inputs: { benefitPeriodStart: start, regionalRatePercent: rate.tenths / 10, insurableHours: hours },
  });
  return { person, ei, start, tenths: rate.tenths, hours, reasons };
}

function meetsEntranceRequirement(claim: Claim, ctx: EvaluationContext): boolean {
  const required =
    ctx.table('ei/entrance-requirement-hours', claim.start)[nineBandKey(claim.tenths)] ?? Infinity;
  const meets = claim.hours >= required;
  ctx.step('ei.entrance-requirement', {
    inputs: { insurableHours: claim.hours, requiredHours: required, meets },
  });
  return meets;
}

function weeksPayable(claim: Claim, ctx: EvaluationContext): number {
  const table = ctx.table('ei/weeks-of-benefits', claim.start);
  const weeks = table[`${scheduleRowStart(claim.hours) ?? 0}/${twelveBandKey(claim.tenths)}`] ?? 0;
  ctx.step('ei.weeks-of-benefits', { inputs: { insurableHours: claim.hours, weeks } });
  return weeks;
}

function weeklyRateCents(claim: Claim, ctx: EvaluationContext): number {
  const divisor = ctx.table('ei/best-weeks', claim.start)[nineBandKey(claim.tenths)] ?? 22;
  const length = ctx.param('ei/qualifying-period-weeks', claim.start);
  const bestWeeksCents = bestWeeksEarnings(
    weeksInQualifyingPeriod(claim.ei.weeks, claim.start, length),
    divisor,
  );
  const maximumInsurableCents = ctx.param('ei/maximum-insurable-earnings', claim.start);
  const benefitRate = ctx.param('ei/benefit-rate', claim.start);
  const result = weeklyBenefit({ bestWeeksCents, divisor, maximumInsurableCents, benefitRate });
  if (result.capped) claim.reasons.push('ei.weekly-rate-capped-at-maximum');
  ctx.step('ei.weekly-rate', { inputs: { bestWeeksCents, divisor }, resultCents: result.weeklyCents });
  return result.weeklyCents;
}

/** EI Act s. 13: one unpaid week; it does not shorten the weeks payable. Reported, not deducted. */
function noteWaitingAndPilot(claim: Claim, ctx: EvaluationContext): void {
  const waived = isWaitingPeriodWaived(claim.start, ctx);
  claim.reasons.push(waived ? 'ei.waiting-period-waived-pilot-24' : 'ei.waiting-period-applies');
  if (isLongTenuredMeasureInForce(claim.start, ctx)) claim.reasons.push('ei.long-tenured-not-assessed');
  const unpaidWeeks = waived ? 0 : ctx.param('ei/waiting-period-weeks', claim.start);
  ctx.step('ei.waiting-period', { inputs: { waived, unpaidWeeks } });
}

function evaluateClaim(claim: Claim, ctx: EvaluationContext): ProgrammeResult {
  const common = { programme: PROGRAMME, personId: claim.person.id, citations: CITATIONS };
  if (!meetsEntranceRequirement(claim, ctx)) {
    return notEligibleResult(
      { ...common, reasons: [...claim.reasons, 'ei.hours-below-entrance-requirement'] },
      ctx,
    );
  }
  const weeks = weeksPayable(claim, ctx);
  const weekly = weeklyRateCents(claim, ctx);
  noteWaitingAndPilot(claim, ctx);
  const reasons = ['ei.entrance-requirement-met', ...claim.reasons];
  return amountResult(
    { ...common, reasons },
    { annualCents: weekly * weeks, periodCents: weekly, period: 'week' },
    ctx,
  );
}

function evaluatePerson(person: Person, index: number, ctx: EvaluationContext): ProgrammeResult[] {
  if (!person.ei) return [];
  const missing = missingFacts(person.ei, index);
  if (missing.length === 0) return [evaluateClaim(openClaim(person, person.ei, ctx), ctx)];
  const common = {
    programme: PROGRAMME,
    personId: person.id,
    reasons: missing.map((m) => m.reason),
    citations: CITATIONS,
  };
  return [
    cannotTellResult(
      common,
      missing.map((m) => m.path),
      ctx,
    ),
  ];
}

/** The entitlement `evaluateClaim` pays, through the same steps and parameter reads, without a result. */
function entitlementCents(claim: Claim, ctx: EvaluationContext): number {
  if (!meetsEntranceRequirement(claim, ctx)) return 0;
  const weeks = weeksPayable(claim, ctx);
  const weekly = weeklyRateCents(claim, ctx);
  noteWaitingAndPilot(claim, ctx);
  return weekly * weeks;
}

/**
 * Batch fast path. Parameters are read at each claim's benefit period start (not at `asOf`), so
 * there is no plan to resolve up front: claims reuse the traced path's steps on an untraced
 * context; people without EI facts cost one property read and allocate nothing.
 */
function compileEi(_asOf: string, params: ParameterSource): FastEvaluator {
  const ctx = untracedContext(params);
  return (household) => {
    let sum = 0;
    let unknown = false;
    try {
      for (const person of household.people) {
        const ei = person.ei;
        if (ei === undefined) continue;
        if (ei.regionalUnemploymentRate === undefined || ei.separationDate === undefined) unknown = true;
        else sum += entitlementCents(openClaim(person, ei, ctx), ctx);
      }
    } catch (error) {
      if (error instanceof NoParametersForDateError) return Number.NaN;
      throw error;
    }
    if (sum > 0) return sum;
    return unknown ? Number.NaN : 0;
  };
}

export const eiRegularProgramme: Programme = {
  id: PROGRAMME,
  evaluate(household: Household, _asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    const results = household.people.flatMap((person, index) => evaluatePerson(person, index, ctx));
    if (results.length > 0) return results;
    // No one has told us of a job that ended: one household answer, so every programme answers.
    const common = { programme: PROGRAMME, reasons: ['ei.no-job-separation'], citations: CITATIONS };
    return [notEligibleResult(common, ctx)];
  },
  compile: compileEi,
};

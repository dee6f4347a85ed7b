import { ageOn, monthIndex, yearOf } from '../../core/dates.ts';
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
import type { CppFacts, Household, Person } from '../../model/household.ts';
import { applyDropOuts, type DropOutResult } from './cpp-drop-outs.ts';
import { earningsYears, maximumPensionableEarningsAverage, type EarningsYear } from './cpp-earnings.ts';
import { adjustForAge, pensionComponents, unadjustedCents } from './cpp-pension.ts';
import { ageMonths, contributoryPeriod, monthsFromNormalStart, type AgeMonths } from './cpp-period.ts';

/**
 * CPP retirement pension, one result per person with CPP facts (and a cannot-tell for anyone aged
 * 60 or more without them). The pension starts on `cpp.pensionStartDate` (its month), else in the
 * month of `asOf` ("if it started now"). `periodCents` is the monthly pension at its start;
 * `annualCents` is 12 times it (January indexation, CPP s. 45, is not projected).
 *
 * Simplifications (the model holds yearly earnings): a year's earnings are spread evenly over its
 * months in the contributory period, capped at the YMPE pro-rated to those months; a year at or
 * below the basic exemption counts as zero; years absent from `earningsByYear` count as zero; the
 * over-65 drop-out (s. 48(3)) only removes whole calendar years after 65 with below-average
 * earnings (it does not substitute them for earlier months); months of CPP disability, credit
 * splits and post-retirement benefits are not modelled; the additional (enhancement) earnings
 * are summed over all years since 2019 and divided by 480, which equals the best-480-months
 * average while fewer than 40 years of enhancement exist.
 */

const PROGRAMME = 'cpp-retirement';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Canada Pension Plan, ss. 46–51',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/C-8/page-11.html',
  },
  {
    title: 'Canada Pension Plan Regulations, ss. 78.3–78.4',
    href: 'https://laws-lois.justice.gc.ca/eng/regulations/C.R.C.,_c._385/',
  },
];

interface Claim {
  readonly person: Person;
  readonly cpp: CppFacts;
  readonly start: string;
  readonly ages: AgeMonths;
  readonly reasons: string[];
}

function openClaim(person: Person, cpp: CppFacts, asOf: string, ctx: EvaluationContext): Claim {
  const start = `${(cpp.pensionStartDate ?? asOf).slice(0, 7)}-01`;
  const a = ctx.table('cpp/age-adjustment', start);
  const ages = ageMonths(person.birthDate, {
    earliest: a['earliest-age'] ?? 60,
    normal: a['normal-age'] ?? 65,
    latest: a['latest-age'] ?? 70,
  });
  const reasons = cpp.pensionStartDate === undefined ? ['cpp.start-date-assumed'] : [];
  return { person, cpp, start, ages, reasons };
}

function dropOuts(claim: Claim, years: readonly EarningsYear[], ctx: EvaluationContext): DropOutResult {
  const averaging = ctx.table('cpp/averaging', claim.start);
  const result = applyDropOuts(years, new Set(claim.cpp.childRearingYears ?? []), {
    basicMonths: averaging['basic-months'] ?? 120,
    generalDropOutRate: averaging['general-drop-out'] ?? 0,
    after65Year: Math.ceil(claim.ages.normalStart / 12),
  });
  if (result.childRearingMonths > 0) claim.reasons.push('cpp.child-rearing-drop-out-applied');
  if (result.generalMonths > 0) claim.reasons.push('cpp.general-drop-out-applied');
  ctx.step('cpp.drop-outs', { inputs: { ...result } });
  return result;
}

function basePensionCents(claim: Claim, ctx: EvaluationContext): number | null {
  const averaging = ctx.table('cpp/averaging', claim.start);
  const startMonth = monthIndex(claim.start);
  const period = contributoryPeriod(claim.person.birthDate, startMonth, claim.ages);
  const mpea = maximumPensionableEarningsAverage(yearOf(claim.start), averaging['mpea-years'] ?? 5, ctx);
  ctx.step('cpp.contributory-period', {
    inputs: { firstMonth: period.first, lastMonth: period.last, mpeaCents: mpea },
  });
  const years = earningsYears(claim.cpp, period, mpea, ctx);
  if (!years.some((y) => y.adjustedMonthly > 0)) return null;
  const drop = dropOuts(claim, years, ctx);
  const r = ctx.table('cpp/replacement-rates', claim.start);
  const rates = {
    base: r['base'] ?? 0,
    firstAdditional: r['first-additional'] ?? 0,
    secondAdditional: r['second-additional'] ?? 0,
  };
  const components = pensionComponents(
    drop.totalCents / drop.divisorMonths,
    years,
    rates,
    averaging['additional-months'] ?? 480,
  );
  if (components.firstAdditionalCents + components.secondAdditionalCents > 0)
    claim.reasons.push('cpp.enhancement-included');
  const cents = unadjustedCents(components);
  ctx.step('cpp.pension-at-65', { inputs: { ...components }, resultCents: cents });
  return cents;
}

function adjustedCents(claim: Claim, cents: number, ctx: EvaluationContext): number {
  const a = ctx.table('cpp/age-adjustment', claim.start);
  const months = monthsFromNormalStart(monthIndex(claim.start), claim.ages);
  if (months < 0) claim.reasons.push('cpp.early-reduction');
  if (months > 0) claim.reasons.push('cpp.late-increase');
  const perMonth = { reduction: a['reduction-per-month'] ?? 0, increase: a['increase-per-month'] ?? 0 };
  const adjusted = adjustForAge(cents, months, perMonth);
  ctx.step('cpp.age-adjustment', { inputs: { monthsFromAge65: months }, resultCents: adjusted });
  return adjusted;
}

function evaluateClaim(claim: Claim, ctx: EvaluationContext): ProgrammeResult {
  const common = { programme: PROGRAMME, personId: claim.person.id, citations: CITATIONS };
  if (monthIndex(claim.start) < claim.ages.earliestStart) {
    ctx.step('cpp.minimum-age', { inputs: { start: claim.start } });
    return notEligibleResult({ ...common, reasons: [...claim.reasons, 'cpp.under-60'] }, ctx);
  }
  const base = basePensionCents(claim, ctx);
  if (base === null)
    return notEligibleResult({ ...common, reasons: [...claim.reasons, 'cpp.no-valid-contribution'] }, ctx);
  const monthly = adjustedCents(claim, base, ctx);
  return amountResult(
    { ...common, reasons: claim.reasons },
    { annualCents: monthly * 12, periodCents: monthly, period: 'month' },
    ctx,
  );
}

function evaluatePerson(
  person: Person,
  index: number,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult[] {
  if (person.cpp) return [evaluateClaim(openClaim(person, person.cpp, asOf, ctx), ctx)];
  if (ageOn(person.birthDate, asOf) < 60) return [];
  const common = {
    programme: PROGRAMME,
    personId: person.id,
    reasons: ['cpp.earnings-missing'],
    citations: CITATIONS,
  };
  return [cannotTellResult(common, [`/people/${index}/cpp/earningsByYear`], ctx)];
}

/** The annual amount `evaluateClaim` pays, through the same steps and parameter reads, without a result. */
function claimAnnualCents(claim: Claim, ctx: EvaluationContext): number {
  if (monthIndex(claim.start) < claim.ages.earliestStart) return 0;
  const base = basePensionCents(claim, ctx);
  return base === null ? 0 : adjustedCents(claim, base, ctx) * 12;
}

/**
 * Batch fast path. Parameters are read at each pension's start month, which varies by person, so
 * claims reuse the traced path's steps on an untraced context; people without CPP facts cost an
 * age test and allocate nothing (60 or older: cannot tell, as in `evaluatePerson`).
 */
function compileCpp(asOf: string, params: ParameterSource): FastEvaluator {
  const ctx = untracedContext(params);
  return (household) => {
    let sum = 0;
    let unknown = false;
    try {
      for (const person of household.people) {
        const cpp = person.cpp;
        if (cpp !== undefined) sum += claimAnnualCents(openClaim(person, cpp, asOf, ctx), ctx);
        else if (ageOn(person.birthDate, asOf) >= 60) unknown = true;
      }
    } catch (error) {
      if (error instanceof NoParametersForDateError) return Number.NaN;
      throw error;
    }
    if (sum > 0) return sum;
    return unknown ? Number.NaN : 0;
  };
}

/**
 * A Quebec resident is covered by the Quebec Pension Plan instead (CPP s. 3 "province providing a
 * comprehensive pension plan"; qpp-retirement); a household with no one to evaluate gets one result
 * saying no one is 60 yet, so every programme answers.
 */
function evaluateCpp(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
  const common = { programme: PROGRAMME, citations: CITATIONS };
  if (household.province === 'QC')
    return [notEligibleResult({ ...common, reasons: ['cpp.quebec-resident'] }, ctx)];
  const results = household.people.flatMap((person, index) => evaluatePerson(person, index, asOf, ctx));
  return results.length > 0 ? results : [notEligibleResult({ ...common, reasons: ['cpp.under-60'] }, ctx)];
}

export const cppRetirementProgramme: Programme = {
  id: PROGRAMME,
  evaluate: evaluateCpp,
  compile(asOf, params) {
    const evaluate = compileCpp(asOf, params);
    return (household) => (household.province === 'QC' ? 0 : evaluate(household));
  },
};

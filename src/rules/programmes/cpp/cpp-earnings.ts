import type { EvaluationContext } from '../../core/types.ts';
import type { CppFacts } from '../../model/household.ts';
import { monthsInYear, type ContributoryPeriod } from './cpp-period.ts';

/**
 * One calendar year of the contributory period. Annual earnings are spread evenly over the year's
 * months in the period (the model holds yearly earnings, not monthly ones). Amounts are cents, kept
 * as exact-enough floats until each pension component is rounded.
 */
export interface EarningsYear {
  readonly year: number;
  readonly months: number;
  /** Base pensionable earnings per month, indexed to the MPEA (CPP s. 51(1): A × MPEA ÷ YMPE). */
  readonly adjustedMonthly: number;
  /** First additional pensionable earnings of the year, indexed (ss. 50.1, 51(1)). */
  readonly firstAdditional: number;
  /** Second additional pensionable earnings of the year (between YMPE and YAMPE), indexed (s. 50.2). */
  readonly secondAdditional: number;
}

function yearParams(year: number, ctx: EvaluationContext) {
  const date = `${year}-01-01`;
  return {
    ympe: ctx.param('cpp/ympe', date),
    yampe: ctx.param('cpp/yampe', date),
    exemption: ctx.param('cpp/basic-exemption', date),
    factor: ctx.param('cpp/first-additional-factor', date),
  };
}

/**
 * Unadjusted pensionable earnings (s. 53): earnings up to the YMPE, pro-rated for a part year. A year
 * whose earnings do not exceed the basic exemption carries no contribution and counts as zero.
 */
function buildYear(
  year: number,
  months: number,
  earned: number,
  mpea: number,
  ctx: EvaluationContext,
): EarningsYear {
  const p = yearParams(year, ctx);
  const valid = earned > p.exemption;
  const base = valid ? Math.min(earned, (p.ympe * months) / 12) : 0;
  const upper = valid ? Math.min(earned, (p.yampe * months) / 12) : 0;
  const index = mpea / p.ympe;
  return {
    year,
    months,
    adjustedMonthly: (base * index) / months,
    firstAdditional: base * p.factor * index,
    secondAdditional: Math.max(0, upper - base) * index,
  };
}

/** Every year of the period, missing years counting as zero earnings (as on a Statement of Contributions). */
export function earningsYears(
  cpp: CppFacts,
  period: ContributoryPeriod,
  mpea: number,
  ctx: EvaluationContext,
): EarningsYear[] {
  const years: EarningsYear[] = [];
  for (let year = Math.floor(period.first / 12); year <= Math.floor(period.last / 12); year++) {
    const months = monthsInYear(period, year);
    if (months === 0) continue;
    years.push(buildYear(year, months, cpp.earningsByYear[String(year)] ?? 0, mpea, ctx));
  }
  return years;
}

/** CPP s. 2(1): Maximum Pensionable Earnings Average, the mean YMPE of the start year and the 4 before. */
export function maximumPensionableEarningsAverage(
  startYear: number,
  count: number,
  ctx: EvaluationContext,
): number {
  let total = 0;
  for (let y = startYear - count + 1; y <= startYear; y++) total += ctx.param('cpp/ympe', `${y}-01-01`);
  return total / count;
}

import { divideRounded } from '../../core/money.ts';

const PPM = 1_000_000;

export interface WeeklyBenefitInput {
  /** Insurable earnings of the best weeks, in cents. */
  readonly bestWeeksCents: number;
  /** Number of best weeks (the divisor of s. 14(2)), even if fewer weeks were worked. */
  readonly divisor: number;
  /** Maximum yearly insurable earnings, in cents. */
  readonly maximumInsurableCents: number;
  readonly benefitRate: number;
}

export interface WeeklyBenefit {
  readonly weeklyCents: number;
  readonly capped: boolean;
}

/**
 * EI Act s. 14(1)–(2): rate = 55 % of weekly insurable earnings = best-weeks earnings ÷ divisor,
 * capped at maximum yearly insurable earnings ÷ 52 (s. 14(1.1)). The average is kept as an exact
 * fraction; only the benefit is rounded, to the nearest dollar with halves up (s. 6(2)).
 */
export function weeklyBenefit(input: WeeklyBenefitInput): WeeklyBenefit {
  const capped = input.bestWeeksCents * 52 > input.maximumInsurableCents * input.divisor;
  const [numerator, denominator] = capped
    ? [input.maximumInsurableCents, 52]
    : [input.bestWeeksCents, input.divisor];
  const ratePpm = Math.round(input.benefitRate * PPM);
  const dollars = divideRounded(numerator * ratePpm, denominator * PPM * 100, 'half-up');
  return { weeklyCents: dollars * 100, capped };
}

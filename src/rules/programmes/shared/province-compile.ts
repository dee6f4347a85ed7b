import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import { householdAnnualCents } from '../../core/result.ts';
import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household, ProvinceCode } from '../../model/household.ts';

type Evaluate = (h: Household, asOf: string, ctx: EvaluationContext) => ProgrammeResult[];

/**
 * The batch path of a provincial programme that has no compiled plan of its own: 0 outside the province
 * (what `evaluate` answers there, before reading any parameter), the untraced rules inside it. Most of a
 * national population lives elsewhere, so this skips building a result for almost every household.
 */
export function compileForProvince(
  province: ProvinceCode,
  evaluate: Evaluate,
): NonNullable<Programme['compile']> {
  return (asOf) => {
    const ctx = createContext(defaultParameters, { tracing: false });
    return (household) => {
      if (household.province !== province) return 0;
      try {
        return householdAnnualCents(evaluate(household, asOf, ctx));
      } catch (error) {
        if (error instanceof NoParametersForDateError) return Number.NaN;
        throw error;
      }
    };
  };
}

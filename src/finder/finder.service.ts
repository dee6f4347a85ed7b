import { evaluateHousehold } from '../rules/index.ts';
import type { ProgrammeResult } from '../rules/index.ts';
import { householdFromAnswers } from './finder.household.ts';
import type { FinderAnswers } from './finder.answers.ts';

const NO_PARAMETERS = 'engine.no-parameters-for-date';
// How far back to look for the latest rates when this year's are not published in our parameters yet.
const MONTHS_TO_LOOK_BACK = 36;

export interface FinderResult {
  readonly result: ProgrammeResult;
  /** Set when today's rates are not in our parameters and the latest earlier rates were used instead. */
  readonly ratesDate: string | null;
}

function monthsBefore(asOf: string, months: number): string {
  const date = new Date(`${asOf.slice(0, 8)}01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

function evaluateOne(answers: FinderAnswers, asOf: string, programme: string): ProgrammeResult[] {
  return evaluateHousehold(householdFromAnswers(answers, asOf), {
    asOf,
    programmes: [programme],
    trace: false,
  }).results;
}

/**
 * Evaluates every programme on `asOf`. A programme whose parameters do not reach `asOf` is estimated
 * with the latest rates we have, and the result says so (ratesDate); the finder never hides that.
 */
export function findBenefits(answers: FinderAnswers, asOf: string): FinderResult[] {
  const household = householdFromAnswers(answers, asOf);
  const results = evaluateHousehold(household, { asOf, trace: false }).results;
  return results.flatMap((result): FinderResult[] => {
    if (!result.reasons.includes(NO_PARAMETERS)) return [{ result, ratesDate: null }];
    for (let months = 1; months <= MONTHS_TO_LOOK_BACK; months += 1) {
      const earlier = monthsBefore(asOf, months);
      const retry = evaluateOne(answers, earlier, result.programme);
      if (retry.every((r) => !r.reasons.includes(NO_PARAMETERS)))
        return retry.map((r) => ({ result: r, ratesDate: earlier }));
    }
    return [{ result, ratesDate: null }];
  });
}

import { evaluateHousehold } from '../rules/index.ts';
import type { ProgrammeResult } from '../rules/index.ts';
import { householdFromAnswers } from './finder.household.ts';
import type { FinderAnswers } from './finder.answers.ts';

// How far back to look for the latest rates when this year's are neither published nor estimable.
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

function evaluate(answers: FinderAnswers, asOf: string, programmes?: readonly string[]): ProgrammeResult[] {
  // The finder only informs: where the law's indexation formula can estimate unpublished rates it may
  // (the result says so); decisions never do (EvaluateOptions.estimates).
  return evaluateHousehold(householdFromAnswers(answers, asOf), {
    asOf,
    trace: false,
    estimates: true,
    ...(programmes ? { programmes } : {}),
  }).results;
}

function withLatestRates(answers: FinderAnswers, asOf: string, programme: string): FinderResult[] | null {
  for (let months = 1; months <= MONTHS_TO_LOOK_BACK; months += 1) {
    const earlier = monthsBefore(asOf, months);
    const retry = evaluate(answers, earlier, [programme]);
    if (retry.every((r) => r.status !== 'rates-not-on-file'))
      return retry.map((r) => ({ result: r, ratesDate: earlier }));
  }
  return null;
}

/**
 * Evaluates every programme on `asOf`, one result per programme and person. A programme whose rates
 * are not on file for `asOf` is estimated with the latest rates we have, and the result says so
 * (ratesDate); when none are found it stays "rates not on file" with the range we have.
 */
export function findBenefits(answers: FinderAnswers, asOf: string): FinderResult[] {
  const results = evaluate(answers, asOf);
  const retried = new Set<string>();
  return results.flatMap((result): FinderResult[] => {
    if (result.status !== 'rates-not-on-file') return [{ result, ratesDate: null }];
    // A person-level programme may fail for each person: look back once for the programme, not per person.
    if (retried.has(result.programme)) return [];
    retried.add(result.programme);
    return withLatestRates(answers, asOf, result.programme) ?? [{ result, ratesDate: null }];
  });
}

import { createContext } from './core/context.ts';
import { NoParametersForDateError, UnknownProgrammeError } from './core/errors.ts';
import { coveredRanges, defaultParameters, intersectRanges, nearestRange } from './core/parameters.ts';
import { EstimatingResolver } from './core/estimates.ts';
import { householdAnnualCents } from './core/result.ts';
import { isIsoDate } from './core/dates.ts';
import type {
  Coverage,
  EstimateBasis,
  FastEvaluator,
  Programme,
  ProgrammeId,
  ProgrammeResult,
} from './core/types.ts';
import type { Household } from './model/household.ts';
import { programmes as registry } from './programmes/index.ts';

export interface EvaluateOptions {
  /** Date of evaluation, YYYY-MM-DD. */
  readonly asOf: string;
  /** Restrict to these programmes (default: all registered). */
  readonly programmes?: readonly ProgrammeId[];
  /** Record trace steps (default true). */
  readonly trace?: boolean;
  /**
   * Where a period's rates are not published, estimate them by the law's indexation formula when the
   * CPI it needs is on file (default false). Results that rest on an estimate carry `estimate` and the
   * reason `engine.estimated-rates`; anything that decides or pays must leave this off.
   */
  readonly estimates?: boolean;
}

export interface EvaluationOutput {
  readonly results: ProgrammeResult[];
}

export class InvalidDateError extends Error {
  constructor(readonly date: string) {
    super(`Not a YYYY-MM-DD date: ${date}`);
    this.name = 'InvalidDateError';
  }
}

export function selectProgrammes(ids?: readonly ProgrammeId[]): readonly Programme[] {
  if (!ids) return registry;
  return ids.map((id) => {
    const found = registry.find((p) => p.id === id);
    if (!found) throw new UnknownProgrammeError(id);
    return found;
  });
}

/** The range on file around the date: common to the programme's rate files, else the missing file's. */
function coverageOf(programme: Programme, error: NoParametersForDateError): Coverage {
  const files = programme.ratesOnFile ?? [error.parameter];
  const ranges = files
    .map((f) => coveredRanges(defaultParameters.load(f)))
    .reduce((common, next) => intersectRanges(common, next));
  return nearestRange(error.parameter, ranges, error.date);
}

function ratesNotOnFile(programme: Programme, error: NoParametersForDateError): ProgrammeResult {
  const coverage = coverageOf(programme, error);
  return {
    programme: programme.id,
    status: 'rates-not-on-file',
    annualCents: null,
    periodCents: null,
    period: null,
    reasons: ['engine.no-parameters-for-date'],
    missingFacts: [],
    citations: [],
    trace: [
      { rule: 'engine.no-parameters-for-date', inputs: { parameter: error.parameter, date: error.date } },
    ],
    coverage,
  };
}

function markEstimated(results: ProgrammeResult[], estimates: EstimateBasis[]): ProgrammeResult[] {
  if (estimates.length === 0) return results;
  const unique = [...new Map(estimates.map((e) => [`${e.parameter}@${e.period}`, e])).values()];
  return results.map((r) => ({ ...r, reasons: [...r.reasons, 'engine.estimated-rates'], estimate: unique }));
}

/**
 * Evaluates each selected programme. A programme whose parameters do not cover `asOf` yields a
 * `rates-not-on-file` result naming the range on file, never the nearest year's rates; with
 * `estimates`, a period the law indexes may be estimated instead, and the result says so.
 */
export function evaluateHousehold(household: Household, options: EvaluateOptions): EvaluationOutput {
  if (!isIsoDate(options.asOf)) throw new InvalidDateError(options.asOf);
  const source = options.estimates ? new EstimatingResolver(defaultParameters) : defaultParameters;
  const ctx = createContext(source, { tracing: options.trace ?? true });
  const results: ProgrammeResult[] = [];
  for (const programme of selectProgrammes(options.programmes)) {
    try {
      results.push(...markEstimated(programme.evaluate(household, options.asOf, ctx), ctx.takeEstimates()));
    } catch (error) {
      ctx.takeTrace();
      ctx.takeEstimates();
      if (!(error instanceof NoParametersForDateError)) throw error;
      results.push(ratesNotOnFile(programme, error));
    }
  }
  return { results };
}

export interface BatchOutput {
  readonly programmes: readonly ProgrammeId[];
  /**
   * Row-major: `annualCents[h * programmes.length + p]`. NaN = cannot tell, 0 = not eligible,
   * > 0 = eligible (person-level programmes: sum over the household's persons).
   */
  readonly annualCents: Float64Array;
}

function slowEvaluator(programme: Programme, asOf: string): FastEvaluator {
  const ctx = createContext(defaultParameters, { tracing: false });
  return (household) => {
    try {
      return householdAnnualCents(programme.evaluate(household, asOf, ctx));
    } catch (error) {
      if (error instanceof NoParametersForDateError) return Number.NaN;
      throw error;
    }
  };
}

function compileEvaluator(programme: Programme, asOf: string): FastEvaluator {
  if (!programme.compile) return slowEvaluator(programme, asOf);
  try {
    return programme.compile(asOf, defaultParameters);
  } catch (error) {
    if (error instanceof NoParametersForDateError) return () => Number.NaN;
    throw error;
  }
}

/** Compiles each programme once for `asOf` (parameters resolved into a plan) and evaluates many households. */
export function compileBatch(options: Omit<EvaluateOptions, 'trace' | 'estimates'>): {
  programmes: readonly ProgrammeId[];
  evaluators: readonly FastEvaluator[];
} {
  if (!isIsoDate(options.asOf)) throw new InvalidDateError(options.asOf);
  const selected = selectProgrammes(options.programmes);
  return {
    programmes: selected.map((p) => p.id),
    evaluators: selected.map((p) => compileEvaluator(p, options.asOf)),
  };
}

/** Batch path: same cents as evaluateHousehold, no trace, households assumed already validated. */
export function evaluateBatch(
  households: readonly Household[],
  options: Omit<EvaluateOptions, 'trace' | 'estimates'>,
): BatchOutput {
  const { programmes, evaluators } = compileBatch(options);
  const width = evaluators.length;
  const annualCents = new Float64Array(households.length * width);
  for (let h = 0; h < households.length; h++) {
    const household = households[h] as Household;
    for (let p = 0; p < width; p++) annualCents[h * width + p] = (evaluators[p] as FastEvaluator)(household);
  }
  return { programmes, annualCents };
}

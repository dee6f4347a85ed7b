import { evaluateHousehold, HouseholdValidationError, validateHousehold } from '../rules/index.ts';
import type { ProgrammeResult } from '../rules/index.ts';
import { applicantResult } from './assess.ts';
import type { Assessment } from './assess.ts';
import type { DecisionRecord } from './decision-record.ts';

/**
 * A batch's decision record without the rules' trace (ADR 0025): the facts, the result's status, amounts,
 * reasons and citations, and the hash of every parameter file read. With the commit on the decision row,
 * that is the rule set that decided, so the trace is recomputed from it when someone asks.
 */
export function recomputableRecordOf(facts: unknown, assessment: Assessment, rules: string): DecisionRecord {
  const result = assessment.result;
  return {
    facts,
    applicantId: assessment.applicantId,
    result: result && { ...result, trace: [] },
    parameterFiles: assessment.version.files,
    reasons: result?.reasons ?? ['decisions.reasons.facts-invalid'],
    note: null,
    justification: null,
    recompute: { asOf: assessment.asOf, rules },
  };
}

/**
 * The rules' result as a decision keeps it (ADR 0025, addendum 3): the whole trace, every step with the parameter
 * values it read, but without each parameter's list of sources. That list is the parameter file's own, the same in
 * every decision that reads the file (86 % of a CCB record's characters), and the record keeps the hash of every
 * file read (`parameterFiles`), which names those exact bytes at the recorded commit.
 */
export function keptResult(result: ProgrammeResult | null): ProgrammeResult | null {
  if (!result) return null;
  return {
    ...result,
    trace: result.trace.map((step) =>
      step.parameters
        ? { ...step, parameters: step.parameters.map(({ reference: _sources, ...use }) => use) }
        : step,
    ),
  };
}

/** What replay compares, the trace aside: a recomputed trace is only shown when it reaches the same result. */
function sameResult(kept: ProgrammeResult, again: ProgrammeResult): boolean {
  const summary = (r: ProgrammeResult) => JSON.stringify([r.status, r.annualCents, r.periodCents, r.reasons]);
  return summary(kept) === summary(again);
}

function evaluatedAgain(record: DecisionRecord, asOf: string, rules: string): ProgrammeResult | null {
  try {
    const household = validateHousehold(record.facts, asOf);
    const output = evaluateHousehold(household, { asOf, programmes: [rules] });
    return applicantResult(output.results, record.applicantId);
  } catch (error) {
    if (error instanceof HouseholdValidationError) return null;
    throw error;
  }
}

/**
 * The record with its trace: as kept, or recomputed by the rules from the record's facts and date. Where
 * today's rules no longer reach the recorded result, the trace stays empty (`guichet decisions replay` says
 * what differs) rather than explain the recorded amount with figures that did not produce it.
 */
export function recordWithTrace(record: DecisionRecord): DecisionRecord {
  const { recompute, result } = record;
  if (!recompute || result === null) return record;
  const again = evaluatedAgain(record, recompute.asOf, recompute.rules);
  if (!again || !sameResult(result, again)) return record;
  return { ...record, result: { ...result, trace: again.trace } };
}

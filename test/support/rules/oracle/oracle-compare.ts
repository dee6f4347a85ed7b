import { NoParametersForDateError } from '../../../../src/rules/core/errors.ts';
import { EVALUATORS, type Answer } from './oracle-adapters.ts';
import { people, type OracleCase, type Scalar } from './oracle-case.ts';

export type Verdict =
  | { readonly kind: 'pass' }
  | { readonly kind: 'listed'; readonly reasons: string[] }
  | { readonly kind: 'fail'; readonly detail: string };

function close(actual: Scalar, expected: Scalar, margin: number): boolean {
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(actual - expected) <= margin + 1e-9;
  return actual === expected;
}

function matches(c: OracleCase, variable: string, actual: Scalar | Scalar[], margin: number): boolean {
  const expected = c.expected[variable];
  if (expected === undefined) return false;
  const ids = people(c).map(([id]) => id);
  const list = Array.isArray(actual) ? actual : [actual];
  if (Array.isArray(expected))
    return expected.every((e, i) => list[i] !== undefined && close(list[i] as Scalar, e, margin));
  if (typeof expected === 'object') {
    return Object.entries(expected).every(([id, e]) => close(list[ids.indexOf(id)] as Scalar, e, margin));
  }
  return list.every((a) => close(a, expected, margin));
}

function answer(c: OracleCase, variable: string): Answer {
  const evaluator = EVALUATORS[variable];
  if (!evaluator) return { kind: 'ignored' };
  try {
    return evaluator(c);
  } catch (error) {
    if (!(error instanceof NoParametersForDateError)) throw error;
    return { kind: 'listed', reason: `outside our parameter coverage (${error.parameter} on ${error.date})` };
  }
}

/**
 * A case passes when every variable we model matches within the margin (0.01 when upstream gave
 * none). Variables we do not model (Ontario credits in the integration cases) are ignored.
 */
export function judge(c: OracleCase, listedById: Readonly<Record<string, string>>): Verdict {
  const margin = c.absolute_error_margin ?? 0.01;
  const reasons: string[] = [];
  let evaluated = 0;
  for (const variable of Object.keys(c.expected)) {
    const a = answer(c, variable);
    if (a.kind === 'ignored') continue;
    evaluated++;
    if (a.kind === 'listed') reasons.push(`${variable}: ${a.reason}`);
    else if (!matches(c, variable, a.value, margin)) {
      const fixed = listedById[c.id];
      if (fixed) reasons.push(`${variable}: ${fixed}`);
      else
        return {
          kind: 'fail',
          detail: `${variable}: ours ${JSON.stringify(a.value)} vs ${JSON.stringify(c.expected[variable])}`,
        };
    }
  }
  if (evaluated === 0) reasons.push('no variable of this case is one we model');
  return reasons.length > 0 ? { kind: 'listed', reasons } : { kind: 'pass' };
}

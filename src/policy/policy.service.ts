import { randomUUID } from 'node:crypto';
import { compileBatch, diffParameters } from '../rules/index.ts';
import type { FastEvaluator, Household, ParameterChange } from '../rules/index.ts';
import type { PopulationReader, RegisterReadRequest } from '../person/index.ts';
import { frameFor, prepareHousehold, toRulesHousehold } from './policy.households.ts';
import type { EvaluationFrame, PreparedHousehold } from './policy.households.ts';
import { createImpactAccumulator } from './release-impact.ts';
import type { ReleaseImpact } from './release-impact.ts';

export interface ReleasePreview {
  readonly from: string;
  readonly to: string;
  readonly changes: readonly ParameterChange[];
  /** Absent when only the parameter changes were asked for. */
  readonly impact?: ReleaseImpact;
  readonly elapsedMs: number;
}

export interface PreviewRequest {
  readonly from: string;
  readonly to: string;
  /** Skip the population and show only what changed (e.g. `guichet rules diff --no-impact`). */
  readonly withImpact: boolean;
  readonly actor: RegisterReadRequest['actor'];
  readonly channel: RegisterReadRequest['channel'];
}

export class InvalidReleaseDatesError extends Error {
  constructor(readonly field: 'from' | 'to') {
    super(`Not a valid date: ${field}`);
    this.name = 'InvalidReleaseDatesError';
  }
}

export interface PolicyService {
  previewRelease(request: PreviewRequest): Promise<ReleasePreview>;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function evaluate(evaluators: readonly FastEvaluator[], households: readonly Household[]): Float64Array {
  const width = evaluators.length;
  const out = new Float64Array(households.length * width);
  households.forEach((household, h) => {
    for (let p = 0; p < width; p++) out[h * width + p] = (evaluators[p] as FastEvaluator)(household);
  });
  return out;
}

interface Side {
  readonly evaluators: readonly FastEvaluator[];
  readonly frame: EvaluationFrame;
}

function side(date: string, baseDate: string): Side & { programmes: readonly string[] } {
  const { programmes, evaluators } = compileBatch({ asOf: date });
  return { programmes, evaluators, frame: frameFor(date, baseDate) };
}

function evaluateSide(s: Side, batch: readonly PreparedHousehold[]): Float64Array {
  return evaluate(
    s.evaluators,
    batch.map((h) => toRulesHousehold(h, s.frame)),
  );
}

/**
 * Previews a parameter release: what changed between two dates, with citations, and what it would do
 * to the people in the register (static microsimulation: the same people under both dates' rates).
 */
export function createPolicyService(deps: { readonly population: PopulationReader }): PolicyService {
  return {
    async previewRelease(request) {
      if (!ISO_DATE.test(request.from)) throw new InvalidReleaseDatesError('from');
      if (!ISO_DATE.test(request.to)) throw new InvalidReleaseDatesError('to');
      const started = performance.now();
      const changes = diffParameters(request.from, request.to);
      if (!request.withImpact)
        return { from: request.from, to: request.to, changes, elapsedMs: performance.now() - started };
      const before = side(request.from, request.from);
      const after = side(request.to, request.from);
      const accumulator = createImpactAccumulator(before.programmes);
      for await (const batch of deps.population.readHouseholds({
        actor: request.actor,
        purpose: 'policy-analysis',
        channel: request.channel,
        correlationId: randomUUID(),
      })) {
        const prepared = batch.map(prepareHousehold);
        accumulator.add(prepared, evaluateSide(before, prepared), evaluateSide(after, prepared));
      }
      return {
        from: request.from,
        to: request.to,
        changes,
        impact: accumulator.result(),
        elapsedMs: performance.now() - started,
      };
    },
  };
}

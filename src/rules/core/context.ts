import { InvalidParameterFileError } from './parameters.ts';
import type { ParameterStore } from './parameters.ts';
import { publishedOnly, type ParameterResolver } from './estimates.ts';
import type {
  Citation,
  EstimateBasis,
  EvaluationContext,
  ParameterReader,
  ParameterSource,
  ParameterUse,
  StepDetails,
  TraceStep,
} from './types.ts';

const NO_STEPS: readonly TraceStep[] = Object.freeze([]);

/** Plans kept per date beyond this many are dropped all at once: a bound, not a policy (dates asked are few). */
const MAX_PLANS = 4_096;

/** Plans resolved from one store's published values, by programme and date; shared by every context on it. */
type PlanCache = Map<string, unknown>;
const planCaches = new WeakMap<ParameterStore, PlanCache>();

function planCacheOf(store: ParameterStore): PlanCache {
  let cache = planCaches.get(store);
  if (!cache) planCaches.set(store, (cache = new Map()));
  return cache;
}

/** Records parameter reads and rule steps; `tracing: false` makes every record call a no-op. */
class TracingContext implements EvaluationContext {
  private pending: ParameterUse[] = [];
  private steps: TraceStep[] = [];

  constructor(
    private readonly store: ParameterResolver,
    readonly tracing: boolean,
    /** Present only when plans may be kept: untraced, over published values. */
    private readonly plans: PlanCache | undefined,
  ) {}

  plan<T>(name: string, asOf: string, resolve: (reader: ParameterReader) => T): T {
    if (!this.plans) return resolve(this);
    const key = `${name}@${asOf}`;
    const kept = this.plans.get(key);
    if (kept !== undefined) return kept as T;
    const plan = resolve(this); // throws NoParametersForDateError before anything is kept
    if (this.plans.size >= MAX_PLANS) this.plans.clear();
    this.plans.set(key, plan);
    return plan;
  }

  private read(path: string, date: string): ParameterUse['value'] {
    if (!this.tracing) return this.store.value(path, date);
    const resolved = this.store.resolve(path, date);
    this.pending.push({
      file: resolved.file,
      effective: resolved.effective,
      value: resolved.value,
      reference: resolved.reference,
      ...(resolved.estimate ? { estimate: resolved.estimate } : {}),
    });
    return resolved.value;
  }

  takeEstimates(): EstimateBasis[] {
    return this.store.takeEstimates();
  }

  param(path: string, date: string): number {
    const value = this.read(path, date);
    if (typeof value !== 'number') throw new InvalidParameterFileError(path, 'expected a number');
    return value;
  }

  table(path: string, date: string): Readonly<Record<string, number>> {
    const value = this.read(path, date);
    if (typeof value !== 'object' || value === null)
      throw new InvalidParameterFileError(path, 'expected a table');
    return value as Readonly<Record<string, number>>;
  }

  references(path: string): readonly Citation[] {
    return this.store.references(path);
  }

  step(rule: string, details: StepDetails = {}): void {
    if (!this.tracing) return;
    const parameters = this.pending;
    this.pending = [];
    this.steps.push({ rule, ...(parameters.length > 0 ? { parameters } : {}), ...details });
  }

  takeTrace(): TraceStep[] {
    // Untraced, nothing was recorded: one shared empty trace rather than two new arrays per result.
    if (!this.tracing) return NO_STEPS as TraceStep[];
    const steps = this.steps;
    this.steps = [];
    this.pending = [];
    return steps;
  }
}

/** A context over the published values of `store`, or over a resolver that may estimate. */
export function createContext(
  store: ParameterStore | ParameterResolver,
  options: { tracing: boolean },
): EvaluationContext {
  if ('takeEstimates' in store) return new TracingContext(store, options.tracing, undefined);
  const plans = options.tracing ? undefined : planCacheOf(store);
  return new TracingContext(publishedOnly(store), options.tracing, plans);
}

/**
 * An untraced context over any ParameterSource, for batch fast paths that reuse the traced path's
 * helpers: reads go straight to the source (same values, same errors) and steps are dropped.
 */
export function untracedContext(params: ParameterSource): EvaluationContext {
  return {
    tracing: false,
    param: (path, date) => params.param(path, date),
    table: (path, date) => params.table(path, date),
    references: (path) => params.references(path),
    step: () => undefined,
    takeTrace: () => [],
    takeEstimates: () => [],
    plan: (_name, _asOf, resolve) => resolve(params),
  };
}

import type { Household } from '../model/household.ts';

/** Identifier of a programme, e.g. `ccb`, `oas`, `cpp-retirement`. */
export type ProgrammeId = string;

/** A code such as `ccb.income-above-threshold`; translated at the view edge (reasons.*.json). */
export type ReasonCode = string;

/**
 * `rates-not-on-file`: the programme's dated parameters do not cover the date asked (or a period
 * inside it), so nothing is said about eligibility; `coverage` names the range that is on file.
 */
export type EligibilityStatus = 'eligible' | 'not-eligible' | 'cannot-tell' | 'rates-not-on-file';

export type Period = 'month' | 'quarter' | 'week' | 'year';

export interface Citation {
  readonly title: string;
  readonly href: string;
}

/** One parameter value read while evaluating: which file, which dated entry, which value. */
export interface ParameterUse {
  readonly file: string;
  readonly effective: string;
  readonly value: unknown;
  readonly reference?: readonly Citation[];
  /** Set when the value is not published but estimated by the law's indexation formula. */
  readonly estimate?: EstimateBasis;
}

/** How an unpublished value was estimated: from which published entry, by which rule and factors. */
export interface EstimateBasis {
  readonly parameter: string;
  /** Effective date of the last published value the estimate starts from. */
  readonly from: string;
  /** Start of the period estimated (e.g. the payment quarter). */
  readonly period: string;
  /** The indexation rule, e.g. `oas-quarterly` (OAS Act ss. 7, 12, 12.1; OAS Regulations ss. 8-9). */
  readonly rule: string;
  /** The ratios applied, in order, as the law rounds them. */
  readonly factors: readonly number[];
  readonly citation: Citation;
}

/** The dated range of a parameter that is on file, nearest to the date asked. */
export interface Coverage {
  readonly parameter: string;
  /** First date covered, or null when nothing is on file. */
  readonly from: string | null;
  /** Last date covered (the last covered date before the date asked, when it is later). */
  readonly to: string | null;
}

export interface TraceStep {
  readonly rule: string;
  readonly parameters?: readonly ParameterUse[];
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly citation?: Citation;
  readonly resultCents?: number;
}

export interface ProgrammeResult {
  readonly programme: ProgrammeId;
  /** Set when the programme is paid to a person rather than to the household (OAS, GIS...). */
  readonly personId?: string;
  readonly status: EligibilityStatus;
  /** null when status is cannot-tell; 0 when not eligible; > 0 when eligible. */
  readonly annualCents: number | null;
  readonly periodCents: number | null;
  readonly period: Period | null;
  readonly reasons: readonly ReasonCode[];
  /** JSON Pointers into the household input (e.g. `/people/0/income/2024`) of facts needed to decide. */
  readonly missingFacts: readonly string[];
  readonly citations: readonly Citation[];
  readonly trace: readonly TraceStep[];
  /** Present when status is `rates-not-on-file`. */
  readonly coverage?: Coverage;
  /**
   * Present when an amount rests on values estimated by an indexation formula because the period's
   * rates are not published yet: never a basis for a decision (see EvaluateOptions.estimates).
   */
  readonly estimate?: readonly EstimateBasis[];
  /** OAS only: the recovery tax of the base year (Income Tax Act s. 180.2), annual and withheld monthly. */
  readonly recoveryTax?: RecoveryTax;
}

export interface RecoveryTax {
  /** The calendar year whose net world income is taxed (the base year of the July-June period). */
  readonly incomeYear: string;
  readonly thresholdCents: number;
  /** 15 % of net income above the threshold, half up to the cent, at most 12 × the monthly pension. */
  readonly annualCents: number;
  /** The annual tax (before that cap) ÷ 12, half up, at most the monthly pension. */
  readonly monthlyWithholdingCents: number;
}

/** Parameter values as stored in YAML: a number, or a table of numbers keyed by string. */
export type ParameterValue = number | Readonly<Record<string, number>>;

/** Read-only access to dated parameters, without tracing. */
export interface ParameterSource {
  /** Numeric value in force on `date` (YYYY-MM-DD). Throws NoParametersForDateError. */
  param(path: string, date: string): number;
  /** Table value (e.g. rate by number of children) in force on `date`. */
  table(path: string, date: string): Readonly<Record<string, number>>;
  /** The parameter file's references. */
  references(path: string): readonly Citation[];
}

export interface StepDetails {
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly citation?: Citation;
  readonly resultCents?: number;
}

/**
 * Given to Programme.evaluate. Parameter reads are recorded and attached to the next `step`;
 * `takeTrace` hands the steps over to the result and starts afresh.
 */
export interface EvaluationContext {
  readonly tracing: boolean;
  /** Estimates used since the last call, then forgotten (the engine attaches them to the results). */
  takeEstimates(): EstimateBasis[];
  param(path: string, date: string): number;
  table(path: string, date: string): Readonly<Record<string, number>>;
  references(path: string): readonly Citation[];
  step(rule: string, details?: StepDetails): void;
  takeTrace(): TraceStep[];
  /**
   * A programme's parameters for `asOf`, resolved into a plan by `resolve` (reading through this context). An
   * untraced context over published values keeps each plan for the date, since the files never change within
   * a process; a traced or estimating one resolves every time, so the trace and the estimates stay complete.
   */
  plan<T>(name: string, asOf: string, resolve: (reader: ParameterReader) => T): T;
}

/**
 * Batch fast path. Returns the household's annual cents for the programme:
 * NaN = cannot tell, 0 = not eligible, > 0 = eligible (person-level programmes: the sum over persons).
 * It must be cent-identical to `evaluate` and must not allocate per household.
 */
export type FastEvaluator = (household: Household) => number;

export interface Programme {
  readonly id: ProgrammeId;
  /** One result per household or per person, as documented by each programme. */
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[];
  /**
   * The parameter files whose dated coverage bounds the programme; when its rates are not on file,
   * the result's coverage is their common range (default: the range of the file that was missing).
   */
  readonly ratesOnFile?: readonly string[];
  /** Optional: resolve parameters once for `asOf` and return a fast evaluator. */
  compile?(asOf: string, params: ParameterSource): FastEvaluator;
}

/** What both EvaluationContext (traced) and ParameterSource (untraced) offer. */
export interface ParameterReader {
  param(path: string, date: string): number;
  table(path: string, date: string): Readonly<Record<string, number>>;
}

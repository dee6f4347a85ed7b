import { NoParametersForDateError } from './errors.ts';
import { multiplyRate } from './money.ts';
import {
  entryInForce,
  resolveParameter,
  type ParameterFile,
  type ParameterStore,
  type ResolvedParameter,
} from './parameters.ts';
import {
  addMonths,
  applyOasRatio,
  firstAdjustmentQuarter,
  oasQuarterRatios,
  paymentQuarterStart,
  quarterAverage,
} from './indexation.ts';
import type { Citation, EstimateBasis, ParameterValue } from './types.ts';

/** Monthly all-items CPI for Canada (Statistics Canada table 18-10-0004-01), on file with its sources. */
const CPI_SERIES = 'cpi/canada-all-items';

const OAS_AT_75: Citation = {
  title: 'Old Age Security Act, s. 7(5) (the full pension increased by 10 % from the month after age 75)',
  href: 'https://laws-lois.justice.gc.ca/eng/acts/O-9/',
};

const OAS_INDEXATION: Citation = {
  title:
    'Old Age Security Act, ss. 2, 7(2)-(4), 12(2)-(4), 12.1(3)-(4); Old Age Security Regulations, ss. 8-9',
  href: 'https://laws-lois.justice.gc.ca/eng/regulations/C.R.C.,_c._1246/',
};

/** Where parameters come from, with the trace details: the plain store, or one that may estimate. */
export interface ParameterResolver {
  resolve(path: string, date: string): ResolvedParameter;
  value(path: string, date: string): ParameterValue;
  references(path: string): readonly Citation[];
  /** Estimates made since the last call. */
  takeEstimates(): EstimateBasis[];
}

const NO_ESTIMATES = Object.freeze([]) as unknown as EstimateBasis[];
const publishedResolvers = new WeakMap<ParameterStore, ParameterResolver>();

/** The store's published values as a resolver that never estimates; one per store, not one per evaluation. */
export function publishedOnly(store: ParameterStore): ParameterResolver {
  let resolver = publishedResolvers.get(store);
  if (!resolver) {
    resolver = {
      resolve: (path, date) => store.resolve(path, date),
      value: (path, date) => store.value(path, date),
      references: (path) => store.references(path),
      takeEstimates: () => NO_ESTIMATES,
    };
    publishedResolvers.set(store, resolver);
  }
  return resolver;
}

/**
 * Resolves published values, and past a file's coverage_end estimates the value by the law's
 * indexation formula when the file names one and the CPI it needs is on file. Every estimate is
 * recorded so the engine can mark the results that rest on it.
 */
export class EstimatingResolver implements ParameterResolver {
  private estimates: EstimateBasis[] = [];

  constructor(private readonly store: ParameterStore) {}

  resolve(path: string, date: string): ResolvedParameter {
    try {
      return this.store.resolve(path, date);
    } catch (error) {
      const estimated = error instanceof NoParametersForDateError ? this.estimate(path, date) : undefined;
      if (!estimated) throw error;
      this.estimates.push(estimated.estimate);
      return estimated;
    }
  }

  value(path: string, date: string): ParameterValue {
    return this.resolve(path, date).value;
  }

  references(path: string): readonly Citation[] {
    return this.store.references(path);
  }

  takeEstimates(): EstimateBasis[] {
    const taken = this.estimates;
    this.estimates = [];
    return taken;
  }

  private estimate(
    path: string,
    date: string,
  ): (ResolvedParameter & { estimate: EstimateBasis }) | undefined {
    const file = this.store.load(path);
    if (date <= file.coverageEnd) return undefined;
    if (file.indexation?.rule === 'oas-quarterly') return this.estimateQuarterly(file, date);
    if (file.indexation?.rule === 'oas-75-plus') return this.estimateAt75(file, date);
    return undefined;
  }

  /** s. 7(5): 110 % of the (estimated) 65-74 maximum, half up, as every published quarter is. */
  private estimateAt75(file: ParameterFile, date: string) {
    const base = file.indexation?.parts[0];
    const resolved = base === undefined ? undefined : this.estimate(base, date);
    if (!resolved || typeof resolved.value !== 'number') return undefined;
    const estimate: EstimateBasis = {
      ...resolved.estimate,
      parameter: file.path,
      rule: 'oas-75-plus',
      citation: OAS_AT_75,
    };
    const value = multiplyRate(resolved.value, 1.1, 'half-up');
    return {
      file: `${file.path}.yaml`,
      effective: resolved.effective,
      value,
      reference: file.reference,
      estimate,
    };
  }

  private cpiTenths = (month: string): number | undefined => {
    try {
      const value = entryInForce(this.store.load(CPI_SERIES), month);
      return value.effective === month && typeof value.value === 'number'
        ? Math.round(value.value * 10)
        : undefined;
    } catch {
      return undefined;
    }
  };

  /**
   * The reference CPI for the quarter after `last`: the highest first-adjustment-quarter average back
   * to the last published increase (OAS Act s. 7(4)(b)); undefined when a month is not on file.
   */
  private referenceAfter(file: ParameterFile, last: string): number | undefined {
    let reference = 0;
    for (let quarter = last, steps = 0; steps < 8; quarter = addMonths(quarter, -3), steps += 1) {
      const average = quarterAverage(firstAdjustmentQuarter(quarter), this.cpiTenths);
      if (average === undefined) return undefined;
      reference = Math.max(reference, average);
      const before = numberOn(file, addMonths(quarter, -3));
      if (before === undefined || (numberOn(file, quarter) ?? 0) > before) return reference;
    }
    return undefined;
  }

  private estimateQuarterly(file: ParameterFile, date: string) {
    const last = paymentQuarterStart(file.coverageEnd);
    const target = paymentQuarterStart(date);
    const reference = this.referenceAfter(file, last);
    const ratios =
      reference === undefined ? undefined : oasQuarterRatios(reference, last, target, this.cpiTenths);
    const parts = [file, ...(file.indexation?.parts ?? []).map((p) => this.store.load(p))];
    const values = parts.map((part) => numberOn(part, last));
    if (!ratios || values.some((v) => v === undefined)) return undefined;
    const [total, ...inner] = values as number[];
    const components = [(total ?? 0) - inner.reduce((a, b) => a + b, 0), ...inner];
    const value = components.reduce((sum, cents) => sum + ratios.reduce(applyOasRatio, cents), 0);
    const estimate: EstimateBasis = {
      parameter: file.path,
      from: resolveParameter(file, last).effective,
      period: target,
      rule: 'oas-quarterly',
      factors: ratios.map((r) => r / 1000),
      citation: OAS_INDEXATION,
    };
    return { file: `${file.path}.yaml`, effective: target, value, reference: file.reference, estimate };
  }
}

function numberOn(file: ParameterFile, date: string): number | undefined {
  try {
    const value = entryInForce(file, date).value;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

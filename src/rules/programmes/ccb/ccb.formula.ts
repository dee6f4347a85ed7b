import { divideRounded, excess } from '../../core/money.ts';
import { benefitYearStart } from '../../core/dates.ts';
import type { ParameterReader } from '../../core/types.ts';
import { createChildScratch, type ChildScratch } from '../shared/family.ts';

/** CCB and CDB parameters for one benefit month, resolved once (the "compiled plan"). */
export interface CcbPlan {
  readonly maxUnder6: number;
  readonly max6to17: number;
  readonly firstThreshold: number;
  readonly secondThreshold: number;
  /** Index 1..4 = number of children (4 = four or more). */
  readonly step1Rate: readonly number[];
  readonly step2Rate: readonly number[];
  readonly sharedMin: number;
  readonly sharedMax: number;
  readonly sharedFactor: number;
  readonly cdbMax: number;
  readonly cdbRate: readonly number[];
  readonly scratch: ChildScratch;
  /** Per-household tallies of plan.scratch, filled by summarizeChildren. */
  readonly tally: ChildTally;
  readonly asOf: string;
  /** Ages are taken on the first day of the benefit month. */
  readonly firstOfMonth: string;
  /** Base tax year of the July–June benefit year containing asOf. */
  readonly yearKey: string;
}

export interface ChildTally {
  /** Index 1 = shared custody, 2 = full custody (the custody class). */
  readonly count: Int32Array;
  readonly maximum: Float64Array;
  readonly dtc: Int32Array;
}

function byCount(table: Readonly<Record<string, number>>, last: number): number[] {
  const out = [0];
  for (let n = 1; n <= last; n++) out.push(table[String(n)] ?? Number.NaN);
  return out;
}

// Reused by every plan of this programme: an evaluation runs synchronously to its end and never nests another
// of the same programme, and four typed arrays allocated per evaluation cost about a tenth of an API
// evaluation (issue #12 profile).
const SCRATCH = createChildScratch();
const TALLY: ChildTally = { count: new Int32Array(3), maximum: new Float64Array(3), dtc: new Int32Array(3) };

export function resolveCcbPlan(params: ParameterReader, asOf: string): CcbPlan {
  const custody = params.table('ccb/shared-custody', asOf);
  return {
    maxUnder6: params.param('ccb/max-under-6', asOf),
    max6to17: params.param('ccb/max-6-to-17', asOf),
    firstThreshold: params.param('ccb/first-threshold', asOf),
    secondThreshold: params.param('ccb/second-threshold', asOf),
    step1Rate: byCount(params.table('ccb/step-1-rate', asOf), 4),
    step2Rate: byCount(params.table('ccb/step-2-rate', asOf), 4),
    sharedMin: custody['minimum-share'] ?? Number.NaN,
    sharedMax: custody['maximum-share'] ?? Number.NaN,
    sharedFactor: custody['factor'] ?? Number.NaN,
    cdbMax: params.param('cdb/max-per-child', asOf),
    cdbRate: byCount(params.table('cdb/reduction-rate', asOf), 2),
    scratch: SCRATCH,
    tally: TALLY,
    asOf,
    firstOfMonth: `${asOf.slice(0, 8)}01`,
    yearKey: String(benefitYearStart(asOf) - 1),
  };
}

/** Custody class of a share: 2 = full (primary caregiver), 1 = shared, 0 = not eligible. */
export function custodyClass(plan: CcbPlan, share: number): number {
  if (share > plan.sharedMax) return 2;
  return share >= plan.sharedMin ? 1 : 0;
}

/**
 * Amounts are computed exactly in millionths of a cent ("micro-cents", integers) because CRA
 * divides the unrounded annual amount by 12 and truncates: the CDB guideline table shows $3.07 a
 * month where the annual rounded first would give $3.08 (two children at $195,000, July 2024).
 */
export const MICRO = 1_000_000;

function rateMicro(rate: number): number {
  return Math.round(rate * MICRO);
}

/**
 * Step-2 fixed amount: the full step-1 reduction rounded to whole dollars, as printed on the CRA
 * calculation sheets (2024–25: 42,585 × 7 % = 2,980.95 → $2,981). In cents.
 */
export function step2Fixed(plan: CcbPlan, n: number): number {
  const width = plan.secondThreshold - plan.firstThreshold;
  return divideRounded(width * rateMicro(plan.step1Rate[n] ?? 0), 100 * MICRO, 'half-up') * 100;
}

/** ITA s. 122.61(1) reduction for n children, per the CRA sheet, exact in micro-cents. */
export function ccbReductionMicro(plan: CcbPlan, children: number, afni: number): number {
  if (children <= 0) return 0;
  const n = children > 4 ? 4 : children;
  if (afni <= plan.secondThreshold)
    return excess(afni, plan.firstThreshold) * rateMicro(plan.step1Rate[n] ?? 0);
  return step2Fixed(plan, n) * MICRO + (afni - plan.secondThreshold) * rateMicro(plan.step2Rate[n] ?? 0);
}

export function ccbReduction(plan: CcbPlan, children: number, afni: number): number {
  return divideRounded(ccbReductionMicro(plan, children, afni), MICRO, 'half-up');
}

/** One pass over plan.scratch: children, maxima and DTC-eligible children by custody class. */
export function summarizeChildren(plan: CcbPlan): void {
  const s = plan.scratch;
  const t = plan.tally;
  t.count[1] = t.count[2] = t.dtc[1] = t.dtc[2] = 0;
  t.maximum[1] = t.maximum[2] = 0;
  for (let i = 0; i < s.count; i++) {
    const cls = custodyClass(plan, s.shares[i] ?? 0);
    if (cls === 0) continue;
    t.count[cls] = (t.count[cls] ?? 0) + 1;
    t.maximum[cls] = (t.maximum[cls] ?? 0) + ((s.ages[i] ?? 0) < 6 ? plan.maxUnder6 : plan.max6to17);
    if (s.dtc[i] === 1) t.dtc[cls] = (t.dtc[cls] ?? 0) + 1;
  }
}

/** Maximum for the children of a custody class (mask: 1 = shared only, 2 = full only, 3 = both). */
export function ccbMaximum(plan: CcbPlan, mask: number): number {
  const m = plan.tally.maximum;
  return (mask & 1 ? (m[1] ?? 0) : 0) + (mask & 2 ? (m[2] ?? 0) : 0);
}

/** Number of eligible children of a custody class (mask as above; dtcOnly counts CDB children). */
export function childCount(plan: CcbPlan, mask: number, dtcOnly: boolean): number {
  const c = dtcOnly ? plan.tally.dtc : plan.tally.count;
  return (mask & 1 ? (c[1] ?? 0) : 0) + (mask & 2 ? (c[2] ?? 0) : 0);
}

function ccbFor(plan: CcbPlan, mask: number, afni: number): number {
  return excess(ccbMaximum(plan, mask) * MICRO, ccbReductionMicro(plan, childCount(plan, mask, false), afni));
}

/**
 * Shared custody (ITA s. 122.61(1.1)): the parent gets 50 % of what full custody of those children
 * would give, so the shared children add half of the difference they make to the full-custody result.
 */
function withSharedCustody(plan: CcbPlan, all: number, fullOnly: number): number {
  if (all === fullOnly) return all;
  return fullOnly + divideRounded((all - fullOnly) * rateMicro(plan.sharedFactor), MICRO, 'half-up');
}

/** Exact annual CCB (micro-cents) for the children in plan.scratch. */
export function ccbAnnualMicro(plan: CcbPlan, afni: number): number {
  return withSharedCustody(plan, ccbFor(plan, 3, afni), ccbFor(plan, 2, afni));
}

/** CDB (ITA s. 122.61(1), element C): per DTC-eligible child, reduced above the second threshold. */
function cdbFor(plan: CcbPlan, mask: number, afni: number): number {
  const count = childCount(plan, mask, true);
  if (count === 0) return 0;
  const rate = rateMicro(plan.cdbRate[count > 1 ? 2 : 1] ?? 0);
  return excess(count * plan.cdbMax * MICRO, excess(afni, plan.secondThreshold) * rate);
}

export function cdbAnnualMicro(plan: CcbPlan, afni: number): number {
  return withSharedCustody(plan, cdbFor(plan, 3, afni), cdbFor(plan, 2, afni));
}

/** Annual amount in cents, rounded half up. */
export function annualCents(micro: number): number {
  return divideRounded(micro, MICRO, 'half-up');
}

export function ccbAnnualCents(plan: CcbPlan, afni: number): number {
  return annualCents(ccbAnnualMicro(plan, afni));
}

export function cdbAnnualCents(plan: CcbPlan, afni: number): number {
  return annualCents(cdbAnnualMicro(plan, afni));
}

/** Monthly payment: the exact annual amount ÷ 12, truncated to the cent (CRA CDB guideline table). */
export function monthlyCents(micro: number): number {
  return divideRounded(micro, 12 * MICRO, 'floor');
}

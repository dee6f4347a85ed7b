import type { FastEvaluator, ParameterSource } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { indexByCount, tableOrUndefined, type Table } from './fast-plan.ts';
import { earningsCounted } from './needs-test.ts';
import { UnitReader } from './unit-reader.ts';

/**
 * Batch fast path of `albertaIncomeSupportProgramme` (same rules and order of checks, no trace, no
 * allocation per household): NaN for cannot-tell or a date without parameters, 0 for not-eligible,
 * else annual cents.
 */

type Rows = readonly (number | undefined)[];

interface AbPlan {
  /** Core essential by [bfe][couple][children], core shelter by [couple][children]. */
  readonly essential: readonly (readonly Rows[])[] | undefined;
  readonly shelter: readonly Rows[] | undefined;
  readonly months: Table | undefined;
  readonly exemption: Table | undefined;
}

const COMPOSITIONS = ['single', 'couple'] as const;

function resolvePlan(asOf: string, params: ParameterSource): AbPlan {
  const essential = tableOrUndefined(params, 'ab/is-core-essential', asOf);
  const shelter = tableOrUndefined(params, 'ab/is-core-shelter', asOf);
  return {
    essential:
      essential &&
      ['etw', 'bfe'].map((category) => COMPOSITIONS.map((c) => indexByCount(essential, `${category}-${c}`))),
    shelter: shelter && COMPOSITIONS.map((c) => indexByCount(shelter, c)),
    months: tableOrUndefined(params, 'ab/is-liquid-asset-months', asOf),
    exemption: tableOrUndefined(params, 'ab/is-earnings-exemption', asOf),
  };
}

/** Core income support, or NaN when the household's row is not on file. */
function core(u: UnitReader, plan: AbPlan, bfe: number): number {
  if (u.dependentAdults > 0) return Number.NaN;
  const couple = u.spouse >= 0 ? 1 : 0;
  const essential = plan.essential?.[bfe]?.[couple]?.[u.children];
  const shelterMax = plan.shelter?.[couple]?.[u.children];
  if (essential === undefined || shelterMax === undefined) return Number.NaN;
  return essential + Math.min(u.shelter, shelterMax);
}

export function compileAlbertaIncomeSupport(asOf: string, params: ParameterSource): FastEvaluator {
  const plan = resolvePlan(asOf, params);
  const u = new UnitReader();
  return (h: Household): number => {
    if (h.province !== 'AB' || !u.read(h, asOf)) return 0;
    const barriers = u.adult(0).socialAssistance?.barriersToFullEmployment;
    if (u.missing || barriers === undefined || !plan.essential || !plan.shelter) return Number.NaN;
    const amount = core(u, plan, barriers ? 1 : 0);
    if (Number.isNaN(amount) || !plan.months) return Number.NaN;
    // ISTHB Reg. s. 21: months of core support; above it, unknown if children (child benefit part).
    if (u.assets > (plan.months[barriers ? 'bfe' : 'etw'] ?? 0) * amount)
      return u.children > 0 ? Number.NaN : 0;
    if (!plan.exemption) return Number.NaN;
    const ex = plan.exemption;
    const counted = earningsCounted(u.earningsOf(0), ex['flat'] ?? 0, ex['share'] ?? 0) + u.otherIncome;
    return Math.max(0, amount - counted) * 12;
  };
}

import { ageOn } from '../../core/dates.ts';
import type { FastEvaluator, ParameterSource } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { indexByCount, paramOrUndefined, tableOrUndefined, type Table } from './fast-plan.ts';
import { UnitReader } from './unit-reader.ts';

/**
 * Batch fast path of `bcIncomeAssistanceProgramme` (same rules and order of checks, no trace, no
 * allocation per household): NaN for cannot-tell or a date without parameters, 0 for not-eligible,
 * else annual cents.
 */

const TYPES = ['single', 'couple', 'single-parent', 'two-parent'] as const;

interface BcPlan {
  readonly limits: Table | undefined;
  /** Support by [family type][unit size]; undefined where not on file. */
  readonly support: readonly (readonly (number | undefined)[])[] | undefined;
  readonly minimum: readonly (number | undefined)[] | undefined;
  readonly maximum: readonly (number | undefined)[] | undefined;
  readonly exemption: number | undefined;
}

function resolvePlan(asOf: string, params: ParameterSource): BcPlan {
  const support = tableOrUndefined(params, 'bc/ia-support', asOf);
  const shelter = tableOrUndefined(params, 'bc/ia-shelter', asOf);
  return {
    limits: tableOrUndefined(params, 'bc/ia-asset-limit', asOf),
    support: support && TYPES.map((type) => indexByCount(support, type)),
    minimum: shelter && indexByCount(shelter, 'minimum'),
    maximum: shelter && indexByCount(shelter, 'maximum'),
    exemption: paramOrUndefined(params, 'bc/ia-earnings-exemption', asOf),
  };
}

/** -1 (no rates) for a unit with a dependant of 18 or over, as in the programme. */
function typeIndex(u: UnitReader): number {
  if (u.dependentAdults > 0) return -1;
  const children = u.children > 0;
  if (u.spouse >= 0) return children ? 3 : 1;
  return children ? 2 : 0;
}

/** Applicant or spouse (adults 0 and 1 when there is a spouse) aged 65 or over. */
function hasSenior(u: UnitReader, asOf: string): boolean {
  if (ageOn(u.adult(0).birthDate, asOf) >= 65) return true;
  return u.spouse >= 0 && ageOn(u.adult(1).birthDate, asOf) >= 65;
}

/** NaN when a rate is not on file, else support + shelter between the minimum and the maximum. */
function budget(u: UnitReader, plan: BcPlan): number {
  const support = plan.support?.[typeIndex(u)]?.[u.size];
  const min = plan.minimum?.[u.size];
  const max = plan.maximum?.[u.size];
  if (support === undefined || min === undefined || max === undefined) return Number.NaN;
  return support + Math.min(Math.max(u.shelter, min), max);
}

export function compileBcIncomeAssistance(asOf: string, params: ParameterSource): FastEvaluator {
  const plan = resolvePlan(asOf, params);
  const u = new UnitReader();
  return (h: Household): number => {
    if (h.province !== 'BC' || !u.read(h, asOf)) return 0;
    if (u.missing || !plan.limits) return Number.NaN;
    const limit = (u.size > 1 ? plan.limits['family'] : plan.limits['single']) ?? 0;
    if (u.assets > limit) return 0;
    if (hasSenior(u, asOf) || !plan.support || !plan.minimum) return Number.NaN;
    const total = budget(u, plan);
    let earnings = 0;
    let anyEarner = false;
    for (let k = 0; k < u.adultCount; k++) {
      earnings += u.earningsOf(k);
      anyEarner ||= u.earningsOf(k) > 0;
    }
    // Schedule B s. 3: only the sole recipient's exemption is on file.
    if (u.size > 1 && anyEarner) return Number.NaN;
    const exemption = earnings > 0 ? plan.exemption : 0;
    if (Number.isNaN(total) || exemption === undefined) return Number.NaN;
    const counted = Math.max(0, earnings - exemption) + u.otherIncome;
    return Math.max(0, total - counted) * 12;
  };
}

import type { FastEvaluator, ParameterSource } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { tableOrUndefined, type Table } from './fast-plan.ts';
import { earningsCounted } from './needs-test.ts';
import { UnitReader } from './unit-reader.ts';

/**
 * Batch fast path of `ontarioWorksProgramme` (same rules, same order of checks, no trace, no
 * allocation per household): NaN where `evaluate` gives cannot-tell or meets a date without
 * parameters, 0 where it gives not-eligible or no result, else the annual cents.
 */

interface OwPlan {
  readonly limits: Table | undefined;
  readonly needs: Table | undefined;
  /** Basic needs by [couple][dependent adults 0–2][children without dependent adults]. */
  readonly basic: readonly number[];
  readonly additionalAdult: number;
  /** s. 42(2) maxima indexed by unit size, the last row meaning "6 or more". */
  readonly shelter: readonly (number | undefined)[] | undefined;
  readonly exemption: Table | undefined;
}

function basicIndex(couple: boolean, adults: number, kids: boolean): number {
  return (couple ? 6 : 0) + Math.min(adults, 2) * 2 + (kids ? 1 : 0);
}

function resolvePlan(asOf: string, params: ParameterSource): OwPlan {
  const needs = tableOrUndefined(params, 'on/ow-basic-needs', asOf);
  const basic: number[] = [];
  for (const couple of [false, true])
    for (let adults = 0; adults <= 2; adults++)
      for (const kids of [false, true]) {
        const key = `${couple ? 'couple' : 'single'}-${adults}-adults${kids && adults === 0 ? '-with-children' : ''}`;
        basic[basicIndex(couple, adults, kids)] = needs?.[key] ?? 0;
      }
  const shelter = tableOrUndefined(params, 'on/ow-shelter-maximum', asOf);
  return {
    limits: tableOrUndefined(params, 'on/ow-asset-limit', asOf),
    needs,
    basic,
    additionalAdult: needs?.['additional-adult'] ?? 0,
    shelter: shelter && Array.from({ length: 7 }, (_, size) => shelter[String(size)]),
    exemption: tableOrUndefined(params, 'on/ow-earnings-exemption', asOf),
  };
}

function monthsMissing(u: UnitReader): boolean {
  let earns = false;
  for (let k = 0; k < u.adultCount; k++) if (u.earningsOf(k) !== 0) earns = true;
  if (!earns) return false;
  for (let k = 0; k < u.adultCount; k++)
    if (u.adult(k).socialAssistance?.monthsOnAssistance === undefined) return true;
  return false;
}

function assetLimit(u: UnitReader, limits: Table): number {
  const base = u.spouse >= 0 ? (limits['couple'] ?? 0) : (limits['single'] ?? 0);
  return base + (u.children + u.dependentAdults) * (limits['per-dependant'] ?? 0);
}

function budget(u: UnitReader, plan: OwPlan, shelterRows: readonly (number | undefined)[]): number {
  const kids = u.dependentAdults === 0 && u.children > 0;
  const basic =
    (plan.basic[basicIndex(u.spouse >= 0, u.dependentAdults, kids)] ?? 0) +
    Math.max(0, u.dependentAdults - 2) * plan.additionalAdult;
  return basic + Math.min(u.shelter, shelterRows[Math.min(u.size, 6)] ?? 0);
}

function income(u: UnitReader, ex: Table): number {
  let months = Number.POSITIVE_INFINITY;
  for (let k = 0; k < u.adultCount; k++)
    months = Math.min(months, u.adult(k).socialAssistance?.monthsOnAssistance ?? 0);
  const applies = months >= (ex['months'] ?? 0);
  let counted = 0;
  for (let k = 0; k < u.adultCount; k++) {
    const e = u.earningsOf(k);
    counted += applies ? earningsCounted(e, ex['flat'] ?? 0, ex['share'] ?? 0) : e;
  }
  return counted + u.otherIncome;
}

export function compileOntarioWorks(asOf: string, params: ParameterSource): FastEvaluator {
  const plan = resolvePlan(asOf, params);
  const u = new UnitReader();
  return (h: Household): number => {
    if (h.province !== 'ON' || !u.read(h, asOf)) return 0;
    if (u.missing || monthsMissing(u) || !plan.limits) return Number.NaN;
    if (u.assets > assetLimit(u, plan.limits)) return 0;
    if (!plan.needs || !plan.shelter || !plan.exemption) return Number.NaN;
    return Math.max(0, budget(u, plan, plan.shelter) - income(u, plan.exemption)) * 12;
  };
}

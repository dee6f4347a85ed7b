import type { FastEvaluator, ParameterSource } from '../../core/types.ts';
import type { Household, Person } from '../../model/household.ts';
import { rowAtOrMore, sizeRowsOrMore, tableOrUndefined, type Table } from './fast-plan.ts';
import { earningsCounted } from './needs-test.ts';
import { UnitReader } from './unit-reader.ts';

/**
 * Batch fast path of `odspProgramme` (same rules and order of checks, no trace, no allocation per
 * household): NaN for cannot-tell or a date without parameters, 0 for not-eligible, else annual cents.
 */

const FAMILIES = ['single', 'couple', 'couple-both-disabled'] as const;

/** Directive 6.2: the shelter table's last row is for units of 6 or more. */
export const ODSP_SHELTER_TOP_SIZE = 6;

interface OdspPlan {
  readonly limits: Table | undefined;
  readonly needs: Table | undefined;
  /** Basic needs by [family][dependent adults 0–2], undefined where not on file. */
  readonly rows: readonly (number | undefined)[];
  readonly shelter: readonly (number | undefined)[] | undefined;
  readonly exemption: Table | undefined;
}

function resolvePlan(asOf: string, params: ParameterSource): OdspPlan {
  const needs = tableOrUndefined(params, 'on/odsp-basic-needs', asOf);
  const rows: (number | undefined)[] = [];
  FAMILIES.forEach((family, f) => {
    for (let adults = 0; adults <= 2; adults++) rows[f * 3 + adults] = needs?.[`${family}-${adults}-adults`];
  });
  const shelter = tableOrUndefined(params, 'on/odsp-shelter-maximum', asOf);
  return {
    limits: tableOrUndefined(params, 'on/odsp-asset-limit', asOf),
    needs,
    rows,
    shelter: shelter && sizeRowsOrMore(shelter, ODSP_SHELTER_TOP_SIZE),
    exemption: tableOrUndefined(params, 'on/odsp-earnings-exemption', asOf),
  };
}

function disability(p: Person): boolean | undefined {
  return p.disability?.provincialDisability;
}

/** Applicant and spouse found to have a disability; -1 when a status is not given. */
function disabledHeads(u: UnitReader): number {
  const first = disability(u.adult(0));
  const second = u.spouse >= 0 ? disability(u.adult(1)) : false;
  if (first === undefined || second === undefined) return -1;
  return (first ? 1 : 0) + (second ? 1 : 0);
}

function assetLimit(u: UnitReader, limits: Table): number {
  const base = u.spouse >= 0 ? limits['couple'] : limits['single'];
  return (base ?? 0) + (u.children + u.dependentAdults) * (limits['per-dependant'] ?? 0);
}

function budget(u: UnitReader, plan: OdspPlan, needs: Table, disabled: number): number | undefined {
  const family = u.spouse < 0 ? 0 : disabled > 1 ? 2 : 1;
  const adults = u.dependentAdults;
  const row = plan.rows[family * 3 + Math.min(adults, 2)];
  const extra = adults > 2 ? needs['additional-adult'] : 0;
  const supplement = u.spouse < 0 && adults === 0 && u.children > 0 ? needs['sole-support-parent'] : 0;
  const maxShelter = rowAtOrMore(plan.shelter ?? [], u.size);
  if (row === undefined || extra === undefined || supplement === undefined || maxShelter === undefined)
    return undefined;
  return row + Math.max(0, adults - 2) * extra + supplement + Math.min(u.shelter, maxShelter);
}

/** Position (in adult order) of the only earner if that person has a disability; -2 when not encoded. */
function soleDisabledEarner(u: UnitReader): number {
  let earner = -1;
  for (let k = 0; k < u.adultCount; k++) {
    if (u.earningsOf(k) <= 0) continue;
    if (earner >= 0) return -2;
    earner = k;
  }
  if (earner < 0) return -1;
  const head = earner === 0 || (earner === 1 && u.spouse >= 0);
  return head && disability(u.adult(earner)) === true ? earner : -2;
}

export function compileOdsp(asOf: string, params: ParameterSource): FastEvaluator {
  const plan = resolvePlan(asOf, params);
  const u = new UnitReader();
  return (h: Household): number => {
    if (h.province !== 'ON' || !u.read(h, asOf)) return 0;
    const disabled = disabledHeads(u);
    if (u.missing || disabled < 0) return Number.NaN;
    if (disabled === 0) return 0;
    if (!plan.limits) return Number.NaN;
    if (u.assets > assetLimit(u, plan.limits)) return 0;
    if (!plan.needs || !plan.shelter) return Number.NaN;
    const need = budget(u, plan, plan.needs, disabled);
    const earner = soleDisabledEarner(u);
    if (need === undefined || earner === -2 || !plan.exemption) return Number.NaN;
    const earnings = earner >= 0 ? u.earningsOf(earner) : 0;
    const ex = plan.exemption;
    const counted = earningsCounted(earnings, ex['flat'] ?? 0, ex['share'] ?? 0) + u.otherIncome;
    return Math.max(0, need - counted) * 12;
  };
}

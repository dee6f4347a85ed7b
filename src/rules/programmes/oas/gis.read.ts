import type { Household, Person } from '../../model/household.ts';
import {
  OAS_OK,
  OAS_UNDER_AGE,
  OAS_UNKNOWN_INCOME,
  OAS_UNKNOWN_RESIDENCE,
  checkResidence,
  createOasRead,
  readOas,
} from './oas.formula.ts';
import {
  allowanceAmount,
  gisIncome,
  gisSingle,
  gisSpouseAllowance,
  gisSpouseNoBenefit,
  gisSpouseOas,
} from './gis.formula.ts';
import type { SeniorsPlan } from './seniors.plan.ts';
import {
  isAllowanceAge,
  missingKindOf,
  notPayable,
  readSpouse,
  receivesOas,
  reset,
  unknown,
  type SeniorRead,
} from './seniors.read.ts';

const scratchResidence = createOasRead();

/**
 * Whether the spouse aged 60–64 receives the Allowance at this combined income: 1 yes, 0 no,
 * NaN when the spouse's residence facts are missing (then the pensioner's GIS cannot be told).
 */
function spouseAllowance(plan: SeniorsPlan, spouse: Person, income: number): number {
  if (!isAllowanceAge(plan, spouse)) return 0;
  scratchResidence.outcome = OAS_OK;
  if (!checkResidence(plan, spouse, scratchResidence)) {
    return scratchResidence.outcome >= OAS_UNKNOWN_RESIDENCE ? Number.NaN : 0;
  }
  return allowanceAmount(plan, income) > 0 ? 1 : 0;
}

function pensionerCheck(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): boolean {
  readOas(plan, h, index, out.own);
  const o = out.own.outcome;
  if (o !== OAS_OK && o !== OAS_UNKNOWN_INCOME) {
    if (o >= OAS_UNKNOWN_RESIDENCE) unknown(out, index, missingKindOf(o));
    else notPayable(out, o === OAS_UNDER_AGE ? 'gis.under-age' : 'gis.no-oas-pension');
    return false;
  }
  const lives = (h.people[index] as Person).residence?.livesInCanada;
  // OAS Act s. 11(7)(d): no supplement after six months outside Canada.
  if (lives === false) notPayable(out, 'gis.abroad');
  else if (lives === undefined) unknown(out, index, 'lives-in-canada');
  return lives === true;
}

/** Monthly GIS of person `index` into out.amount (OAS Act ss. 10–12.1). */
export function readGis(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): void {
  reset(out);
  if (!pensionerCheck(plan, h, index, out)) return;
  const own = gisIncome(plan, h.people[index] as Person);
  if (Number.isNaN(own)) return unknown(out, index, 'income');
  const spouse = readSpouse(plan, h, index, out);
  let income = own;
  if (spouse >= 0) {
    const other = gisIncome(plan, h.people[spouse] as Person);
    if (Number.isNaN(other)) return unknown(out, spouse, 'income');
    income += other;
  }
  out.income = income;
  const extra = plan.oasMax - out.own.basic;
  out.amount = amountFor(plan, h, spouse, income, extra, out);
  if (out.amount === 0) out.reason = 'gis.income-above-cut-off';
}

function amountFor(
  plan: SeniorsPlan,
  h: Household,
  spouse: number,
  income: number,
  extra: number,
  out: SeniorRead,
): number {
  if (spouse < 0) {
    out.situation = 'single';
    return gisSingle(plan, income, extra);
  }
  const s = out.spouse.outcome;
  if (receivesOas(out.spouse)) {
    out.situation = 'spouse-receives-oas';
    return gisSpouseOas(plan, income, extra);
  }
  if (s >= OAS_UNKNOWN_RESIDENCE && s !== OAS_UNKNOWN_INCOME) {
    unknown(out, spouse, missingKindOf(s));
    return Number.NaN;
  }
  const allowance = spouseAllowance(plan, h.people[spouse] as Person, income);
  if (Number.isNaN(allowance)) {
    unknown(out, spouse, missingKindOf(scratchResidence.outcome));
    return Number.NaN;
  }
  if (allowance === 1) {
    out.situation = 'spouse-receives-allowance';
    return gisSpouseAllowance(plan, income, extra);
  }
  out.situation = 'spouse-no-benefit';
  return gisSpouseNoBenefit(plan, income, extra);
}

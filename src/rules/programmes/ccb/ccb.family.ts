import type { Household } from '../../model/household.ts';
import { familyHead, familyNetIncome, familyStatus, readChildren, spouseIndex } from '../shared/family.ts';
import { childCount, summarizeChildren, type CcbPlan } from './ccb.formula.ts';

/** Outcome of reading a household for CCB/CDB. Kept as numbers so the batch path allocates nothing. */
export const FAMILY_OK = 0;
export const FAMILY_NO_CHILD = 1;
export const FAMILY_STATUS = 2;
export const FAMILY_UNKNOWN = 3;

export interface FamilyRead {
  outcome: number;
  head: number;
  spouse: number;
  afni: number;
  yearKey: string;
}

export function createFamilyRead(): FamilyRead {
  return { outcome: FAMILY_OK, head: -1, spouse: -1, afni: 0, yearKey: '' };
}

/**
 * Fills plan.scratch with the children and `out` with the family facts. The benefit month is the
 * month of asOf; children's ages are taken on its first day (a child turning 6 in March is paid the
 * under-6 rate for March). AFNI is that of the year before the July–June benefit year (ITA s. 122.6).
 */
export function readCcbFamily(plan: CcbPlan, h: Household, dtcOnly: boolean, out: FamilyRead): void {
  readChildren(h, plan.firstOfMonth, 18, plan.scratch);
  summarizeChildren(plan);
  out.yearKey = plan.yearKey;
  out.head = -1;
  out.spouse = -1;
  out.afni = Number.NaN;
  if (childCount(plan, 3, dtcOnly) === 0) {
    out.outcome = FAMILY_NO_CHILD;
    return;
  }
  out.head = familyHead(h, plan.asOf);
  out.spouse = spouseIndex(h, out.head);
  const status = familyStatus(h, out.head, out.spouse);
  out.afni = familyNetIncome(h, out.head, out.spouse, out.yearKey);
  if (status === 0) out.outcome = FAMILY_STATUS;
  else if (Number.isNaN(status) || Number.isNaN(out.afni)) out.outcome = FAMILY_UNKNOWN;
  else out.outcome = FAMILY_OK;
}

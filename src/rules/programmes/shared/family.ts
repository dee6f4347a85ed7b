import type { Household, Person, Relationship, ResidenceStatus } from '../../model/household.ts';
import { ageOn } from '../../core/dates.ts';
import { netIncomeOf } from '../../model/household.queries.ts';

/**
 * Family facts read the same way by the traced and the batch path. The batch path reuses one
 * ChildScratch per compiled plan, so reading a household allocates nothing.
 *
 * One family unit per household: the head is the first person who is a parent of someone in the
 * household, or else the first adult; the family is the head and the head's spouse.
 */

export interface ChildScratch {
  count: number;
  readonly index: Int32Array;
  readonly ages: Int32Array;
  readonly shares: Float64Array;
  readonly dtc: Uint8Array;
}

const MAX_CHILDREN = 32;

export function createChildScratch(): ChildScratch {
  return {
    count: 0,
    index: new Int32Array(MAX_CHILDREN),
    ages: new Int32Array(MAX_CHILDREN),
    shares: new Float64Array(MAX_CHILDREN),
    dtc: new Uint8Array(MAX_CHILDREN),
  };
}

export function indexOfPerson(h: Household, id: string): number {
  const people = h.people;
  for (let i = 0; i < people.length; i++) if ((people[i] as Person).id === id) return i;
  return -1;
}

/** Highest custody share over the child's parent links (a child linked to two parents counts once). */
function custodyShareOf(h: Household, childId: string): number {
  const rels = h.relationships;
  let share = -1;
  if (rels === undefined) return share;
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i] as Relationship;
    if (r.type === 'parent' && r.custodyShare > share && r.childId === childId) share = r.custodyShare;
  }
  return share;
}

/** Children (persons with a parent link) born on or before `date` and younger than `maxAge` on `date`. */
export function readChildren(h: Household, date: string, maxAge: number, out: ChildScratch): number {
  out.count = 0;
  const people = h.people;
  for (let i = 0; i < people.length && out.count < MAX_CHILDREN; i++) {
    const p = people[i] as Person;
    const share = custodyShareOf(h, p.id);
    if (share < 0 || p.birthDate > date) continue;
    const age = ageOn(p.birthDate, date);
    if (age >= maxAge) continue;
    out.index[out.count] = i;
    out.ages[out.count] = age;
    out.shares[out.count] = share;
    out.dtc[out.count] = p.disability?.dtcEligible === true ? 1 : 0;
    out.count++;
  }
  return out.count;
}

function isParent(h: Household, id: string): boolean {
  const rels = h.relationships;
  if (rels === undefined) return false;
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i] as Relationship;
    if (r.type === 'parent' && r.parentId === id) return true;
  }
  return false;
}

function isChild(h: Household, id: string): boolean {
  return custodyShareOf(h, id) >= 0;
}

/** Index of the family head on `date`, or −1 when the household has no adult. */
export function familyHead(h: Household, date: string): number {
  const people = h.people;
  for (let i = 0; i < people.length; i++) if (isParent(h, (people[i] as Person).id)) return i;
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as Person;
    if (!isChild(h, p.id) && p.birthDate <= date && ageOn(p.birthDate, date) >= 18) return i;
  }
  return -1;
}

export function spouseIndex(h: Household, index: number): number {
  const rels = h.relationships;
  if (rels === undefined || index < 0) return -1;
  const id = (h.people[index] as Person).id;
  for (let i = 0; i < rels.length; i++) {
    const r = rels[i] as Relationship;
    if (r.type !== 'spouse') continue;
    if (r.partners[0] === id) return indexOfPerson(h, r.partners[1]);
    if (r.partners[1] === id) return indexOfPerson(h, r.partners[0]);
  }
  return -1;
}

/** Net income of the person for the year, NaN when the year's income was not given. */
export function personNetIncome(p: Person, yearKey: string): number {
  const income = p.income?.[yearKey];
  return income === undefined ? Number.NaN : netIncomeOf(income);
}

/** Family net income (head + spouse) for the year; NaN if either's income is missing. */
export function familyNetIncome(h: Household, head: number, spouse: number, yearKey: string): number {
  const own = personNetIncome(h.people[head] as Person, yearKey);
  return spouse < 0 ? own : own + personNetIncome(h.people[spouse] as Person, yearKey);
}

export function missingIncomePaths(h: Household, indices: readonly number[], yearKey: string): string[] {
  return indices
    .filter((i) => i >= 0 && (h.people[i] as Person).income?.[yearKey] === undefined)
    .map((i) => `/people/${i}/income/${yearKey}`);
}

function qualifies(status: ResidenceStatus): boolean {
  return (
    status === 'citizen' ||
    status === 'permanent-resident' ||
    status === 'protected-person' ||
    status === 'temporary-resident'
  );
}

/**
 * Canadian status test for CRA benefits (ITA s. 122.6 "eligible individual" (e)): 1 if the head or the
 * spouse qualifies, 0 if both are known not to, NaN if unknown. Living outside Canada fails.
 * The 18-month condition for temporary residents is not modelled.
 */
export function familyStatus(h: Household, head: number, spouse: number): number {
  if ((h.people[head] as Person).residence?.livesInCanada === false) return 0;
  const own = personStatus(h, head);
  if (own === 1 || spouse < 0) return own;
  const other = personStatus(h, spouse);
  if (other === 1) return 1;
  return Number.isNaN(own) || Number.isNaN(other) ? Number.NaN : 0;
}

/**
 * True when the family qualifies only through a temporary resident: ITA s. 122.6 "eligible individual"
 * (e)(iii) then also requires 18 months of residence in Canada and a valid permit in the 19th month,
 * which the rules do not check and the result must say.
 */
export function qualifiesOnlyAsTemporaryResident(h: Household, head: number, spouse: number): boolean {
  const statuses = [head, spouse].filter((i) => i >= 0).map((i) => h.people[i]?.residence?.status);
  return (
    statuses.includes('temporary-resident') &&
    !statuses.some((s) => s !== undefined && s !== 'temporary-resident' && qualifies(s))
  );
}

function personStatus(h: Household, index: number): number {
  const status = (h.people[index] as Person).residence?.status;
  if (status === undefined) return Number.NaN;
  return qualifies(status) ? 1 : 0;
}

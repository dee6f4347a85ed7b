import type { MaritalStatus } from '../person/index.ts';
import { weights } from './prng.ts';
import type { Random } from './prng.ts';

/**
 * Who lives together, before names, SINs and incomes are attached. Shares are rounded from the 2021
 * Census (Statistics Canada, Table 98-10-0123-01): about 29% of households are one person, 26% couples
 * without children at home, 25% couples with children, 9% lone parents, and the rest other kinds.
 */
export type Composition =
  | 'adult-alone'
  | 'senior-alone'
  | 'couple'
  | 'senior-couple'
  | 'couple-with-children'
  | 'lone-parent'
  | 'roommates'
  | 'multigenerational';

export const COMPOSITIONS = weights<Composition>({
  'adult-alone': 16,
  'senior-alone': 13,
  couple: 15,
  'senior-couple': 13,
  'couple-with-children': 23,
  'lone-parent': 9,
  roommates: 6,
  multigenerational: 5,
});

export type Sex = 'female' | 'male';
export type CoupleKind = 'married' | 'common-law';
export type Role = 'adult' | 'partner' | 'child' | 'grandparent';

export interface MemberDraft {
  readonly role: Role;
  readonly age: number;
  readonly sex: Sex;
  readonly maritalStatus: MaritalStatus;
}

export interface HouseholdDraft {
  readonly composition: Composition;
  /** Index 0 is always the first adult; a partner, if any, is index 1. */
  readonly members: readonly MemberDraft[];
  readonly couple: CoupleKind | null;
  readonly loneParentCustody: number | null;
}

const SENIOR_AGES = weights({ '65-74': 56, '75-84': 31, '85-99': 13 });
const SENIOR_ALONE_STATUS = weights<MaritalStatus>({ widowed: 48, divorced: 22, single: 17, separated: 13 });
const YOUNG_ALONE_STATUS = weights<MaritalStatus>({ single: 90, separated: 6, divorced: 4 });
const ADULT_ALONE_STATUS = weights<MaritalStatus>({ single: 55, divorced: 25, separated: 15, widowed: 5 });
const LONE_PARENT_STATUS = weights<MaritalStatus>({ single: 40, divorced: 30, separated: 25, widowed: 5 });
const COUPLE_CHILDREN = weights({ 1: 40, 2: 42, 3: 18 });
const LONE_PARENT_CHILDREN = weights({ 1: 58, 2: 32, 3: 10 });

function seniorAge(random: Random): number {
  const [low, high] = random.weighted(SENIOR_AGES).split('-').map(Number) as [number, number];
  return random.integer(low, high);
}

const anySex = (random: Random): Sex => (random.chance(0.5) ? 'female' : 'male');
// About 1% of couples are same-sex (2021 Census); rounded up here so the demo shows some.
const partnerSex = (random: Random, sex: Sex): Sex =>
  random.chance(0.97) ? (sex === 'female' ? 'male' : 'female') : sex;
const coupleKind = (random: Random, commonLawShare: number): CoupleKind =>
  random.chance(commonLawShare) ? 'common-law' : 'married';

function aloneStatus(random: Random, age: number): MaritalStatus {
  if (age >= 65) return random.weighted(SENIOR_ALONE_STATUS);
  return random.weighted(age < 30 ? YOUNG_ALONE_STATUS : ADULT_ALONE_STATUS);
}

export function composeHousehold(
  random: Random,
  composition: Composition,
  commonLawShare: number,
): HouseholdDraft {
  switch (composition) {
    case 'adult-alone':
    case 'senior-alone': {
      const age = composition === 'senior-alone' ? seniorAge(random) : random.integer(20, 64);
      const adult: MemberDraft = {
        role: 'adult',
        age,
        sex: anySex(random),
        maritalStatus: aloneStatus(random, age),
      };
      return { composition, members: [adult], couple: null, loneParentCustody: null };
    }
    case 'couple':
      return withCouple(random, composition, random.integer(22, 64), coupleKind(random, commonLawShare), 0);
    case 'senior-couple':
      // Common-law unions are rarer among today's seniors.
      return withCouple(random, composition, seniorAge(random), coupleKind(random, commonLawShare / 2), 0);
    case 'couple-with-children': {
      const children = Number(random.weighted(COUPLE_CHILDREN));
      return withCouple(
        random,
        composition,
        random.integer(24, 56),
        coupleKind(random, commonLawShare),
        children,
      );
    }
    case 'multigenerational': {
      const children = Number(random.weighted(COUPLE_CHILDREN));
      const family = withCouple(
        random,
        composition,
        random.integer(26, 52),
        coupleKind(random, commonLawShare),
        children,
      );
      return withGrandparent(random, family);
    }
    case 'lone-parent':
      return loneParent(random);
    case 'roommates':
      return roommates(random);
  }
}

function withCouple(
  random: Random,
  composition: Composition,
  age: number,
  couple: CoupleKind,
  children: number,
): HouseholdDraft {
  const sex = anySex(random);
  const partnerAge = Math.max(18, age + random.integer(-5, 5));
  const members: MemberDraft[] = [
    { role: 'adult', age, sex, maritalStatus: couple },
    { role: 'partner', age: partnerAge, sex: partnerSex(random, sex), maritalStatus: couple },
    ...drawChildren(random, Math.min(age, partnerAge), children),
  ];
  return { composition, members, couple, loneParentCustody: null };
}

function loneParent(random: Random): HouseholdDraft {
  const age = random.integer(22, 60);
  const maritalStatus = random.weighted(LONE_PARENT_STATUS);
  // About four in five lone parents are mothers (2021 Census).
  const sex: Sex = random.chance(0.8) ? 'female' : 'male';
  const children = drawChildren(random, age, Number(random.weighted(LONE_PARENT_CHILDREN)));
  const custody = random.chance(0.75) ? 1 : 0.5;
  const members: MemberDraft[] = [{ role: 'adult', age, sex, maritalStatus }, ...children];
  return { composition: 'lone-parent', members, couple: null, loneParentCustody: custody };
}

function roommate(random: Random): MemberDraft {
  return { role: 'adult', age: random.integer(19, 35), sex: anySex(random), maritalStatus: 'single' };
}

function roommates(random: Random): HouseholdDraft {
  return {
    composition: 'roommates',
    members: [roommate(random), roommate(random)],
    couple: null,
    loneParentCustody: null,
  };
}

function withGrandparent(random: Random, family: HouseholdDraft): HouseholdDraft {
  const parentAge = family.members[0]?.age ?? 40;
  const grandparent: MemberDraft = {
    role: 'grandparent',
    age: Math.min(99, Math.max(65, parentAge + random.integer(22, 38))),
    sex: random.chance(0.7) ? 'female' : 'male', // women outlive men and more often move in with family
    maritalStatus: 'widowed',
  };
  return { ...family, members: [...family.members, grandparent] };
}

/** Children are at least 18 years younger than the younger parent, and at most 24 (still at home). */
function drawChildren(random: Random, youngestParentAge: number, count: number): MemberDraft[] {
  const oldest = Math.min(24, youngestParentAge - 18);
  const children: MemberDraft[] = [];
  for (let index = 0; index < count && oldest >= 0; index++) {
    children.push({
      role: 'child',
      age: random.integer(0, oldest),
      sex: anySex(random),
      maritalStatus: 'single',
    });
  }
  return children;
}

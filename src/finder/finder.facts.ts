import type { ProgrammeResult } from '../rules/index.ts';

/**
 * Reasons that say a programme cannot apply to this household at all, whatever else it answers: an
 * age it is not, or a province it does not live in. Such results are not shown as cards.
 */
const OUT_OF_SCOPE_REASONS: ReadonlySet<string> = new Set([
  'oas.under-age',
  'gis.age',
  'gis.under-age',
  'allowance.age',
  'afs.age',
  // The Allowance for the Survivor is for a widow or widower: it cannot apply while a spouse lives.
  'afs.has-spouse',
  'cpp.under-60',
  'cpp.quebec-resident',
  'qpp.under-60',
  'qpp.outside-quebec',
  'cwb.under-19',
  'gst-credit.under-19',
  'bcfb.outside-bc',
  'social-assistance.other-province',
]);

/** A not-eligible result whose every reason (engine notes aside) is an age or a province. */
export function cannotApply(result: ProgrammeResult): boolean {
  const reasons = result.reasons.filter((code) => !code.startsWith('engine.'));
  return (
    result.status === 'not-eligible' &&
    reasons.length > 0 &&
    reasons.every((code) => OUT_OF_SCOPE_REASONS.has(code))
  );
}

/** The fact behind a JSON Pointer into the household, in words the finder's locale files hold. */
const FACTS: readonly (readonly [RegExp, string])[] = [
  [/^\/people\/\d+\/residence\/status$/, 'residence-status'],
  [/^\/people\/\d+\/residence\/(yearsInCanadaAfter18|periodsInCanada)$/, 'years-in-canada'],
  [/^\/people\/\d+\/residence\/livesInCanada$/, 'lives-in-canada'],
  [/^\/people\/\d+\/cpp(\/|$)/, 'contributions-record'],
  [/^\/people\/\d+\/ei(\/|$)/, 'insurable-hours'],
  [/^\/people\/\d+\/income(\/|$)/, 'income'],
  [/^\/people\/\d+\/socialAssistance\/barriersToFullEmployment$/, 'barriers-to-employment'],
  [/^\/people\/\d+\/socialAssistance\//, 'monthly-income'],
  [/^\/people\/\d+\/disability\/provincialDisability$/, 'provincial-disability'],
  [/^\/people\/\d+\/disability\//, 'disability-tax-credit'],
  [/^\/people\/\d+\/maritalStatus$/, 'marital-status'],
  [/^\/shelterCostCents$/, 'shelter-cost'],
  [/^(\/people\/\d+)?\/assetsCents$/, 'savings'],
];

export type FactOwner = 'you' | 'partner' | 'child' | 'household';

export interface MissingFact {
  readonly owner: FactOwner;
  readonly fact: string;
}

// A child's or the household's facts are few; anything else about them is named as "other details".
const CHILD_OR_HOUSEHOLD_FACTS: Partial<Record<FactOwner, readonly string[]>> = {
  child: ['disability-tax-credit'],
  household: ['shelter-cost', 'savings'],
};

function ownerOf(pointer: string, personIds: readonly string[]): FactOwner {
  const index = /^\/people\/(\d+)\//.exec(pointer)?.[1];
  if (index === undefined) return 'household';
  const id = personIds[Number(index)];
  return id === 'you' || id === 'partner' ? id : 'child';
}

/** Names each missing fact once, for whom it is missing: `/people/1/residence/status` → partner's status. */
export function missingFacts(pointers: readonly string[], personIds: readonly string[]): MissingFact[] {
  const seen = new Map<string, MissingFact>();
  for (const pointer of pointers) {
    const owner = ownerOf(pointer, personIds);
    const found = FACTS.find(([pattern]) => pattern.test(pointer))?.[1] ?? 'other';
    const fact = CHILD_OR_HOUSEHOLD_FACTS[owner]?.includes(found) === false ? 'other' : found;
    seen.set(`${owner}.${fact}`, { owner, fact });
  }
  return [...seen.values()];
}

// Reasons that only say "we need more facts": the card names the facts instead.
const GENERIC_MISSING = /(\.missing-facts|\.facts-missing)$/;

/** The reasons worth showing on a card: not "facts missing" when the facts are listed, not "estimated" without an amount. */
export function reasonsToShow(result: ProgrammeResult): string[] {
  return [...new Set(result.reasons)].filter(
    (code) =>
      !(GENERIC_MISSING.test(code) && result.missingFacts.length > 0) &&
      !(code === 'engine.estimated-rates' && result.status !== 'eligible'),
  );
}

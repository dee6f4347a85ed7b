import assert from 'node:assert/strict';
import { createContext } from '../../../src/rules/core/context.ts';
import { defaultParameters } from '../../../src/rules/core/parameters.ts';
import type {
  Household,
  Person,
  ProvinceCode,
  SocialAssistanceFacts,
} from '../../../src/rules/model/household.ts';
import type { Programme, ProgrammeResult } from '../../../src/rules/core/types.ts';

/** Test-only builders of fictitious households for the needs tests. */

export interface UnitSpec {
  readonly province: ProvinceCode;
  readonly couple?: boolean;
  readonly children?: number;
  readonly dependentAdults?: number;
  readonly earningsCents?: number;
  readonly otherIncomeCents?: number;
  readonly monthsOnAssistance?: number;
  readonly barriers?: boolean;
  readonly shelterCostCents?: number;
  readonly assetsCents?: number;
  readonly applicantBirthDate?: string;
  readonly disabled?: boolean;
  readonly spouseDisabled?: boolean;
  readonly spouseEarningsCents?: number;
}

function adult(id: string, birthDate: string, sa: SocialAssistanceFacts, disabled?: boolean): Person {
  const disability = disabled === undefined ? {} : { disability: { provincialDisability: disabled } };
  return { id, birthDate, socialAssistance: sa, ...disability };
}

function facts(spec: UnitSpec, earnings: number): SocialAssistanceFacts {
  return {
    monthlyNetEarningsCents: earnings,
    monthlyOtherIncomeCents: 0,
    ...(spec.monthsOnAssistance === undefined ? {} : { monthsOnAssistance: spec.monthsOnAssistance }),
    ...(spec.barriers === undefined ? {} : { barriersToFullEmployment: spec.barriers }),
  };
}

export function household(spec: UnitSpec): Household {
  const applicantFacts = {
    ...facts(spec, spec.earningsCents ?? 0),
    monthlyOtherIncomeCents: spec.otherIncomeCents ?? 0,
  };
  const people: Person[] = [
    adult('a1', spec.applicantBirthDate ?? '1985-04-01', applicantFacts, spec.disabled),
  ];
  if (spec.couple)
    people.push(adult('a2', '1986-05-01', facts(spec, spec.spouseEarningsCents ?? 0), spec.spouseDisabled));
  for (let i = 0; i < (spec.dependentAdults ?? 0); i++)
    people.push(adult(`d${i}`, '2004-01-01', facts(spec, 0)));
  for (let i = 0; i < (spec.children ?? 0); i++) people.push({ id: `c${i}`, birthDate: '2015-06-01' });
  return {
    province: spec.province,
    people,
    relationships: spec.couple ? [{ type: 'spouse', partners: ['a1', 'a2'], kind: 'married' }] : [],
    ...(spec.shelterCostCents === undefined ? {} : { shelterCostCents: spec.shelterCostCents }),
    ...(spec.assetsCents === undefined ? {} : { assetsCents: spec.assetsCents }),
  };
}

export function evaluateOne(programme: Programme, h: Household, asOf: string): ProgrammeResult {
  const results = programme.evaluate(h, asOf, createContext(defaultParameters, { tracing: true }));
  const [result] = results;
  assert.ok(result && results.length === 1);
  return result;
}

export interface Expected {
  readonly status: 'eligible' | 'not-eligible' | 'cannot-tell';
  readonly monthlyCents?: number;
  readonly reasons?: readonly string[];
  readonly missingFacts?: readonly string[];
}

export function assertResult(result: ProgrammeResult, expected: Expected): void {
  assert.equal(result.status, expected.status);
  if (expected.monthlyCents !== undefined) {
    assert.equal(result.period, 'month');
    assert.equal(result.periodCents, expected.monthlyCents);
    assert.equal(result.annualCents, expected.monthlyCents * 12);
  }
  for (const reason of expected.reasons ?? []) assert.ok(result.reasons.includes(reason), reason);
  if (expected.missingFacts) assert.deepEqual(result.missingFacts, expected.missingFacts);
}

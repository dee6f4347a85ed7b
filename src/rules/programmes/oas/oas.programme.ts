import type {
  Citation,
  EvaluationContext,
  Programme,
  ProgrammeResult,
  ReasonCode,
  RecoveryTax,
} from '../../core/types.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Household, Person } from '../../model/household.ts';
import {
  createOasRead,
  OAS_ABROAD,
  OAS_OK,
  OAS_RESIDENCE_SHORT,
  OAS_STATUS,
  OAS_UNDER_AGE,
  OAS_UNKNOWN_ABROAD,
  OAS_UNKNOWN_INCOME,
  OAS_UNKNOWN_RESIDENCE,
  OAS_UNKNOWN_STATUS,
  readOas,
  type OasRead,
} from './oas.formula.ts';
import { resolveSeniorsPlan, SENIORS_RATES, type SeniorsPlan } from './seniors.plan.ts';
import { seniorIndices } from './seniors.people.ts';

export const OAS_CITATIONS: readonly Citation[] = [
  {
    title: 'Old Age Security Act, ss. 3, 7, 7.1, 8, 9',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/O-9/',
  },
  {
    title: 'Income Tax Act, s. 180.2 (recovery tax)',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-180.2.html',
  },
];

const NOT_ELIGIBLE: Readonly<Record<number, ReasonCode>> = {
  [OAS_UNDER_AGE]: 'oas.under-age',
  [OAS_RESIDENCE_SHORT]: 'oas.residence-under-10-years',
  [OAS_ABROAD]: 'oas.abroad-under-20-years',
  [OAS_STATUS]: 'oas.residence-status',
};

export function oasMissingFact(outcome: number, index: number, yearKey: string): string | undefined {
  if (outcome === OAS_UNKNOWN_RESIDENCE) return `/people/${index}/residence/yearsInCanadaAfter18`;
  if (outcome === OAS_UNKNOWN_STATUS) return `/people/${index}/residence/status`;
  if (outcome === OAS_UNKNOWN_ABROAD) return `/people/${index}/residence/livesInCanada`;
  if (outcome === OAS_UNKNOWN_INCOME) return `/people/${index}/income/${yearKey}`;
  return undefined;
}

function okReasons(read: OasRead, person: Person, plan: SeniorsPlan): ReasonCode[] {
  const reasons: ReasonCode[] = [read.net > 0 ? 'oas.eligible' : 'oas.fully-recovered'];
  if (read.years < plan.fullYears) reasons.push('oas.partial-pension');
  if (person.oas?.startDate === undefined) reasons.push('oas.deferral-not-counted');
  else if (read.deferralMonths > 0) reasons.push('oas.deferral-increase');
  if (read.at75) reasons.push('oas.increase-at-75');
  if (read.recovery > 0) reasons.push('oas.recovery-tax');
  return reasons;
}

function personResult(
  plan: SeniorsPlan,
  h: Household,
  index: number,
  ctx: EvaluationContext,
): ProgrammeResult {
  const read = createOasRead();
  readOas(plan, h, index, read);
  const person = h.people[index] as Person;
  const common = { programme: 'oas', personId: person.id, citations: OAS_CITATIONS };
  if (ctx.tracing) traceQualification(plan, read, ctx);
  const missing = oasMissingFact(read.outcome, index, plan.yearKey);
  if (missing !== undefined)
    return cannotTellResult({ ...common, reasons: ['oas.missing-facts'] }, [missing], ctx);
  if (read.outcome !== OAS_OK)
    return notEligibleResult({ ...common, reasons: [NOT_ELIGIBLE[read.outcome] ?? 'oas.not-eligible'] }, ctx);
  if (ctx.tracing) traceAmount(plan, read, ctx);
  const amount = { annualCents: read.net * 12, periodCents: read.net, period: 'month' as const };
  const result = amountResult({ ...common, reasons: okReasons(read, person, plan) }, amount, ctx);
  return { ...result, recoveryTax: recoveryTax(plan, read) };
}

// Untraced, the steps' details are not even built.
function traceQualification(plan: SeniorsPlan, read: OasRead, ctx: EvaluationContext): void {
  ctx.step('oas.parameters', { inputs: { asOf: plan.asOf, baseYear: plan.yearKey } });
  ctx.step('oas.qualification', { inputs: { outcome: read.outcome, yearsInCanadaAfter18: read.years } });
}

function traceAmount(plan: SeniorsPlan, read: OasRead, ctx: EvaluationContext): void {
  ctx.step('oas.monthly-pension', {
    inputs: { years: read.years, deferralMonths: read.deferralMonths, increaseAt75: read.at75 },
    resultCents: read.gross,
  });
  ctx.step('oas.recovery-tax-annual', {
    inputs: { incomeYear: plan.yearKey, thresholdCents: plan.recoveryThreshold },
    citation: RECOVERY_CITATION,
    resultCents: read.annualRecovery,
  });
  ctx.step('oas.recovery-tax', { resultCents: read.recovery });
  ctx.step('oas.monthly-net', { resultCents: read.net });
}

const RECOVERY_CITATION = {
  title: 'Income Tax Act, s. 180.2 (15 % of net income above the threshold)',
  href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-180.2.html',
};

function recoveryTax(plan: SeniorsPlan, read: OasRead): RecoveryTax {
  return {
    incomeYear: plan.yearKey,
    thresholdCents: plan.recoveryThreshold,
    annualCents: read.annualRecovery,
    monthlyWithholdingCents: read.recovery,
  };
}

/**
 * OAS pension: one result per person aged 60 or more (one household result when there is none).
 * periodCents is the month of asOf (amounts change each quarter); annualCents is 12 × that month.
 */
export function evaluateOas(h: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
  const plan = ctx.plan('seniors', asOf, (reader) => resolveSeniorsPlan(reader, asOf));
  const people = seniorIndices(h, asOf);
  if (people.length === 0) {
    return [
      notEligibleResult({ programme: 'oas', reasons: ['oas.under-age'], citations: OAS_CITATIONS }, ctx),
    ];
  }
  return people.map((i) => personResult(plan, h, i, ctx));
}

/** Household sum of eligible persons; NaN if none is eligible and someone cannot be decided. */
export function sumOverPeople(h: Household, perPerson: (index: number) => number): number {
  let sum = 0;
  let unknown = false;
  for (let i = 0; i < h.people.length; i++) {
    const v = perPerson(i);
    if (v > 0) sum += v;
    else if (Number.isNaN(v)) unknown = true;
  }
  if (sum > 0) return sum;
  return unknown ? Number.NaN : 0;
}

export const oasProgramme: Programme = {
  id: 'oas',
  ratesOnFile: SENIORS_RATES,
  evaluate: evaluateOas,
  compile(asOf, params) {
    const plan = resolveSeniorsPlan(params, asOf);
    const read = createOasRead();
    let household: Household | undefined;
    const perPerson = (i: number): number => {
      readOas(plan, household as Household, i, read);
      if (read.outcome === OAS_OK) return read.net * 12;
      return read.outcome >= OAS_UNKNOWN_RESIDENCE ? Number.NaN : 0;
    };
    return (h) => {
      household = h;
      return sumOverPeople(h, perPerson);
    };
  },
};

import { ageOn } from '../../core/dates.ts';
import { cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Citation, EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household, Person } from '../../model/household.ts';
import { compileForProvince } from '../shared/province-compile.ts';

/**
 * Quebec Pension Plan retirement pension (Act respecting the Québec Pension Plan, CQLR c. R-9), for
 * people living in Quebec, one result per person aged 60 or more or with earnings on file (one
 * household result otherwise). Outside Quebec the CPP applies (cpp-retirement).
 *
 * What is decided: no pension without a year of earnings above the basic exemption, none before 60.
 * What is not yet: the amount, because the share of low-earning months the Act drops from the
 * average is not on file (qpp/plan.yaml); the result says so (qpp.amount-not-encoded).
 */

const PROGRAMME = 'qpp-retirement';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Act respecting the Québec Pension Plan, CQLR c. R-9, ss. 116-120.1',
    href: 'https://www.legisquebec.gouv.qc.ca/en/document/cs/R-9',
  },
  {
    title: 'Retraite Québec, Calculation of your retirement pension under the Québec Pension Plan',
    href: 'https://www.rrq.gouv.qc.ca/en/retraite/rrq/calcul_rente/Pages/calcul_rente.aspx',
  },
];

function hasValidContribution(person: Person, exemption: number): boolean {
  const years = person.cpp?.earningsByYear ?? {};
  return Object.values(years).some((cents) => cents > exemption);
}

function evaluatePerson(
  person: Person,
  index: number,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult | undefined {
  const plan = ctx.table('qpp/plan', asOf);
  const age = ageOn(person.birthDate, asOf);
  if (person.cpp === undefined && age < (plan['earliest-age'] ?? 60)) return undefined;
  const common = { programme: PROGRAMME, personId: person.id, citations: CITATIONS };
  ctx.step('qpp.person', { inputs: { age } });
  if (person.cpp === undefined)
    return cannotTellResult(
      { ...common, reasons: ['qpp.earnings-missing'] },
      [`/people/${index}/cpp/earningsByYear`],
      ctx,
    );
  if (!hasValidContribution(person, plan['basic-exemption'] ?? 0))
    return notEligibleResult({ ...common, reasons: ['qpp.no-valid-contribution'] }, ctx);
  if (age < (plan['earliest-age'] ?? 60))
    return notEligibleResult({ ...common, reasons: ['qpp.under-60'] }, ctx);
  return cannotTellResult({ ...common, reasons: ['qpp.amount-not-encoded'] }, [], ctx);
}

function evaluateQpp(h: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
  const common = { programme: PROGRAMME, citations: CITATIONS };
  if (h.province !== 'QC') return [notEligibleResult({ ...common, reasons: ['qpp.outside-quebec'] }, ctx)];
  const results = h.people.flatMap((person, index) => evaluatePerson(person, index, asOf, ctx) ?? []);
  return results.length > 0 ? results : [notEligibleResult({ ...common, reasons: ['qpp.under-60'] }, ctx)];
}

export const qppRetirementProgramme: Programme = {
  id: PROGRAMME,
  evaluate: evaluateQpp,
  compile: compileForProvince('QC', evaluateQpp),
};

import { benefitYearStart } from '../../core/dates.ts';
import { divideRounded, excess, multiplyRate } from '../../core/money.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type {
  Citation,
  EvaluationContext,
  ParameterReader,
  Programme,
  ProgrammeResult,
} from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { compileForProvince } from '../shared/province-compile.ts';
import {
  createChildScratch,
  familyHead,
  familyNetIncome,
  familyStatus,
  qualifiesOnlyAsTemporaryResident,
  missingIncomePaths,
  readChildren,
  spouseIndex,
} from '../shared/family.ts';

/**
 * BC family benefit, paid with the CCB to CCB recipients living in British Columbia, for children
 * under 18 (one result per household). Annual amount: the maxima by child rank (plus the
 * single-parent supplement) less 4 % of adjusted family net income above the first threshold, but
 * not below the minimum by child rank; then less 4 % above the second threshold. Paid monthly:
 * 1/12 of the annual amount cut to the cent, as in the CRA's published monthly amounts.
 * Children in shared custody are not modelled (cannot tell).
 */

const PROGRAMME = 'bc-family-benefit';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Income Tax Act (British Columbia), R.S.B.C. 1996, c. 215 (BC family benefit)',
    href: 'https://www.bclaws.gov.bc.ca/civix/document/id/complete/statreg/96215_01',
  },
  {
    title: 'CRA, Province of British Columbia: BC family benefit',
    href: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/provincial-territorial-programs/province-british-columbia.html',
  },
];

/** Lives with the parent at least 40 % of the time (as for the CCB); 100 % is full custody. */
const SHARED_FROM = 0.4;

export interface BcfbRates {
  readonly first: number;
  readonly second: number;
  readonly additional: number;
  readonly singleParent: number;
  readonly minimumFirst: number;
  readonly minimumSecond: number;
  readonly minimumAdditional: number;
  readonly threshold: number;
  readonly secondThreshold: number;
  readonly rate: number;
}

export function readBcfbRates(params: ParameterReader, asOf: string): BcfbRates {
  const t = params.table('bc/family-benefit', asOf);
  const at = (key: string): number => t[key] ?? Number.NaN;
  return {
    first: at('first'),
    second: at('second'),
    additional: at('additional'),
    singleParent: at('single-parent'),
    minimumFirst: at('minimum-first'),
    minimumSecond: at('minimum-second'),
    minimumAdditional: at('minimum-additional'),
    threshold: at('threshold'),
    secondThreshold: at('second-threshold'),
    rate: at('rate'),
  };
}

function byRank(children: number, first: number, second: number, additional: number): number {
  if (children <= 0) return 0;
  return first + (children >= 2 ? second : 0) + Math.max(0, children - 2) * additional;
}

/** Annual BC family benefit in cents for `children` children and the family's AFNI (cents). */
export function bcfbAnnualCents(r: BcfbRates, children: number, singleParent: boolean, afni: number): number {
  const maximum =
    byRank(children, r.first, r.second, r.additional) + (singleParent && children > 0 ? r.singleParent : 0);
  const minimum = byRank(children, r.minimumFirst, r.minimumSecond, r.minimumAdditional);
  const firstStage = Math.max(maximum - multiplyRate(excess(afni, r.threshold), r.rate, 'half-up'), minimum);
  return Math.max(0, firstStage - multiplyRate(excess(afni, r.secondThreshold), r.rate, 'half-up'));
}

interface Family {
  readonly children: number;
  readonly shared: boolean;
  readonly head: number;
  readonly spouse: number;
}

// Reused by every plan of this programme: an evaluation runs synchronously to its end and never nests another
// of the same programme, and four typed arrays allocated per evaluation cost about a tenth of an API
// evaluation (issue #12 profile).
const SCRATCH = createChildScratch();

function readFamily(h: Household, asOf: string): Family {
  const scratch = SCRATCH;
  readChildren(h, `${asOf.slice(0, 8)}01`, 18, scratch);
  let children = 0;
  let shared = false;
  for (let i = 0; i < scratch.count; i++) {
    const share = scratch.shares[i] ?? 0;
    if (share >= SHARED_FROM) children += 1;
    if (share >= SHARED_FROM && share < 1) shared = true;
  }
  const head = familyHead(h, asOf);
  return { children, shared, head, spouse: spouseIndex(h, head) };
}

function evaluateBcfb(h: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
  const common = { programme: PROGRAMME, citations: CITATIONS };
  if (h.province !== 'BC') return [notEligibleResult({ ...common, reasons: ['bcfb.outside-bc'] }, ctx)];
  const rates = readBcfbRates(ctx, asOf);
  const family = readFamily(h, asOf);
  const yearKey = String(benefitYearStart(asOf) - 1);
  ctx.step('bcfb.family', { inputs: { children: family.children, incomeYear: yearKey } });
  if (family.children === 0 || family.head < 0)
    return [notEligibleResult({ ...common, reasons: ['bcfb.no-eligible-child'] }, ctx)];
  if (family.shared)
    return [cannotTellResult({ ...common, reasons: ['bcfb.shared-custody-not-modelled'] }, [], ctx)];
  const status = familyStatus(h, family.head, family.spouse);
  const afni = familyNetIncome(h, family.head, family.spouse, yearKey);
  if (status === 0) return [notEligibleResult({ ...common, reasons: ['bcfb.not-ccb-recipient'] }, ctx)];
  if (Number.isNaN(status) || Number.isNaN(afni)) {
    const missing = missingIncomePaths(h, [family.head, family.spouse], yearKey);
    const facts = missing.length > 0 ? missing : [`/people/${family.head}/residence/status`];
    return [cannotTellResult({ ...common, reasons: ['bcfb.missing-facts'] }, facts, ctx)];
  }
  const annual = bcfbAnnualCents(rates, family.children, family.spouse < 0, afni);
  ctx.step('bcfb.annual-amount', {
    inputs: { afniCents: afni, singleParent: family.spouse < 0 },
    resultCents: annual,
  });
  const monthly = divideRounded(annual, 12, 'floor');
  return [
    amountResult(
      {
        ...common,
        reasons:
          annual > 0
            ? [
                'bcfb.eligible',
                // Paid with the CCB (ITA s. 122.6 "eligible individual"), so the CCB's 18-month condition holds.
                ...(qualifiesOnlyAsTemporaryResident(h, family.head, family.spouse)
                  ? ['bcfb.temporary-resident-conditions']
                  : []),
              ]
            : ['bcfb.income-above-threshold'],
      },
      { annualCents: annual, periodCents: monthly, period: 'month' },
      ctx,
    ),
  ];
}

export const bcFamilyBenefitProgramme: Programme = {
  id: PROGRAMME,
  evaluate: evaluateBcfb,
  compile: compileForProvince('BC', evaluateBcfb),
};

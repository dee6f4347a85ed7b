import type { Citation, EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Household } from '../../model/household.ts';
import { missingIncomePaths, qualifiesOnlyAsTemporaryResident } from '../shared/family.ts';
import {
  annualCents,
  ccbAnnualMicro,
  ccbMaximum,
  ccbReduction,
  cdbAnnualMicro,
  childCount,
  monthlyCents,
  resolveCcbPlan,
  type CcbPlan,
} from './ccb.formula.ts';
import {
  createFamilyRead,
  FAMILY_NO_CHILD,
  FAMILY_OK,
  FAMILY_STATUS,
  readCcbFamily,
  type FamilyRead,
} from './ccb.family.ts';

export const CCB_CITATIONS: readonly Citation[] = [
  {
    title: 'Income Tax Act, ss. 122.6–122.63',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-122.61.html',
  },
  {
    title: 'CRA, Canada child benefit: how much you can get',
    href: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-child-benefit/how-much.html',
  },
];

type Kind = 'ccb' | 'cdb';

/** Batch fast path for CCB or CDB: one family read, one formula, no allocation. */
export function compileCcbLike(kind: Kind) {
  return (asOf: string, params: Parameters<typeof resolveCcbPlan>[0]) => {
    const plan = resolveCcbPlan(params, asOf);
    const family = createFamilyRead();
    return (h: Household): number => {
      readCcbFamily(plan, h, kind === 'cdb', family);
      if (family.outcome === FAMILY_OK) return annualCents(annualMicroFor(kind, plan, family.afni));
      return family.outcome === FAMILY_NO_CHILD || family.outcome === FAMILY_STATUS ? 0 : Number.NaN;
    };
  };
}

function annualMicroFor(kind: Kind, plan: CcbPlan, afni: number): number {
  return kind === 'ccb' ? ccbAnnualMicro(plan, afni) : cdbAnnualMicro(plan, afni);
}

function traceFamily(kind: Kind, plan: CcbPlan, family: FamilyRead, ctx: EvaluationContext): void {
  // Untraced, the steps' details are not even built (they copy the children's arrays).
  if (!ctx.tracing) return;
  const s = plan.scratch;
  ctx.step(`${kind}.parameters`, { inputs: { asOf: plan.asOf } });
  ctx.step(`${kind}.eligible-children`, {
    inputs: {
      ages: Array.from(s.ages.subarray(0, s.count)),
      custodyShares: Array.from(s.shares.subarray(0, s.count)),
      dtcEligible: Array.from(s.dtc.subarray(0, s.count)),
      fullCustody: childCount(plan, 2, kind === 'cdb'),
      sharedCustody: childCount(plan, 1, kind === 'cdb'),
    },
  });
  if (family.outcome === FAMILY_OK) {
    ctx.step(`${kind}.adjusted-family-net-income`, {
      inputs: { baseYear: family.yearKey },
      resultCents: family.afni,
    });
  }
}

function traceAmount(kind: Kind, plan: CcbPlan, afni: number, micro: number, ctx: EvaluationContext): void {
  if (!ctx.tracing) return;
  if (kind === 'ccb') {
    ctx.step('ccb.maximum', { resultCents: ccbMaximum(plan, 3) });
    ctx.step('ccb.reduction', { resultCents: ccbReduction(plan, childCount(plan, 3, false), afni) });
  }
  ctx.step(`${kind}.annual-amount`, {
    inputs: { sharedCustodyFactor: plan.sharedFactor },
    resultCents: annualCents(micro),
  });
  ctx.step(`${kind}.monthly-payment`, { resultCents: monthlyCents(micro) });
}

export function evaluateCcbLike(
  kind: Kind,
  h: Household,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult[] {
  const plan = ctx.plan('ccb', asOf, (reader) => resolveCcbPlan(reader, asOf));
  const family = createFamilyRead();
  readCcbFamily(plan, h, kind === 'cdb', family);
  traceFamily(kind, plan, family, ctx);
  const common = { programme: kind, citations: CCB_CITATIONS };
  if (family.outcome === FAMILY_NO_CHILD) {
    return [notEligibleResult({ ...common, reasons: [`${kind}.no-eligible-child`] }, ctx)];
  }
  if (family.outcome === FAMILY_STATUS) {
    return [notEligibleResult({ ...common, reasons: [`${kind}.residence-status`] }, ctx)];
  }
  if (family.outcome !== FAMILY_OK) {
    const missing = missingIncomePaths(h, [family.head, family.spouse], family.yearKey);
    const statusPaths = [family.head, family.spouse]
      .filter((i) => i >= 0)
      .map((i) => `/people/${i}/residence/status`);
    return [
      cannotTellResult(
        { ...common, reasons: [`${kind}.missing-facts`] },
        missing.length ? missing : statusPaths,
        ctx,
      ),
    ];
  }
  const micro = annualMicroFor(kind, plan, family.afni);
  const annual = annualCents(micro);
  traceAmount(kind, plan, family.afni, micro, ctx);
  const conditions = qualifiesOnlyAsTemporaryResident(h, family.head, family.spouse)
    ? [`${kind}.temporary-resident-conditions`]
    : [];
  const reasons = annual > 0 ? [`${kind}.eligible`, ...conditions] : [`${kind}.income-above-threshold`];
  return [
    amountResult(
      { ...common, reasons },
      { annualCents: annual, periodCents: monthlyCents(micro), period: 'month' },
      ctx,
    ),
  ];
}

/** Canada child benefit: one result per household (the family head and spouse are the recipients). */
export const ccbProgramme: Programme = {
  id: 'ccb',
  evaluate: (h, asOf, ctx) => evaluateCcbLike('ccb', h, asOf, ctx),
  compile: compileCcbLike('ccb'),
};

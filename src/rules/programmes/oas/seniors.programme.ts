import type { Citation, EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Household } from '../../model/household.ts';
import { sumOverPeople } from './oas.programme.ts';
import { SENIORS_RATES, resolveSeniorsPlan, type SeniorsPlan } from './seniors.plan.ts';
import { seniorIndices } from './seniors.people.ts';
import { createSeniorRead, type MissingKind, type SeniorRead } from './seniors.read.ts';

type Reader = (plan: SeniorsPlan, h: Household, index: number, out: SeniorRead) => void;

const FACT_PATHS: Readonly<Record<Exclude<MissingKind, ''>, (i: number, year: string) => string>> = {
  income: (i, year) => `/people/${i}/income/${year}`,
  residence: (i) => `/people/${i}/residence/yearsInCanadaAfter18`,
  status: (i) => `/people/${i}/residence/status`,
  'lives-in-canada': (i) => `/people/${i}/residence/livesInCanada`,
  'marital-status': (i) => `/people/${i}/maritalStatus`,
};

function personResult(
  id: string,
  citations: readonly Citation[],
  plan: SeniorsPlan,
  read: SeniorRead,
  personId: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const common = { programme: id, personId, citations };
  // Untraced, the steps' details are not even built.
  if (ctx.tracing) ctx.step(`${id}.parameters`, { inputs: { asOf: plan.asOf, baseYear: plan.yearKey } });
  if (Number.isNaN(read.amount)) {
    const fact =
      read.missingKind === '' ? [] : [FACT_PATHS[read.missingKind](read.missingIndex, plan.yearKey)];
    return cannotTellResult({ ...common, reasons: [read.reason || `${id}.missing-facts`] }, fact, ctx);
  }
  if (read.amount === 0) return notEligibleResult({ ...common, reasons: [read.reason] }, ctx);
  if (ctx.tracing) {
    ctx.step(`${id}.income-test`, {
      inputs: { situation: read.situation || 'individual' },
      resultCents: read.income,
    });
    ctx.step(`${id}.monthly-amount`, { resultCents: read.amount });
  }
  const reasons = [`${id}.eligible`, ...(read.situation ? [`gis.situation.${read.situation}`] : [])];
  return amountResult(
    { ...common, reasons },
    { annualCents: read.amount * 12, periodCents: read.amount, period: 'month' },
    ctx,
  );
}

/**
 * An income-tested seniors' benefit: one result per person aged 60 or more (one household result
 * when there is none). Monthly amount of the quarter containing asOf; annualCents = 12 × that month.
 */
export function seniorsProgramme(id: string, reader: Reader, citations: readonly Citation[]): Programme {
  return {
    id,
    ratesOnFile: SENIORS_RATES,
    evaluate(h, asOf, ctx) {
      const plan = ctx.plan('seniors', asOf, (reader) => resolveSeniorsPlan(reader, asOf));
      const people = seniorIndices(h, asOf);
      if (people.length === 0)
        return [notEligibleResult({ programme: id, reasons: [`${id}.age`], citations }, ctx)];
      return people.map((i) => {
        const read = createSeniorRead();
        reader(plan, h, i, read);
        return personResult(id, citations, plan, read, h.people[i]?.id ?? '', ctx);
      });
    },
    compile(asOf, params) {
      const plan = resolveSeniorsPlan(params, asOf);
      const read = createSeniorRead();
      let household: Household | undefined;
      const perPerson = (i: number): number => {
        reader(plan, household as Household, i, read);
        return read.amount * 12;
      };
      return (h) => {
        household = h;
        return sumOverPeople(h, perPerson);
      };
    },
  };
}

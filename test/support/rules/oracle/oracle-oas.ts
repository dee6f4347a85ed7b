import { defaultParameters as store } from '../../../../src/rules/core/parameters.ts';
import { pensionCents, recoveryTaxCents } from '../../../../src/rules/programmes/oas/oas.formula.ts';
import {
  dollarsToCents,
  has,
  num,
  people,
  type OracleCase,
  type Scalar,
  type Vars,
  cents,
  periodStart,
  value,
  type Evaluator,
} from './oracle-case.ts';

/**
 * OAS pension answers for PolicyEngine's calendar-year periods. PolicyEngine has no birth dates, so
 * a person's age is taken as constant over the year; everything else follows the Old Age Security
 * Act month by month with our quarterly maxima (s. 7, indexation each January, April, July, October).
 */

interface OasRules {
  readonly fullYears: number;
  readonly minimumYears: number;
  readonly pensionAge: number;
  readonly increaseAge: number;
  readonly deferralRate: number;
}

function rules(c: OracleCase): OasRules {
  const t = store.table('oas/rules', periodStart(c));
  const v = (k: string): number => t[k] ?? Number.NaN;
  return {
    fullYears: v('full-years'),
    minimumYears: v('minimum-years'),
    pensionAge: v('pension-age'),
    increaseAge: v('increase-age'),
    deferralRate: v('deferral-monthly-rate'),
  };
}

const age = (p: Vars): number => num(p, 'age', 18);
const years = (p: Vars): number => num(p, 'adult_years_in_canada');

/** OAS Act s. 3(1)-(2): pension age reached and at least 10 years in Canada after age 18. */
function eligible(r: OasRules, p: Vars): boolean {
  return age(p) >= r.pensionAge && years(p) >= r.minimumYears;
}

/**
 * Pension paid in the calendar year, in cents: the twelve monthly amounts (s. 3(3) years/40, the
 * quarter's maximum, the age-75 maximum under s. 7(5) from July 2022), each rounded to the cent.
 */
export function annualPensionCents(c: OracleCase, p: Vars): number {
  const r = rules(c);
  if (!eligible(r, p)) return 0;
  const path = age(p) >= r.increaseAge ? 'oas/max-75-plus' : 'oas/max-65-to-74';
  let total = 0;
  for (let month = 1; month <= 12; month++) {
    const max = store.param(path, `${c.period}-${String(month).padStart(2, '0')}-01`);
    total += pensionCents(max, years(p), r.fullYears, r.deferralRate, 0);
  }
  return total;
}

const preRepayment = (c: OracleCase, p: Vars): number =>
  has(p, 'oas_pre_repayment') ? dollarsToCents(num(p, 'oas_pre_repayment')) : annualPensionCents(c, p);

/** ITA s. 180.2: 15 % of net income of year N above that year's threshold, at most the pension received. */
function repaymentCents(c: OracleCase, p: Vars): number {
  const recovery = store.table('oas/recovery', `${Number(c.period) + 1}-07-01`);
  return recoveryTaxCents(
    recovery['threshold'] ?? Number.NaN,
    recovery['rate'] ?? Number.NaN,
    dollarsToCents(num(p, 'individual_net_income')),
    preRepayment(c, p),
  );
}

const perPerson =
  (f: (c: OracleCase, p: Vars) => Scalar): Evaluator =>
  (c) =>
    value(people(c).map(([, p]) => f(c, p)));

export const oasAnswers: Readonly<Record<string, Evaluator>> = {
  oas_eligibility: perPerson((c, p) => eligible(rules(c), p)),
  oas_pre_repayment: perPerson((c, p) => cents(annualPensionCents(c, p))),
  oas_repayment: perPerson((c, p) => cents(repaymentCents(c, p))),
  oas_net: perPerson((c, p) => cents(preRepayment(c, p) - repaymentCents(c, p))),
};

import { benefitYearStart, monthIndex } from '../../core/dates.ts';
import type { ParameterReader } from '../../core/types.ts';

/** OAS, GIS and allowance parameters for one month, resolved once. Amounts are monthly cents. */
export interface SeniorsPlan {
  readonly asOf: string;
  readonly month: number;
  /** Base calendar year of the July–June payment period (OAS Act s. 2 "base calendar year"). */
  readonly yearKey: string;
  readonly oasMax: number;
  readonly oasMax75: number;
  readonly fullYears: number;
  readonly minimumYears: number;
  readonly yearsForPaymentAbroad: number;
  readonly pensionAge: number;
  readonly increaseAge: number;
  readonly deferralRate: number;
  readonly deferralMaxMonths: number;
  readonly recoveryThreshold: number;
  readonly recoveryRate: number;
  readonly gisMaxSingle: number;
  readonly gisMaxCouple: number;
  readonly topUpSingle: number;
  readonly topUpCouple: number;
  readonly survivorMax: number;
  readonly exemptionFull: number;
  readonly exemptionBand: number;
  readonly exemptionRate: number;
  readonly topUpThresholdSingle: number;
  readonly topUpThresholdCouple: number;
}

function entry(table: Readonly<Record<string, number>>, key: string): number {
  return table[key] ?? Number.NaN;
}

/** The files that bound the seniors' programmes' coverage (the quarterly amounts and the recovery year). */
export const SENIORS_RATES: readonly string[] = [
  'oas/max-65-to-74',
  'oas/max-75-plus',
  'oas/recovery',
  'gis/max-single',
  'gis/max-couple',
  'gis/survivor-allowance-max',
];

export function resolveSeniorsPlan(params: ParameterReader, asOf: string): SeniorsPlan {
  const rules = params.table('oas/rules', asOf);
  const recovery = params.table('oas/recovery', asOf);
  const test = params.table('gis/income-test', asOf);
  return {
    asOf,
    month: monthIndex(asOf),
    yearKey: String(benefitYearStart(asOf) - 1),
    oasMax: params.param('oas/max-65-to-74', asOf),
    oasMax75: params.param('oas/max-75-plus', asOf),
    fullYears: entry(rules, 'full-years'),
    minimumYears: entry(rules, 'minimum-years'),
    yearsForPaymentAbroad: entry(rules, 'years-for-payment-abroad'),
    pensionAge: entry(rules, 'pension-age'),
    increaseAge: entry(rules, 'increase-age'),
    deferralRate: entry(rules, 'deferral-monthly-rate'),
    deferralMaxMonths: entry(rules, 'deferral-max-months'),
    recoveryThreshold: entry(recovery, 'threshold'),
    recoveryRate: entry(recovery, 'rate'),
    gisMaxSingle: params.param('gis/max-single', asOf),
    gisMaxCouple: params.param('gis/max-couple', asOf),
    topUpSingle: params.param('gis/top-up-single', asOf),
    topUpCouple: params.param('gis/top-up-couple', asOf),
    survivorMax: params.param('gis/survivor-allowance-max', asOf),
    exemptionFull: entry(test, 'exemption-full'),
    exemptionBand: entry(test, 'exemption-partial-band'),
    exemptionRate: entry(test, 'exemption-partial-rate'),
    topUpThresholdSingle: entry(test, 'top-up-threshold-single'),
    topUpThresholdCouple: entry(test, 'top-up-threshold-couple'),
  };
}

/**
 * Regional unemployment rate bands of the Employment Insurance Act. Every band is "more than x % but
 * not more than y %" (s. 7(2), s. 14(2), Schedule I), so rates are compared in tenths of a percent,
 * as published, to keep 13.0 and 13.1 on the right sides of the 13 % line.
 */

/** Keys of the nine bands of s. 7(2) and s. 14(2) (entrance requirement, best weeks). */
const NINE_BANDS = [
  'up-to-6',
  '6-to-7',
  '7-to-8',
  '8-to-9',
  '9-to-10',
  '10-to-11',
  '11-to-12',
  '12-to-13',
  'over-13',
] as const;

/** Keys of the twelve bands of Schedule I (weeks of benefits). */
const TWELVE_BANDS = [...NINE_BANDS.slice(0, 8), '13-to-14', '14-to-15', '15-to-16', 'over-16'] as const;

/** Schedule I rows are 35 hours wide from 420; the 41st row is "1,820 or more". */
const SCHEDULE_FIRST_ROW = 420;
const SCHEDULE_ROW_WIDTH = 35;
const SCHEDULE_LAST_ROW_INDEX = 40;

export function rateInTenths(ratePercent: number): number {
  return Math.round(ratePercent * 10);
}

/** 0 for rates up to 6 %, then one more per whole point: 6.1–7.0 → 1, 13.1–14.0 → 8. */
function bandIndex(tenths: number): number {
  return tenths <= 60 ? 0 : Math.ceil(tenths / 10) - 6;
}

export function nineBandKey(tenths: number): string {
  return NINE_BANDS[Math.min(bandIndex(tenths), NINE_BANDS.length - 1)] ?? 'over-13';
}

export function twelveBandKey(tenths: number): string {
  return TWELVE_BANDS[Math.min(bandIndex(tenths), TWELVE_BANDS.length - 1)] ?? 'over-16';
}

/** First hour of the Schedule I row holding `hours`, or null below 420 hours. */
export function scheduleRowStart(hours: number): number | null {
  if (hours < SCHEDULE_FIRST_ROW) return null;
  const row = Math.min(
    SCHEDULE_LAST_ROW_INDEX,
    Math.floor((hours - SCHEDULE_FIRST_ROW) / SCHEDULE_ROW_WIDTH),
  );
  return SCHEDULE_FIRST_ROW + row * SCHEDULE_ROW_WIDTH;
}

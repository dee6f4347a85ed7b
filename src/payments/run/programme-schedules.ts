import { businessDaysAfter } from '../calendar/business-days.ts';
import { paymentDateFor, scheduleOf } from '../calendar/schedules.ts';
import type { ScheduleId } from '../calendar/schedules.ts';

/**
 * Which payment schedule pays each programme of the catalogue. GIS and the Allowance are paid with the OAS
 * pension, the Canada Disability Benefit and BC Family Benefit with the CCB (their published calendars).
 */
const SCHEDULE_OF_PROGRAMME: Readonly<Record<string, ScheduleId>> = {
  oas: 'oas',
  gis: 'oas',
  allowance: 'oas',
  'allowance-survivor': 'oas',
  'cpp-retirement': 'cpp',
  'qpp-retirement': 'cpp',
  ccb: 'ccb',
  cdb: 'ccb',
  'bc-family-benefit': 'ccb',
  'ei-regular': 'ei',
  'on-ontario-works': 'ontario-works',
  'on-odsp': 'odsp',
  'ab-income-support': 'alberta-income-support',
  'bc-income-assistance': 'bc-income-assistance',
};

export class UnpayableProgrammeError extends Error {
  constructor(readonly programmeId: string) {
    super(`No payment schedule pays programme ${programmeId}`);
    this.name = 'UnpayableProgrammeError';
  }
}

export function scheduleOfProgramme(programmeId: string): ScheduleId {
  const schedule = SCHEDULE_OF_PROGRAMME[programmeId];
  if (!schedule) throw new UnpayableProgrammeError(programmeId);
  return schedule;
}

export function isPayableProgramme(programmeId: string): boolean {
  return programmeId in SCHEDULE_OF_PROGRAMME;
}

export const PAYABLE_PROGRAMMES: readonly string[] = Object.keys(SCHEDULE_OF_PROGRAMME);

/** The CPA Standard 007 transaction code a programme's credits carry. */
export function transactionCodeOf(programmeId: string): string {
  return scheduleOf(scheduleOfProgramme(programmeId)).cpaTransactionCode;
}

/**
 * The day a programme's run for a month pays. EI pays every two weeks from each claim; this build pays the
 * two-week periods that began in a month together, on the first banking day after it (ADR 0020).
 */
export function payDateOfRun(programmeId: string, period: string): string {
  const schedule = scheduleOfProgramme(programmeId);
  if (schedule !== 'ei') return paymentDateFor(schedule, period).date;
  const [year, month] = period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return businessDaysAfter(lastDay, 1);
}

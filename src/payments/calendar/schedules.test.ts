import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AnchorRequiredError,
  NoPublishedDateError,
  nextPaymentDate,
  paymentDateFor,
  paymentDatesIn,
  scheduleOf,
  type ScheduleId,
} from './schedules.ts';
import { isBankingDay } from './business-days.ts';

const withPublishedDates: ScheduleId[] = [
  'oas',
  'cpp',
  'ccb',
  'ontario-works',
  'odsp',
  'alberta-income-support',
];

describe('each rule gives the dates the programme published', () => {
  for (const id of withPublishedDates) {
    const published = scheduleOf(id).published;
    assert.ok(published, `${id} has published dates`);
    for (const [period, date] of Object.entries(published.dates)) {
      it(`${id} ${period}: ${date}`, () => assert.equal(paymentDateFor(id, period).date, date));
    }
  }
});

describe('payment schedules', () => {
  it('OAS 2026: twelve payments, each on a banking day, three banking days from the end of its month', () => {
    const dates = paymentDatesIn('oas', 2026);
    assert.equal(dates.length, 12);
    assert.ok(dates.every((d) => isBankingDay(d.date)));
    assert.equal(dates[8]?.date, '2026-09-25', '30 September is closed, so the 25th is third-last');
  });
  it('OAS December is marked as inferred, the other months are not', () => {
    assert.equal(paymentDateFor('oas', '2027-12').inferred, true);
    assert.equal(paymentDateFor('oas', '2027-11').inferred, false);
  });
  it('CCB 2027: the 20th or the banking day before (20 March 2027 is a Saturday)', () =>
    assert.equal(paymentDateFor('ccb', '2027-03').date, '2027-03-19'));
  it('Ontario Works pays the month ahead: January 2027 is paid on the last banking day of 2026', () => {
    const january = paymentDateFor('ontario-works', '2027-01');
    assert.deepEqual([january.date, january.period], ['2026-12-31', '2027-01']);
  });
  it('paymentDatesIn lists payments made in the year, whatever month they cover', () => {
    const dates = paymentDatesIn('ontario-works', 2025);
    assert.equal(dates.length, 12);
    assert.deepEqual([dates[0]?.period, dates[11]?.period], ['2025-02', '2026-01']);
  });
  it('Alberta counts Alberta holidays as well as banking ones', () =>
    // 4 business days before 1 April 2024 skips Good Friday, 29 March
    assert.equal(paymentDateFor('alberta-income-support', '2024-04').date, '2024-03-25'));
  it('BC: a published year is known, any other year is refused rather than guessed', () => {
    assert.equal(paymentDateFor('bc-income-assistance', '2026-05').date, '2026-04-22');
    assert.throws(() => paymentDateFor('bc-income-assistance', '2027-05'), NoPublishedDateError);
    assert.equal(paymentDatesIn('bc-income-assistance', 2027).length, 0);
  });
  it('EI: every 14 days from the claim, moved back to a banking day, and refused without a claim', () => {
    const dates = paymentDatesIn('ei', 2026, { anchor: '2026-09-13' });
    assert.deepEqual(
      dates.slice(0, 3).map((d) => d.date),
      ['2026-09-25', '2026-10-09', '2026-10-23'],
    );
    assert.ok(dates.every((d) => d.inferred));
    assert.throws(() => paymentDatesIn('ei', 2026), AnchorRequiredError);
  });
  it('nextPaymentDate is strictly after the given day and crosses into the next year', () => {
    assert.equal(nextPaymentDate('oas', '2026-01-28').date, '2026-02-25');
    assert.equal(nextPaymentDate('oas', '2026-01-27').date, '2026-01-28');
    assert.equal(nextPaymentDate('ccb', '2026-12-11').date, '2027-01-20');
  });
  it('each schedule names its CPA transaction code and its sources in both languages', () => {
    for (const id of ['oas', 'cpp', 'ccb', 'ei', 'odsp', 'bc-income-assistance'] as const) {
      const schedule = scheduleOf(id);
      assert.match(schedule.cpaTransactionCode, /^\d{3}$/);
      assert.ok(schedule.name_en && schedule.name_fr && schedule.reference.length > 0);
    }
  });
});

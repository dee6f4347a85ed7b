import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber, easterSunday, isoDate } from './day-numbers.ts';
import { holidaysIn, JURISDICTIONS, UnknownJurisdictionError, type Jurisdiction } from './holidays.ts';
import { fileDueDate, isBankingDay } from './business-days.ts';

const observed = (j: Jurisdiction, year: number): string[] => holidaysIn(j, year).map((h) => h.observed);
const dateOf = (j: Jurisdiction, year: number, id: string): string | undefined =>
  holidaysIn(j, year).find((h) => h.id === id)?.date;

describe('Easter by the computus', () => {
  for (const [year, easter] of [
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ] as const) {
    it(`${year}: ${easter}`, () => assert.equal(isoDate(easterSunday(year)), easter));
  }
});

describe('payment system closures (banking days)', () => {
  it('2025', () =>
    assert.deepEqual(observed('clearing', 2025), [
      '2025-01-01',
      '2025-04-18',
      '2025-05-19',
      '2025-07-01',
      '2025-08-04',
      '2025-09-01',
      '2025-09-30',
      '2025-10-13',
      '2025-11-11',
      '2025-12-25',
      '2025-12-26',
    ]));
  it('2026: Boxing Day on a Saturday is kept on Monday 28 December', () =>
    assert.deepEqual(observed('clearing', 2026), [
      '2026-01-01',
      '2026-04-03',
      '2026-05-18',
      '2026-07-01',
      '2026-08-03',
      '2026-09-07',
      '2026-09-30',
      '2026-10-12',
      '2026-11-11',
      '2026-12-25',
      '2026-12-28',
    ]));
  it('2027: Christmas on Saturday and Boxing Day on Sunday move to Monday 27 and Tuesday 28', () =>
    assert.deepEqual(observed('clearing', 2027), [
      '2027-01-01',
      '2027-03-26',
      '2027-05-24',
      '2027-07-01',
      '2027-08-02',
      '2027-09-06',
      '2027-09-30',
      '2027-10-11',
      '2027-11-11',
      '2027-12-27',
      '2027-12-28',
    ]));
  it('a statutory date and its observed day are both kept', () => {
    const boxing = holidaysIn('clearing', 2027).find((h) => h.id === 'boxing-day');
    assert.deepEqual([boxing?.date, boxing?.observed], ['2027-12-26', '2027-12-28']);
  });
  it('Canada Day on a Sunday is 2 July (Holidays Act s. 2(1))', () =>
    assert.equal(dateOf('ON', 2029, 'canada-day'), '2029-07-02'));
  it('isBankingDay: weekends and closures are not banking days', () => {
    assert.equal(isBankingDay('2026-09-30'), false);
    assert.equal(isBankingDay('2026-12-28'), false);
    assert.equal(isBankingDay('2026-10-03'), false);
    assert.equal(isBankingDay('2026-09-29'), true);
  });
  it('fileDueDate counts banking days back over a holiday weekend', () =>
    assert.equal(fileDueDate('2026-10-14', 2), '2026-10-09'));
});

describe('provincial and territorial statutory holidays', () => {
  const counts2026: Record<Exclude<Jurisdiction, 'clearing'>, number> = {
    AB: 9,
    BC: 11,
    MB: 9,
    NB: 8,
    NL: 6,
    NS: 6,
    NT: 11,
    NU: 10,
    ON: 9,
    PE: 8,
    QC: 9,
    SK: 10,
    YT: 11,
  };
  for (const [j, count] of Object.entries(counts2026)) {
    it(`${j} keeps ${count} days in 2026, each cited and named in both languages`, () => {
      const days = holidaysIn(j as Jurisdiction, 2026);
      assert.equal(days.length, count);
      for (const day of days) {
        assert.ok(day.reference.length > 0 && day.name_en && day.name_fr, day.id);
      }
    });
  }
  const known: [Jurisdiction, number, string, string][] = [
    ['ON', 2026, 'family-day', '2026-02-16'],
    ['ON', 2025, 'boxing-day', '2025-12-26'],
    ['BC', 2027, 'british-columbia-day', '2027-08-02'],
    ['BC', 2025, 'truth-and-reconciliation', '2025-09-30'],
    ['QC', 2026, 'national-patriots-day', '2026-05-18'],
    ['QC', 2025, 'easter-monday', '2025-04-21'],
    ['QC', 2027, 'fete-nationale', '2027-06-24'],
    ['YT', 2025, 'discovery-day', '2025-08-18'],
    ['NL', 2026, 'memorial-day', '2026-07-01'],
    ['MB', 2027, 'louis-riel-day', '2027-02-15'],
    ['NU', 2025, 'nunavut-day', '2025-07-09'],
    ['NT', 2027, 'national-indigenous-peoples-day', '2027-06-21'],
    ['PE', 2026, 'islander-day', '2026-02-16'],
    ['NS', 2025, 'nova-scotia-heritage-day', '2025-02-17'],
    ['SK', 2027, 'saskatchewan-day', '2027-08-02'],
    ['NB', 2026, 'new-brunswick-day', '2026-08-03'],
    ['AB', 2027, 'good-friday', '2027-03-26'],
  ];
  for (const [j, year, id, date] of known) {
    it(`${j} ${id} ${year} is ${date}`, () => assert.equal(dateOf(j, year, id), date));
  }
  it('days a province does not keep are absent', () => {
    assert.equal(dateOf('ON', 2026, 'remembrance-day'), undefined);
    assert.equal(dateOf('AB', 2026, 'truth-and-reconciliation'), undefined);
    assert.equal(dateOf('NB', 2026, 'thanksgiving'), undefined);
  });
  it('a day is kept only from the year its law begins it', () => {
    assert.equal(dateOf('NB', 2017, 'family-day'), undefined);
    assert.equal(dateOf('BC', 2018, 'family-day-second-monday'), '2018-02-12');
    assert.equal(dateOf('BC', 2018, 'family-day'), undefined);
    assert.equal(dateOf('BC', 2019, 'family-day'), '2019-02-18');
  });
  it('every jurisdiction has a calendar for any year from 2000 to 2100', () => {
    for (const j of JURISDICTIONS) {
      for (let year = 2000; year <= 2100; year += 7) assert.ok(holidaysIn(j, year).length >= 5);
    }
  });
  it('an unknown jurisdiction is refused', () =>
    assert.throws(() => holidaysIn('ZZ' as Jurisdiction, 2026), UnknownJurisdictionError));
  it('dates are valid calendar dates', () => {
    for (const h of holidaysIn('QC', 2026)) assert.equal(isoDate(dayNumber(h.date)), h.date);
  });
});

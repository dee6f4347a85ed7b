import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateFromParts, datePartValues } from './date-parts.ts';

const parts = (day: string, month: string, year: string) => ({
  'd-day': day,
  'd-month': month,
  'd-year': year,
});

describe('a date typed in three fields', () => {
  for (const { name, input, expected } of [
    { name: 'a date without leading zeros', input: parts('1', '7', '2027'), expected: '2027-07-01' },
    { name: 'spaces around the parts', input: parts(' 30 ', '06', ' 2027'), expected: '2027-06-30' },
    { name: '29 February in a leap year', input: parts('29', '2', '2028'), expected: '2028-02-29' },
    { name: 'nothing typed', input: parts('', ' ', ''), expected: null },
    { name: 'no fields sent', input: {}, expected: null },
    { name: '31 February', input: parts('31', '2', '2027'), expected: '' },
    { name: '29 February in a common year', input: parts('29', '2', '2027'), expected: '' },
    { name: 'month 13', input: parts('1', '13', '2027'), expected: '' },
    { name: 'a two-digit year', input: parts('1', '7', '27'), expected: '' },
    { name: 'a month in words', input: parts('1', 'June', '2027'), expected: '' },
    { name: 'only the year', input: parts('', '', '2027'), expected: '' },
  ]) {
    it(`reads ${name}`, () => {
      assert.equal(dateFromParts(input, 'd-'), expected);
    });
  }

  it('gives back the three parts as typed, trimmed, and nothing else', () => {
    assert.deepEqual(datePartValues({ ...parts(' 3', 'x', ''), other: 'y' }, 'd-'), parts('3', 'x', ''));
  });
});

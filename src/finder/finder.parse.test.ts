import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateParts, parseMoneyCents, parseWholeNumber } from './finder.parse.ts';

test('money is read the way people type it, in either language', () => {
  const cases: [string, number][] = [
    ['23500', 2_350_000],
    ['$23,500', 2_350_000],
    ['23,500.50', 2_350_050],
    ['23 500,50', 2_350_050],
    ['23\u00a0500,5', 2_350_050],
    ['0', 0],
    ['1.5', 150],
    ['1,5', 150],
    ['1,234,567', 123_456_700],
  ];
  for (const [typed, cents] of cases)
    assert.deepEqual(parseMoneyCents(typed), { ok: true, value: cents }, typed);
});

test('money that is not money is refused with a code', () => {
  assert.deepEqual(parseMoneyCents(''), { ok: false, code: 'required' });
  assert.deepEqual(parseMoneyCents('-5'), { ok: false, code: 'negative' });
  assert.deepEqual(parseMoneyCents('lots'), { ok: false, code: 'not-money' });
  assert.deepEqual(parseMoneyCents('9999999999'), { ok: false, code: 'too-large' });
});

test('whole numbers have bounds', () => {
  assert.deepEqual(parseWholeNumber(' 3 ', 17), { ok: true, value: 3 });
  assert.deepEqual(parseWholeNumber('18', 17), { ok: false, code: 'too-large' });
  assert.deepEqual(parseWholeNumber('2.5', 17), { ok: false, code: 'not-whole-number' });
  assert.deepEqual(parseWholeNumber('-1', 17), { ok: false, code: 'negative' });
});

test('dates must exist and not be in the future', () => {
  assert.deepEqual(parseDateParts('3', '2', '1955', '2025-09-15'), { ok: true, value: '1955-02-03' });
  assert.deepEqual(parseDateParts('29', '2', '2024', '2025-09-15'), { ok: true, value: '2024-02-29' });
  assert.deepEqual(parseDateParts('29', '2', '2023', '2025-09-15'), { ok: false, code: 'not-a-date' });
  assert.deepEqual(parseDateParts('16', '9', '2025', '2025-09-15'), { ok: false, code: 'future-date' });
  assert.deepEqual(parseDateParts('', '', '', '2025-09-15'), { ok: false, code: 'required' });
  assert.deepEqual(parseDateParts('1', '1', '1850', '2025-09-15'), { ok: false, code: 'not-a-date' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkAddress,
  checkBankAccount,
  checkContact,
  checkPhone,
  checkPostalCode,
  checkSinInput,
} from './person.schemas.ts';

test('postal codes are checked against the province, tolerant of case, spaces and hyphens', () => {
  assert.deepEqual(checkPostalCode('k1a-0b1', 'ON'), { ok: true, postalCode: 'K1A 0B1' });
  assert.deepEqual(checkPostalCode(' H2X 1Y4 ', 'QC'), { ok: true, postalCode: 'H2X 1Y4' });
  assert.deepEqual(checkPostalCode('X0A 0H0', 'NU'), { ok: true, postalCode: 'X0A 0H0' });
  assert.deepEqual(checkPostalCode('K1A 0B1', 'BC'), { ok: false, problem: 'postalCodeProvince' });
  assert.deepEqual(checkPostalCode('D1A 0B1', 'ON'), { ok: false, problem: 'postalCodeFormat' });
  assert.deepEqual(checkPostalCode('12345', 'ON'), { ok: false, problem: 'postalCodeFormat' });
});

test('phone numbers follow the North American numbering plan', () => {
  assert.equal(checkPhone('(613) 555-0199'), '613-555-0199');
  assert.equal(checkPhone('+1 613 555 0199'), '613-555-0199');
  assert.equal(checkPhone('113 555 0199'), null);
  assert.equal(checkPhone('613 555'), null);
});

test('bank numbers: institution 3, transit 5, account 7 to 12 digits; typed values are kept on error', () => {
  assert.deepEqual(checkBankAccount({ institution: '001', transit: '12-345', account: '1234 567' }), {
    ok: true,
    value: { institution: '001', transit: '12345', account: '1234567' },
  });
  const bad = checkBankAccount({ institution: '01', transit: '12345', account: '12' });
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.deepEqual(bad.errors, { institution: 'institution', account: 'account' });
    assert.equal(bad.values.institution, '01');
  }
});

test('SINs are Luhn-checked: 046 454 286 passes, 000 000 000 and a wrong check digit fail', () => {
  assert.deepEqual(checkSinInput('046-454-286'), { ok: true, sin: '046454286' });
  assert.equal(checkSinInput('000 000 000').ok, false);
  assert.equal(checkSinInput('046 454 287').ok, false);
});

test('an address keeps every typed value when one field is wrong', () => {
  const input = {
    line1: '1 Main St',
    city: 'Victoria',
    provinceCode: 'BC',
    postalCode: 'K1A 0B1',
    effectiveFrom: '2026-02-30',
  };
  const result = checkAddress(input);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.deepEqual(result.errors, { postalCode: 'postalCodeProvince', effectiveFrom: 'date' });
    assert.equal(result.values.postalCode, 'K1A 0B1');
  }
});

test('contact preferences validate email, phone, channel and language', () => {
  const ok = checkContact({
    email: 'a@example.ca',
    phone: '613 555 0199',
    preferredChannel: 'mail',
    preferredLanguage: 'fr',
    alternateFormats: ['braille', 'nonsense'],
  });
  assert.equal(ok.ok, true);
  if (ok.ok) assert.deepEqual(ok.value.alternateFormats, ['braille']);
  const bad = checkContact({ email: 'nope', phone: '12', preferredChannel: 'fax', preferredLanguage: 'de' });
  assert.equal(bad.ok, false);
  if (!bad.ok)
    assert.deepEqual(Object.keys(bad.errors).sort(), [
      'email',
      'phone',
      'preferredChannel',
      'preferredLanguage',
    ]);
});

test('validators never throw, whatever is typed', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
      checkPostalCode(a, 'ON');
      checkPhone(b);
      checkBankAccount({ institution: a, transit: b, account: c });
      checkAddress({ line1: a, city: b, provinceCode: c, postalCode: a, effectiveFrom: b });
    }),
  );
});

test('the move date is read from its three fields, as the address form sends it', () => {
  const result = checkAddress({
    kind: 'residential',
    line1: '10 Main St',
    city: 'Calgary',
    provinceCode: 'AB',
    postalCode: 'T2P 1J9',
    'effectiveFrom-day': '1',
    'effectiveFrom-month': '11',
    'effectiveFrom-year': '2026',
  });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.value.effectiveFrom, '2026-11-01');
});

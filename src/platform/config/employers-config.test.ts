import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from './config.ts';
import { DEV_EMPLOYER_TOKEN, parseEmployerCredentials } from './employers-config.ts';

const TOKEN = 'a-payroll-token-of-at-least-thirty-two-characters';

test('outside production the demonstration employer is there beside the listed ones', () => {
  const employers = parseEmployerCredentials({ EMPLOYER_API_TOKENS: `payroll-co:${TOKEN}` }, false);
  assert.deepEqual(
    employers.map((e) => e.employerId),
    ['demo-employer', 'payroll-co'],
  );
});

test('production has only the listed employers and refuses the development token', () => {
  assert.deepEqual(parseEmployerCredentials({}, true), []);
  assert.deepEqual(
    parseEmployerCredentials({ EMPLOYER_API_TOKENS: `payroll-co:${TOKEN}` }, true).map((e) => e.employerId),
    ['payroll-co'],
  );
  assert.throws(
    () => parseEmployerCredentials({ EMPLOYER_API_TOKENS: `x1:${DEV_EMPLOYER_TOKEN}` }, true),
    ConfigError,
  );
});

test('a short token, a malformed pair or a shared token stops start-up naming the variable', () => {
  for (const value of ['payroll-co:short', 'no-colon', `Bad Id:${TOKEN}`, `a1:${TOKEN},b2:${TOKEN}`])
    assert.throws(
      () => parseEmployerCredentials({ EMPLOYER_API_TOKENS: value }, false),
      /EMPLOYER_API_TOKENS/,
      value,
    );
});

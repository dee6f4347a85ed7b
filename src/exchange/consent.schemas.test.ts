import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConsentChoice } from './consent.schemas.ts';
import { ConsentDurationError, consentExpiry } from './consent.service.ts';

const now = new Date('2026-03-02T15:00:00Z');

describe('the give-consent form and how long a consent lasts', () => {
  for (const { name, input, expected } of [
    {
      name: 'one year',
      input: { agreement: 'esdc-on-social-assistance', duration: '1y' },
      expected: { agreementId: 'esdc-on-social-assistance', duration: { years: 1 } },
    },
    {
      name: 'until a date, spaces trimmed',
      input: {
        agreement: ' esdc-on-social-assistance ',
        duration: 'until',
        'until-day': ' 30 ',
        'until-month': '6',
        'until-year': '2027 ',
      },
      expected: { agreementId: 'esdc-on-social-assistance', duration: { until: '2027-06-30' } },
    },
  ]) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(checkConsentChoice(input), { ok: true, value: expected });
    });
  }

  for (const { name, input, errors } of [
    {
      name: 'nothing chosen',
      input: {},
      errors: { agreement: 'consentAgreement', duration: 'consentDuration' },
    },
    {
      name: 'an unknown duration',
      input: { agreement: 'a', duration: '10y' },
      errors: { duration: 'consentDuration' },
    },
    {
      name: 'an impossible date',
      input: {
        agreement: 'a',
        duration: 'until',
        'until-day': '30',
        'until-month': '2',
        'until-year': '2027',
      },
      errors: { until: 'date' },
    },
    {
      name: 'a two-digit year',
      input: { agreement: 'a', duration: 'until', 'until-day': '1', 'until-month': '7', 'until-year': '27' },
      errors: { until: 'date' },
    },
    {
      name: 'a date chosen but not typed',
      input: { agreement: 'a', duration: 'until' },
      errors: { until: 'consentUntilMissing' },
    },
    {
      name: 'markup as an agreement',
      input: { agreement: '<b>', duration: '1y' },
      errors: { agreement: 'consentAgreement' },
    },
  ]) {
    it(`refuses ${name}, keeping what was typed`, () => {
      const result = checkConsentChoice(input);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.deepEqual(result.errors, errors);
        assert.equal(result.values.agreement, (input as { agreement?: string }).agreement?.trim() ?? '');
        const typed = input as Record<string, string | undefined>;
        assert.equal(result.values['until-day'], typed['until-day'] ?? '', 'the day typed is kept');
        assert.equal(result.values['until-year'], typed['until-year'] ?? '', 'the year typed is kept');
      }
    });
  }

  it('ends a year later, or at the end of the chosen day in Eastern time', () => {
    assert.equal(consentExpiry({ years: 1 }, now).toISOString(), '2027-03-02T15:00:00.000Z');
    assert.equal(consentExpiry({ until: '2026-07-01' }, now).toISOString(), '2026-07-02T03:59:59.999Z');
    assert.equal(consentExpiry({ until: '2026-12-31' }, now).toISOString(), '2027-01-01T04:59:59.999Z');
  });

  it('refuses a day already begun or past, and one beyond five years', () => {
    for (const [until, problem] of [
      ['2026-03-02', 'consentUntilPast'],
      ['2025-12-31', 'consentUntilPast'],
      ['2031-03-31', 'consentUntilTooLate'],
    ] as const)
      assert.throws(
        () => consentExpiry({ until }, now),
        (error: unknown) => error instanceof ConsentDurationError && error.problem === problem,
      );
  });
});

import type { Validated } from '../person/index.ts';
import { dateFromParts, datePartValues } from '../platform/forms/date-parts.ts';

/** How long a consent lasts: a number of years from today, or until the end of a chosen day. */
export type ConsentDuration = { years: 1 | 2 } | { until: string };

export const CONSENT_DURATIONS = ['1y', '2y', 'until'] as const;

/** The end date's three fields (`until-day`, `until-month`, `until-year`), the form kit's `dateInput`. */
export const UNTIL_PREFIX = 'until-';

export interface ConsentChoice {
  agreementId: string;
  duration: ConsentDuration;
}

/** What the give-consent form posted, trimmed, as it is given back to the form on a refusal. */
export function consentFormValues(
  input: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return {
    agreement: (input.agreement ?? '').trim(),
    duration: (input.duration ?? '').trim(),
    ...datePartValues(input, UNTIL_PREFIX),
  };
}

/** The give-consent form: which agreement, and for how long. Whether the agreement applies is the service's call. */
export function checkConsentChoice(
  input: Readonly<Record<string, string | undefined>>,
): Validated<ConsentChoice> {
  const values = consentFormValues(input);
  const { agreement = '', duration = '' } = values;
  const until = dateFromParts(values, UNTIL_PREFIX);
  const errors: Record<string, string> = {};
  if (!/^[a-z0-9-]{1,100}$/.test(agreement)) errors.agreement = 'consentAgreement';
  if (!(CONSENT_DURATIONS as readonly string[]).includes(duration)) errors.duration = 'consentDuration';
  else if (duration === 'until' && until === null) errors.until = 'consentUntilMissing';
  else if (duration === 'until' && until === '') errors.until = 'date';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const chosen: ConsentDuration =
    duration === 'until' && until ? { until } : { years: duration === '2y' ? 2 : 1 };
  return { ok: true, value: { agreementId: agreement, duration: chosen } };
}

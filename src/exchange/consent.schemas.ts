import { isIsoDate } from '../person/index.ts';
import type { Validated } from '../person/index.ts';

/** How long a consent lasts: a number of years from today, or until the end of a chosen day. */
export type ConsentDuration = { years: 1 | 2 } | { until: string };

export const CONSENT_DURATIONS = ['1y', '2y', 'until'] as const;

export interface ConsentChoice {
  agreementId: string;
  duration: ConsentDuration;
}

/** The give-consent form: which agreement, and for how long. Whether the agreement applies is the service's call. */
export function checkConsentChoice(input: Record<string, string>): Validated<ConsentChoice> {
  const values = {
    agreement: (input.agreement ?? '').trim(),
    duration: (input.duration ?? '').trim(),
    until: (input.until ?? '').trim(),
  };
  const errors: Record<string, string> = {};
  if (!/^[a-z0-9-]{1,100}$/.test(values.agreement)) errors.agreement = 'consentAgreement';
  if (!(CONSENT_DURATIONS as readonly string[]).includes(values.duration))
    errors.duration = 'consentDuration';
  else if (values.duration === 'until' && !isIsoDate(values.until)) errors.until = 'date';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const duration: ConsentDuration =
    values.duration === 'until' ? { until: values.until } : { years: values.duration === '2y' ? 2 : 1 };
  return { ok: true, value: { agreementId: values.agreement, duration } };
}

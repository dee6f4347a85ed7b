/** Amounts and text as the writers put them in ISO 20022 messages. */

/** Integer cents as an ISO 20022 decimal amount with two decimals ("1234.05"); integer arithmetic only. */
export function decimalOfCents(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, '0')}`;
}

/** A name for a Max140Text element: NFC, control characters as spaces, at most `max` characters. */
export function isoText(text: string, max: number): string {
  const nfc = PLAIN_ASCII.test(text) ? text : text.normalize('NFC').replace(CONTROL_CHARACTERS, ' ');
  return nfc.trim().slice(0, max);
}
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Canadian clearing system member id: "0" + institution (3 digits) + transit (5 digits). */
export function canadianMemberId(institution: string, transit: string): string {
  return `0${institution}${transit}`;
}

export const CANADIAN_CLEARING_SYSTEM = 'CACPA';

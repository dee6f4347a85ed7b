/** Amounts and text as the writers put them in ISO 20022 messages. */

/** Integer cents as an ISO 20022 decimal amount with two decimals ("1234.05"); integer arithmetic only. */
export function decimalOfCents(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, '0')}`;
}

/** A name for a Max140Text element: NFC, control characters as spaces, at most `max` characters. */
export function isoText(text: string, max: number): string {
  return Array.from(text.normalize('NFC'), (c) => (isControl(c) ? ' ' : c))
    .join('')
    .trim()
    .slice(0, max);
}

function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Canadian clearing system member id: "0" + institution (3 digits) + transit (5 digits). */
export function canadianMemberId(institution: string, transit: string): string {
  return `0${institution}${transit}`;
}

export const CANADIAN_CLEARING_SYSTEM = 'CACPA';

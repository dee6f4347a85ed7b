import { MAX_RECIPIENT_LINES } from '../platform/documents/letter.ts';
import type { Letter } from '../platform/documents/letter.ts';

/**
 * A mail house can post the letter only when the record holds a postal address: the addressee's name and at
 * least one more line. Without one, a letter queued for print is held out of every print file (ADR 0018).
 */
export function hasPostalAddress(
  recipient: { readonly addressLines: readonly string[] | null } | null,
): boolean {
  return (recipient?.addressLines?.length ?? 0) > 1;
}

/**
 * A held letter's address block once the record has an address (`addressLines`, name first). Every letter
 * written without an address puts one line where the address goes ("No address on file…", or the name alone);
 * that line gives way to the address. Lines the letter wrote above it are kept and stand for the name, as the
 * estate letter's "To the estate of …" and "c/o …" do; a letter that wrote none gets the name from the record.
 * The address's own lines are kept first when the envelope window (five lines) is short.
 */
export function readdress(letter: Letter, addressLines: readonly string[]): Letter {
  const above = letter.recipient.slice(0, -1);
  const address = above.length > 0 ? addressLines.slice(1) : addressLines;
  const room = Math.max(0, MAX_RECIPIENT_LINES - address.length);
  return { ...letter, recipient: [...above.slice(0, room), ...address].slice(0, MAX_RECIPIENT_LINES) };
}

import { randomInt } from 'node:crypto';

/**
 * Characters that cannot be mistaken for one another on a screen or over the phone: no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B, and none of the letters that rhyme when spelled aloud in English or French (B/D/P/T/V, G/J, M/N).
 */
export const REFERENCE_ALPHABET = '34679ACEFHKMRWXY';

/** A reference such as "K7M-4RX-9CA": nine characters in three groups, about 6.9 × 10^10 possibilities. */
export function newReference(random: (max: number) => number = randomInt): string {
  const chars = Array.from({ length: 9 }, () => REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)] ?? '');
  return `${chars.slice(0, 3).join('')}-${chars.slice(3, 6).join('')}-${chars.slice(6).join('')}`;
}

/** What a person or an agent typed, tidied: upper case, no spaces, dashes put back. */
export function normaliseReference(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 9 || [...compact].some((char) => !REFERENCE_ALPHABET.includes(char))) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}`;
}

/**
 * Social Insurance Numbers (Employment Insurance Act Part V; ESDC's SIN Code of Practice).
 * Nine digits; the ninth is a Luhn check digit. The first digit tells what kind of number it is:
 * 1–7 are issued by region to citizens and permanent residents, 9 to temporary residents, and 0 and 8
 * are never issued to people. ESDC's own documentation uses 046 454 286 as its sample SIN, so Guichet
 * generates its fictitious demo SINs with a leading 0 too: they pass the check, can never belong to a
 * real person, and are refused wherever fictitious numbers are not allowed.
 */
export type SinKind = 'issued' | 'temporary-resident' | 'fictitious';
export type SinProblem = 'format' | 'checksum' | 'not-issued-to-people' | 'fictitious-not-allowed';

export type SinCheck = { ok: true; sin: string; kind: SinKind } | { ok: false; problem: SinProblem };

export interface SinCheckOptions {
  /** Accept 0-prefixed numbers (demo data, ESDC's sample). Off where only real numbers make sense. */
  allowFictitious?: boolean;
}

const SIN_DIGITS = 9;

/** Strips the spaces and hyphens people type; returns the nine digits, or null if that is not what is left. */
export function normaliseSin(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) ? digits : null;
}

export function checkSin(input: string, options: SinCheckOptions = {}): SinCheck {
  const sin = normaliseSin(input);
  if (sin === null) return { ok: false, problem: 'format' };
  if (!passesLuhn(sin)) return { ok: false, problem: 'checksum' };
  const kind = kindOf(sin);
  if (kind === null) return { ok: false, problem: 'not-issued-to-people' };
  if (kind === 'fictitious' && options.allowFictitious === false)
    return { ok: false, problem: 'fictitious-not-allowed' };
  return { ok: true, sin, kind };
}

export function isValidSin(input: string, options: SinCheckOptions = {}): boolean {
  return checkSin(input, options).ok;
}

function kindOf(sin: string): SinKind | null {
  if (/^0+$/.test(sin)) return null;
  switch (sin[0]) {
    case '0':
      return 'fictitious';
    case '8':
      return null; // reserved; business numbers use this range
    case '9':
      return 'temporary-resident';
    default:
      return 'issued';
  }
}

/** Luhn (mod 10) with every second digit doubled, as for payment cards. */
function passesLuhn(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = digits.charCodeAt(index) - 48;
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum;
}

function checkDigitFor(body: string): string {
  return String((10 - (luhnSum(`${body}0`) % 10)) % 10);
}

/** `046454286` → `046 454 286`. */
export function formatSin(sin: string): string {
  const digits = requireNormalised(sin);
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Shows only the last three digits, the most a page or a letter may show: `*** *** 286`. */
export function maskSin(sin: string): string {
  return maskedSinOf(sinLast3(sin));
}

/** The digits a masked SIN shows, kept in clear beside its ciphertext (`person.sin_last3`, ADR 0013). */
export function sinLast3(sin: string): string {
  return requireNormalised(sin).slice(6);
}

export function maskedSinOf(last3: string): string {
  return `*** *** ${last3}`;
}

function requireNormalised(sin: string): string {
  const digits = normaliseSin(sin);
  if (digits === null) throw new RangeError('Not a nine-digit SIN');
  return digits;
}

// Seven free digits after the leading 0, less the all-zero number: the ceiling for one demo population.
const FICTITIOUS_BODIES = 10_000_000;
export const MAX_FICTITIOUS_SINS = FICTITIOUS_BODIES - 1;

/**
 * Deterministic, unique, Luhn-valid fictitious SINs: `sinFor(i)` for i in [0, MAX_FICTITIOUS_SINS).
 * An affine permutation of the seven free digits (multiplier coprime with 10) spreads consecutive
 * people over the whole range without a table of used numbers.
 */
export function createFictitiousSinSequence(seed: number): (index: number) => string {
  const multiplier = coprimeWithTen(1_234_567 + ((seed >>> 0) % 7_000_000));
  const offset = (seed >>> 0) % FICTITIOUS_BODIES;
  // multiplier × index stays below 2^53, so plain numbers are exact.
  const permute = (index: number): number => (multiplier * index + offset) % FICTITIOUS_BODIES;
  return (index) => {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_FICTITIOUS_SINS) {
      throw new RangeError(`A demo population holds at most ${MAX_FICTITIOUS_SINS} fictitious SINs`);
    }
    const value = permute(index);
    // Exactly one index maps to 0000000 (the all-zero SIN); it borrows the never-used last index's value.
    const body = `0${String(value === 0 ? permute(MAX_FICTITIOUS_SINS) : value).padStart(SIN_DIGITS - 2, '0')}`;
    return body + checkDigitFor(body);
  };
}

function coprimeWithTen(candidate: number): number {
  let value = candidate;
  while (value % 2 === 0 || value % 5 === 0) value++;
  return value;
}

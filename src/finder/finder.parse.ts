/** Tolerant parsing of what people type: spaces, commas, "$", both decimal marks. Errors are codes. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string };

const MAX_MONEY_CENTS = 100_000_000_000; // $1 billion: beyond that it is a typing mistake

export function parseMoneyCents(raw: string | undefined): Parsed<number> {
  const text = (raw ?? '').replace(/[\s\u00a0\u202f$]/g, '');
  if (text === '') return { ok: false, code: 'required' };
  // "1,234.56" or "1 234,56": the last separator followed by 1-2 digits is the decimal mark.
  const normalised = /[.,]\d{1,2}$/.test(text)
    ? text
        .replace(/[.,](?=\d{1,2}$)/, 'D')
        .replace(/[.,]/g, '')
        .replace('D', '.')
    : text.replace(/[.,]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised))
    return { ok: false, code: normalised.startsWith('-') ? 'negative' : 'not-money' };
  const value = Math.round(Number(normalised) * 100);
  return value > MAX_MONEY_CENTS ? { ok: false, code: 'too-large' } : { ok: true, value };
}

export function parseWholeNumber(raw: string | undefined, max: number): Parsed<number> {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: false, code: 'required' };
  if (!/^\d+$/.test(text)) return { ok: false, code: text.startsWith('-') ? 'negative' : 'not-whole-number' };
  const value = Number(text);
  return value > max ? { ok: false, code: 'too-large' } : { ok: true, value };
}

/** A real calendar date, not in the future and not before 1900. */
export function parseDateParts(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
  today: string,
): Parsed<string> {
  const parts = [day, month, year].map((p) => (p ?? '').trim());
  if (parts.every((p) => p === '')) return { ok: false, code: 'required' };
  if (!parts.every((p) => /^\d+$/.test(p))) return { ok: false, code: 'not-a-date' };
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, code: 'not-a-date' };
  const iso = date.toISOString().slice(0, 10);
  return iso > today ? { ok: false, code: 'future-date' } : { ok: true, value: iso };
}

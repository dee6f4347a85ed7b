import { normaliseSin } from '../person/index.ts';

export type LinkForm =
  | { ok: true; sin: string; birthDate: string; kept: Record<string, string> }
  | { ok: false; errors: string[]; kept: Record<string, string> };

const text = (value: unknown, max = 20): string =>
  typeof value === 'string' ? value.trim().slice(0, max) : '';

/** SIN + date of birth (day, month, year fields, GOV.UK date pattern). The SIN is never kept for redisplay. */
export function parseLinkForm(body: Record<string, unknown> | undefined): LinkForm {
  const kept = { day: text(body?.day, 2), month: text(body?.month, 2), year: text(body?.year, 4) };
  const errors: string[] = [];
  const rawSin = text(body?.sin, 20);
  const sin = normaliseSin(rawSin);
  if (rawSin === '') errors.push('sin.required');
  else if (sin === null) errors.push('sin.format');
  const birthDate = toIsoDate(kept.day, kept.month, kept.year);
  if (!kept.day && !kept.month && !kept.year) errors.push('birthDate.required');
  else if (birthDate === null) errors.push('birthDate.invalid');
  if (errors.length > 0 || sin === null || birthDate === null) return { ok: false, errors, kept };
  return { ok: true, sin, birthDate, kept };
}

function toIsoDate(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) && Number(year) >= 1900
    ? iso
    : null;
}

/** The personal access code from the letter: digits, spaces and hyphens allowed. */
export function parseCodeForm(body: Record<string, unknown> | undefined): string | null {
  const code = text(body?.code, 30).replace(/[\s-]/g, '');
  return /^\d{10}$/.test(code) ? code : null;
}

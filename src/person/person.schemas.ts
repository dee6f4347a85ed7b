import { checkSin } from './sin.ts';
import { dateFromParts } from '../platform/forms/date-parts.ts';
import { PROVINCE_CODES } from '../rules/index.ts';
import type { ProvinceCode } from '../rules/index.ts';
import type { PreferredChannel } from './person.tables.ts';

/**
 * Validation of what people type into their record. Tolerant of spaces and hyphens; each problem is a
 * code that the page translates as `person.errors.<code>` in the page's language.
 */
export type FieldErrors = Record<string, string>;
export type Validated<T> =
  { ok: true; value: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

export type { ProvinceCode } from '../rules/index.ts';
export const PROVINCES: readonly ProvinceCode[] = PROVINCE_CODES;

// Canada Post: the first letter of a postal code is the postal district, which lies in one province
// (X serves both the Northwest Territories and Nunavut).
const POSTAL_DISTRICTS: Record<ProvinceCode, string> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NT: 'X',
  NU: 'X',
  YT: 'Y',
};
// D, F, I, O, Q and U are never used; W and Z never start a code.
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/;

export function isProvince(value: string): value is ProvinceCode {
  return (PROVINCES as readonly string[]).includes(value);
}

/** `k1a0b1` → `K1A 0B1`, or an error code. */
export function checkPostalCode(
  input: string,
  province: ProvinceCode,
): { ok: true; postalCode: string } | { ok: false; problem: string } {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!POSTAL_CODE.test(compact)) return { ok: false, problem: 'postalCodeFormat' };
  if (!POSTAL_DISTRICTS[province].includes(compact.charAt(0)))
    return { ok: false, problem: 'postalCodeProvince' };
  return { ok: true, postalCode: `${compact.slice(0, 3)} ${compact.slice(3)}` };
}

/** North American numbering plan: 10 digits (optional leading 1); area code and exchange start 2–9. */
export function checkPhone(input: string): string | null {
  const digits = input.replace(/[\s\-().+]/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(national)) return null;
  return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
}

export interface BankAccount {
  institution: string;
  transit: string;
  account: string;
}

/** Payments Canada: institution number 3 digits, branch transit 5 digits, account 7 to 12 digits. */
export function checkBankAccount(input: Record<string, string>): Validated<BankAccount> {
  const clean = (name: string) => (input[name] ?? '').replace(/[\s-]/g, '');
  const value = { institution: clean('institution'), transit: clean('transit'), account: clean('account') };
  const errors: FieldErrors = {};
  if (!/^\d{3}$/.test(value.institution)) errors.institution = 'institution';
  if (!/^\d{5}$/.test(value.transit)) errors.transit = 'transit';
  if (!/^\d{7,12}$/.test(value.account)) errors.account = 'account';
  return Object.keys(errors).length === 0
    ? { ok: true, value }
    : { ok: false, errors, values: pick(input, ['institution', 'transit', 'account']) };
}

/** Only the last three digits of an account number may be shown (ASVS 14.2.6). */
export function maskAccount(last3: string): string {
  return `••••${last3}`;
}

export interface AddressInput {
  kind: 'residential' | 'mailing';
  line1: string;
  line2: string | null;
  city: string;
  provinceCode: ProvinceCode;
  postalCode: string;
  effectiveFrom: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return (
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

export function checkAddress(input: Record<string, string>): Validated<AddressInput> {
  const values = pick(input, [
    'kind',
    'line1',
    'line2',
    'city',
    'provinceCode',
    'postalCode',
    'effectiveFrom',
  ]);
  const errors: FieldErrors = {};
  const line1 = values.line1?.trim() ?? '';
  const city = values.city?.trim() ?? '';
  const province = (values.provinceCode ?? '').trim().toUpperCase();
  if (line1 === '' || line1.length > 200) errors.line1 = 'line1';
  if (city === '' || city.length > 100) errors.city = 'city';
  let postalCode = '';
  if (!isProvince(province)) errors.provinceCode = 'province';
  else {
    const postal = checkPostalCode(values.postalCode ?? '', province);
    if (postal.ok) postalCode = postal.postalCode;
    else errors.postalCode = postal.problem;
  }
  const effectiveFrom = dateFromParts(input, 'effectiveFrom-') ?? (values.effectiveFrom ?? '').trim();
  if (!isIsoDate(effectiveFrom)) errors.effectiveFrom = 'date';
  if (Object.keys(errors).length > 0 || !isProvince(province)) return { ok: false, errors, values };
  const line2 = values.line2?.trim() ?? '';
  const kind = values.kind === 'mailing' ? 'mailing' : 'residential';
  return {
    ok: true,
    value: {
      kind,
      line1,
      line2: line2 === '' ? null : line2,
      city,
      provinceCode: province,
      postalCode,
      effectiveFrom,
    },
  };
}

export interface ContactInput {
  email: string | null;
  phone: string | null;
  preferredChannel: PreferredChannel;
  preferredLanguage: 'en' | 'fr';
  accessibilityNeeds: string | null;
  alternateFormats: string[];
}

export const ALTERNATE_FORMATS = ['large-print', 'braille', 'audio', 'accessible-pdf'] as const;

export function checkContact(input: Record<string, string | string[]>): Validated<ContactInput> {
  const text = (name: string) => {
    const raw = input[name];
    return (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
  };
  const values = {
    email: text('email'),
    phone: text('phone'),
    preferredChannel: text('preferredChannel'),
    preferredLanguage: text('preferredLanguage'),
    accessibilityNeeds: text('accessibilityNeeds'),
  };
  const errors: FieldErrors = {};
  if (values.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = 'email';
  const phone = values.phone === '' ? null : checkPhone(values.phone);
  if (values.phone !== '' && phone === null) errors.phone = 'phone';
  if (!['online', 'mail', 'phone'].includes(values.preferredChannel)) errors.preferredChannel = 'channel';
  if (!['en', 'fr'].includes(values.preferredLanguage)) errors.preferredLanguage = 'language';
  if (values.accessibilityNeeds.length > 500) errors.accessibilityNeeds = 'tooLong';
  const formats = ([] as string[])
    .concat(input.alternateFormats ?? [])
    .filter((f) => (ALTERNATE_FORMATS as readonly string[]).includes(f));
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    value: {
      email: values.email === '' ? null : values.email,
      phone,
      preferredChannel: values.preferredChannel as PreferredChannel,
      preferredLanguage: values.preferredLanguage as 'en' | 'fr',
      accessibilityNeeds: values.accessibilityNeeds === '' ? null : values.accessibilityNeeds,
      alternateFormats: formats,
    },
  };
}

/** A SIN typed by staff: Luhn-checked, never echoed back in full. */
export function checkSinInput(input: string): { ok: true; sin: string } | { ok: false; problem: string } {
  const result = checkSin(input);
  return result.ok ? { ok: true, sin: result.sin } : { ok: false, problem: `sin.${result.problem}` };
}

function pick(input: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const raw = input[name];
    out[name] =
      typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  }
  return out;
}

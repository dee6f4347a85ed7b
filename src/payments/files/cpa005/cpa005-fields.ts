import { getCPAReturnCode, isCPATransactionCode } from '@cityssm/cpa-codes';
import { FileRefusedError } from '../file-refusal.ts';

/** Field checks of the reader: each returns the field's value or throws a refusal naming the line. */

const ISO_DATE_MS_PER_DAY = 86_400_000;

const julianSeen = new Map<string, string>();

/** "0YYDDD" to YYYY-MM-DD; the leading zero places the year in 2000–2099. A file has few distinct dates. */
export function readJulian(text: string, line: number, field: string): string {
  const seen = julianSeen.get(text);
  if (seen !== undefined) return seen;
  const date = decodeJulian(text, line, field);
  if (julianSeen.size < 10_000) julianSeen.set(text, date);
  return date;
}

function decodeJulian(text: string, line: number, field: string): string {
  const match = /^0(\d{2})(\d{3})$/.exec(text);
  const year = 2000 + Number(match?.[1]);
  const dayOfYear = Number(match?.[2]);
  const daysInYear = new Date(Date.UTC(year, 1, 29)).getUTCDate() === 29 ? 366 : 365;
  if (!match || dayOfYear < 1 || dayOfYear > daysInYear) {
    throw new FileRefusedError('invalid-date', line, `${field} ${JSON.stringify(text)}`);
  }
  return new Date(Date.UTC(year, 0, 1) + (dayOfYear - 1) * ISO_DATE_MS_PER_DAY).toISOString().slice(0, 10);
}

export function readCount(text: string, line: number, field: string): number {
  if (!/^\d+$/.test(text))
    throw new FileRefusedError('invalid-amount', line, `${field} ${JSON.stringify(text)}`);
  return Number(text);
}

export function readAmount(text: string, line: number): number {
  const cents = readCount(text, line, 'amount');
  if (cents <= 0) throw new FileRefusedError('zero-amount', line, `amount ${text}`);
  return cents;
}

export function readInstitutionId(
  text: string,
  line: number,
  isKnownInstitution: (number: string) => boolean,
): { institution: string; transit: string } {
  if (!/^0\d{8}$/.test(text)) throw new FileRefusedError('invalid-institution', line, JSON.stringify(text));
  const institution = text.slice(1, 4);
  if (!isKnownInstitution(institution)) throw new FileRefusedError('unknown-institution', line, institution);
  return { institution, transit: text.slice(4, 9) };
}

export function readAccount(text: string, line: number): string {
  const match = /^(\d{1,12}) *$/.exec(text);
  if (!match?.[1]) throw new FileRefusedError('invalid-account', line, JSON.stringify(text));
  return match[1];
}

export function readName(text: string, line: number): string {
  const name = text.trimEnd();
  if (name.trim() === '') throw new FileRefusedError('missing-payee-name', line, '');
  return name;
}

export function readReference(text: string, line: number): string {
  const reference = text.trimEnd();
  if (reference.trim() === '') throw new FileRefusedError('missing-reference', line, '');
  return reference;
}

/** A credit's code must be a CPA Standard 007 transaction code; a return's, a return reason code. */
export function readTransactionCode(text: string, line: number, kind: 'credit' | 'return'): string {
  const valid = kind === 'credit' ? isCPATransactionCode(text) : getCPAReturnCode(text) !== undefined;
  if (!valid)
    throw new FileRefusedError('invalid-transaction-code', line, `${kind} code ${JSON.stringify(text)}`);
  return text;
}

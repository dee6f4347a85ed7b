import type { ReturnReason } from '../payment.ts';

/**
 * The banks' return codes in the platform's words. CPA Standard 007 return reasons (900 series) and ISO
 * 20022 ExternalStatusReason / ExternalReturnReason codes map onto the same few reasons, so a returned
 * payment is handled alike whichever file brought it back. A code not listed is 'other', never dropped.
 */
const FROM_CPA: Readonly<Record<string, ReturnReason>> = {
  '900': 'edit-reject',
  '902': 'account-not-found',
  '903': 'refused-by-payee',
  '905': 'account-closed',
  '910': 'payee-deceased',
  '911': 'account-frozen',
  '912': 'account-not-found',
  '914': 'name-mismatch',
  '922': 'refused-by-payee',
};

const FROM_ISO: Readonly<Record<string, ReturnReason>> = {
  AC01: 'account-not-found',
  AC03: 'account-not-found',
  AC04: 'account-closed',
  AC06: 'account-frozen',
  MD07: 'payee-deceased',
  BE01: 'name-mismatch',
  CUST: 'refused-by-payee',
  FF01: 'edit-reject',
};

/** The code a bank would use for each reason, for the bank stand-in's return files. */
const TO_CODES: Readonly<Record<ReturnReason, { cpa: string; iso: string }>> = {
  'account-closed': { cpa: '905', iso: 'AC04' },
  'account-not-found': { cpa: '912', iso: 'AC01' },
  'account-frozen': { cpa: '911', iso: 'AC06' },
  'payee-deceased': { cpa: '910', iso: 'MD07' },
  'name-mismatch': { cpa: '914', iso: 'BE01' },
  'refused-by-payee': { cpa: '922', iso: 'CUST' },
  'edit-reject': { cpa: '900', iso: 'FF01' },
  other: { cpa: '990', iso: 'NARR' },
};

export function reasonOfCpaCode(code: string): ReturnReason {
  return FROM_CPA[code] ?? 'other';
}

export function reasonOfIsoCode(code: string): ReturnReason {
  return FROM_ISO[code] ?? 'other';
}

export function codesOfReason(reason: ReturnReason): { cpa: string; iso: string } {
  return TO_CODES[reason];
}

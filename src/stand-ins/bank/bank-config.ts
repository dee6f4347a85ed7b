import type { ReturnReason } from '../../payments/index.ts';
import { isKnownInstitution } from '../../payments/index.ts';

/** Which payments the stand-in sends back, and why: the test accounts of a real bank's sandbox. */
export interface ReturnRule {
  readonly accountEndsWith?: string;
  readonly accounts?: readonly string[];
  readonly reason: ReturnReason;
}

export interface BankConfig {
  /** The bank's own originator-facing identity on the files it sends back. */
  readonly destinationDataCentre: string;
  readonly isKnownInstitution: (institution: string) => boolean;
  readonly returnRules: readonly ReturnRule[];
  /** The bank's clock, for the returns' dates and message ids. */
  readonly now: () => Date;
}

/** The demo bank: accounts ending in 000 are closed, in 999 the payee has died, in 404 do not exist. */
export const DEMO_BANK_CONFIG: BankConfig = {
  destinationDataCentre: '00120',
  isKnownInstitution,
  returnRules: [
    { accountEndsWith: '000', reason: 'account-closed' },
    { accountEndsWith: '999', reason: 'payee-deceased' },
    { accountEndsWith: '404', reason: 'account-not-found' },
  ],
  now: () => new Date(),
};

export function returnReasonFor(rules: readonly ReturnRule[], account: string): ReturnReason | undefined {
  for (const rule of rules) {
    if (rule.accounts?.includes(account)) return rule.reason;
    if (rule.accountEndsWith !== undefined && account.endsWith(rule.accountEndsWith)) return rule.reason;
  }
  return undefined;
}

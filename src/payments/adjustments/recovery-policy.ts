import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * The share of each later payment kept to recover an overpayment, by programme and date, from the dated, cited
 * parameter file `reference-data/canada/benefit-overpayment-recovery.yaml`.
 */
export interface RecoveryRate {
  /** Basis points of each payment: 1000 is 10 %. */
  readonly basisPoints: number;
  /** The title of the first reference: stored with the debt and shown in its letter. */
  readonly reference: string;
  readonly href: string;
}

export type RecoveryPolicy = (programmeId: string, onDay: string) => RecoveryRate;

interface ProgrammeEntry {
  readonly values: Record<string, number>;
  readonly reference: readonly { title: string; href: string }[];
}

const FILE = new URL('../../../reference-data/canada/benefit-overpayment-recovery.yaml', import.meta.url);
/** The share of arrears set off against a debt: up to all of it (10000 basis points). */
export const ARREARS_SET_OFF_FILE = new URL(
  '../../../reference-data/canada/arrears-set-off.yaml',
  import.meta.url,
);

export class NoRecoveryRateError extends Error {
  constructor(programmeId: string, day: string) {
    super(`No overpayment recovery rate for ${programmeId} on ${day}`);
    this.name = 'NoRecoveryRateError';
  }
}

function rateOn(entry: ProgrammeEntry, day: string): number | undefined {
  const dates = Object.keys(entry.values)
    .map((key) => String(key).slice(0, 10))
    .sort();
  const from = dates.filter((date) => date <= day).at(-1);
  if (from === undefined) return undefined;
  const found = Object.entries(entry.values).find(([key]) => String(key).slice(0, 10) === from);
  return found?.[1];
}

/**
 * Reads the parameter file once; a programme without its own entry takes `default`. A share of regular
 * payments is below 100 % (`maxBasisPoints` 9999); a share of arrears may be all of them (10000).
 */
export function loadRecoveryPolicy(file: URL = FILE, maxBasisPoints = 9999): RecoveryPolicy {
  const parsed = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as {
    programmes: Record<string, ProgrammeEntry>;
  };
  return (programmeId, onDay) => {
    const entry = parsed.programmes[programmeId] ?? parsed.programmes.default;
    const basisPoints = entry ? rateOn(entry, onDay) : undefined;
    const reference = entry?.reference[0];
    if (!entry || basisPoints === undefined || !reference) throw new NoRecoveryRateError(programmeId, onDay);
    if (!Number.isInteger(basisPoints) || basisPoints < 1 || basisPoints > maxBasisPoints)
      throw new Error(`Recovery rate of ${programmeId} must be 1 to ${maxBasisPoints} basis points`);
    return { basisPoints, reference: reference.title, href: reference.href };
  };
}

/**
 * What a payment gives towards a debt: the rate's share of the gross amount, never more than the balance,
 * and always leaving at least a cent paid (a payment of zero is never made).
 */
export function recoveryFrom(grossCents: number, balanceCents: number, basisPoints: number): number {
  const share = Math.floor((grossCents * basisPoints) / 10_000);
  return Math.max(0, Math.min(share, balanceCents, grossCents - 1));
}

/** What a letter says of the rule for a programme's debt, in the letter's language. */
export type LetterRule = (programmeId: string) => Readonly<Record<Lang, string>>;

/**
 * The file's `letters`: the programme's own plain-language sentence, else `default`. Both languages are required
 * of every entry when the file is read, so a letter can never fall back to the English working notes.
 */
export function loadLetterRule(file: URL = FILE): LetterRule {
  const { letters } = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as {
    letters?: Record<string, { en?: unknown; fr?: unknown }>;
  };
  if (!letters?.['default']) throw new Error(`${file.pathname}: no default letter wording`);
  for (const [programmeId, entry] of Object.entries(letters))
    if (typeof entry.en !== 'string' || typeof entry.fr !== 'string' || !entry.en || !entry.fr)
      throw new Error(`${file.pathname}: the letter wording of ${programmeId} needs en and fr`);
  const wording = letters as Record<string, Record<Lang, string>>;
  return (programmeId) => wording[programmeId] ?? (wording['default'] as Record<Lang, string>);
}

/**
 * A share of arrears may be all of them (10000). The file's `scope` must be `same-enrolment`: set-off across a
 * person's enrolments is not built (the law read for it, and why, is in the file and ADR 0024's addendum).
 */
export function loadArrearsSetOffPolicy(file: URL = ARREARS_SET_OFF_FILE): RecoveryPolicy {
  const { scope } = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as { scope?: unknown };
  if (scope !== 'same-enrolment')
    throw new Error(`Arrears set-off scope ${JSON.stringify(scope)} is not built: only same-enrolment is`);
  return loadRecoveryPolicy(file, 10_000);
}

/** What arrears give to the enrolment's open debts (oldest first), and what is left to pay. */
export interface ArrearsSetOff {
  readonly toDebts: readonly { readonly debtId: string; readonly cents: number }[];
  readonly payCents: number;
}

/**
 * The rate's share of the arrears (rounded down: never more than the rule allows) goes to the debts, oldest
 * first, never more than they owe; the rest is paid. All of it may go to the debts: then nothing is paid.
 */
export function setOffArrears(
  arrearsCents: number,
  basisPoints: number,
  debts: readonly { readonly id: string; readonly balanceCents: number }[],
): ArrearsSetOff {
  let share = Math.floor((arrearsCents * basisPoints) / 10_000);
  const toDebts: { debtId: string; cents: number }[] = [];
  for (const debt of debts) {
    const cents = Math.min(share, debt.balanceCents);
    if (cents <= 0) continue;
    toDebts.push({ debtId: debt.id, cents });
    share -= cents;
  }
  return { toDebts, payCents: arrearsCents - toDebts.reduce((sum, d) => sum + d.cents, 0) };
}

/**
 * Test adapters for the payment run's ports: entitlements shaped like decisions' `enrolment_entitlement`
 * rows, generated from a fixed seed, and a register of deaths. No database: the run's own tables are real.
 */
import type {
  DeathRegister,
  EntitlementRow,
  EntitlementSource,
  PayeeDetails,
  PayeeDirectory,
  PersonEnrolments,
} from '../../../src/payments/run/run-ports.ts';
import { paymentsDue } from '../../../src/payments/run/due-payments.ts';

/** A tiny deterministic generator (mulberry32): the same seed gives the same population in every process. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The enrolment id of the n-th synthetic enrolment: fixed-width, so text order is numeric order. */
export const enrolmentIdOf = (n: number, programmeId = 'oas') => `${programmeId}-${pad(n, 8)}`;
export const personIdOf = (n: number) => `10000000-0000-4000-8000-${pad(n, 12)}`;

export interface SyntheticOptions {
  readonly enrolments: number;
  readonly programmeId?: string;
  readonly seed?: number;
  /** The run's month: some enrolments start late in the year before it (arrears), some end, some change. */
  readonly period?: string;
}

/** A programme's entitlements: most steady, some with a raise, some ending, some decided late (arrears). */
export function syntheticEntitlements(options: SyntheticOptions): EntitlementRow[] {
  const next = random(options.seed ?? 16);
  const programmeId = options.programmeId ?? 'oas';
  const rows: EntitlementRow[] = [];
  for (let n = 1; n <= options.enrolments; n++) {
    const base = {
      enrolmentId: enrolmentIdOf(n, programmeId),
      personId: personIdOf(n),
      programmeId,
      periodKind: 'month' as const,
      decisionId: `decision-${pad(n, 6)}`,
    };
    const amountCents = 50_000 + Math.floor(next() * 100_000);
    const shape = next();
    if (shape < 0.7) rows.push({ ...base, validFrom: '2024-01-01', validTo: null, amountCents });
    else if (shape < 0.8) {
      rows.push({ ...base, validFrom: '2024-01-01', validTo: '2026-06-30', amountCents });
      rows.push({
        ...base,
        validFrom: '2026-07-01',
        validTo: null,
        amountCents: amountCents + 1_234,
        decisionId: `${base.decisionId}-b`,
      });
    } else if (shape < 0.9) rows.push({ ...base, validFrom: '2026-08-01', validTo: null, amountCents });
    else rows.push({ ...base, validFrom: '2024-01-01', validTo: '2026-09-30', amountCents });
  }
  return rows;
}

/**
 * Serves rows as decisions' table would: ordered by enrolment, after a given one, a page at a time; and, as the
 * person register would, the enrolments each person holds in them.
 */
export function inMemoryEntitlements(rows: readonly EntitlementRow[]): EntitlementSource & PersonEnrolments {
  const sorted = [...rows].sort((a, b) =>
    a.enrolmentId === b.enrolmentId
      ? a.validFrom < b.validFrom
        ? -1
        : 1
      : a.enrolmentId < b.enrolmentId
        ? -1
        : 1,
  );
  return {
    async *stream({ programmeId, afterEnrolmentId }) {
      for (const row of sorted)
        if (
          row.programmeId === programmeId &&
          (afterEnrolmentId === null || row.enrolmentId > afterEnrolmentId)
        )
          yield row;
    },
    async countEnrolments(programmeId) {
      return new Set(sorted.filter((row) => row.programmeId === programmeId).map((row) => row.enrolmentId))
        .size;
    },
    async enrolmentsOf(personId) {
      return [...new Set(sorted.filter((row) => row.personId === personId).map((row) => row.enrolmentId))];
    },
  };
}

export function deathRegisterOf(deaths: Readonly<Record<string, string>> = {}): DeathRegister {
  return {
    async datesOfDeath(personIds) {
      return new Map(personIds.flatMap((id) => (deaths[id] ? [[id, deaths[id]] as const] : [])));
    },
  };
}

/** Every synthetic person has a deposit at a real institution; `changedAt` lets a test make one recent. */
export function payeeDirectoryOf(
  changedAt: Readonly<Record<string, Date>> = {},
  noAccount: readonly string[] = [],
): PayeeDirectory {
  return {
    async payees(personIds) {
      return new Map(
        personIds.map((id): [string, PayeeDetails] => [
          id,
          {
            name: `Payee ${id.slice(-4)}`,
            account: noAccount.includes(id)
              ? null
              : { institution: '001', transit: '00011', account: `${id.slice(-7)}` },
            accountChangedAt: changedAt[id] ?? new Date('2025-01-01T00:00:00Z'),
          },
        ]),
      );
    },
  };
}

/** What the run must produce, computed apart from it: the pure rule over the same rows. */
export function expectedTotals(rows: readonly EntitlementRow[], deaths: Record<string, string> = {}) {
  const byEnrolment = new Map<string, EntitlementRow[]>();
  for (const row of rows)
    byEnrolment.set(row.enrolmentId, [...(byEnrolment.get(row.enrolmentId) ?? []), row]);
  let count = 0;
  let cents = 0;
  for (const group of byEnrolment.values()) {
    const due = paymentsDue(
      group,
      { period: '2026-12', arrearsMonths: 11 },
      deaths[group[0]?.personId ?? ''] ?? null,
    );
    count += due.length;
    cents += due.reduce((sum, d) => sum + d.amountCents, 0);
  }
  return { count, cents };
}

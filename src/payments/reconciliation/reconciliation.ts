import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentStatus, RunKind } from '../payments.tables.ts';
import { SENT } from '../sent-payments.repository.ts';

/** Counts and cents, added exactly: cents are integers, and a run's total stays far below 2^53. */
export interface Tally {
  readonly count: number;
  readonly cents: number;
}

export const RECONCILIATION_LINES = [
  'prepared',
  'pending',
  'review',
  'cancelled',
  'issued',
  'issuedDeposit',
  'issuedCheque',
  'returned',
  'reissued',
  'awaitingReissue',
  'netPaid',
  'reissuesIncluded',
] as const;
export type ReconciliationLine = (typeof RECONCILIATION_LINES)[number];

/**
 * A run's reconciliation: what it prepared, what went to the bank or the printer (issued), what came back
 * (returned), what was paid again in a later run (reissued) or is waiting for new banking details, what was
 * cancelled, and the net paid. `balanced` holds when the parts add up to what was prepared, to the cent.
 */
export interface Reconciliation {
  readonly lines: Readonly<Record<ReconciliationLine, Tally>>;
  readonly balanced: boolean;
}

interface Group {
  readonly status: PaymentStatus;
  readonly method: 'deposit' | 'cheque' | null;
  readonly kind: RunKind | 'arrears';
  readonly count: number;
  readonly cents: number;
}

const ZERO: Tally = { count: 0, cents: 0 };
const add = (a: Tally, b: Tally): Tally => ({ count: a.count + b.count, cents: a.cents + b.cents });
const minus = (a: Tally, b: Tally): Tally => ({ count: a.count - b.count, cents: a.cents - b.cents });

export function reconcile(groups: readonly Group[], prepared: Tally): Reconciliation {
  const sum = (keep: (group: Group) => boolean) =>
    groups.filter(keep).reduce<Tally>((tally, g) => add(tally, { count: g.count, cents: g.cents }), ZERO);
  const all = sum(() => true);
  const issued = sum((g) => SENT.includes(g.status));
  const returned = sum((g) => g.status === 'returned' || g.status === 'reissued');
  const lines = {
    prepared: all,
    pending: sum((g) => g.status === 'pending'),
    review: sum((g) => g.status === 'review'),
    cancelled: sum((g) => g.status === 'cancelled'),
    issued,
    issuedDeposit: sum((g) => SENT.includes(g.status) && g.method === 'deposit'),
    issuedCheque: sum((g) => SENT.includes(g.status) && g.method === 'cheque'),
    returned,
    reissued: sum((g) => g.status === 'reissued'),
    awaitingReissue: sum((g) => g.status === 'returned'),
    netPaid: minus(issued, returned),
    reissuesIncluded: sum((g) => g.kind === 'reissue'),
  };
  const parts = [lines.pending, lines.review, lines.cancelled, lines.issued].reduce(add, ZERO);
  const balanced =
    parts.count === all.count &&
    parts.cents === all.cents &&
    all.count === prepared.count &&
    all.cents === prepared.cents &&
    lines.issuedDeposit.cents + lines.issuedCheque.cents === issued.cents;
  return { lines, balanced };
}

export async function reconciliationOf(
  db: Kysely<DB>,
  run: { id: string; paymentCount: number; totalCents: number },
): Promise<Reconciliation> {
  const rows = await db
    .selectFrom('payment')
    .select((eb) => [
      'status',
      'method',
      'kind',
      eb.fn.countAll().as('count'),
      eb.fn.sum<string | number>('amount_cents').as('cents'),
    ])
    .where('run_id', '=', run.id)
    .groupBy(['status', 'method', 'kind'])
    .execute();
  const groups = rows.map((row) => ({
    status: row.status,
    method: row.method,
    kind: row.kind,
    count: Number(row.count),
    cents: Number(row.cents),
  }));
  return reconcile(groups, { count: run.paymentCount, cents: run.totalCents });
}

/** Dollars and cents without floating point: 123456 → "1234.56", -5 → "-0.05". */
export function decimalOf(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The report as CSV: one line per figure, the label in the page's language, cents and dollars. */
export function reconciliationCsv(
  report: Reconciliation,
  label: (line: ReconciliationLine) => string,
  headers: readonly [string, string, string, string, string],
): string {
  return stringify([
    [...headers],
    ...RECONCILIATION_LINES.map((line) => [
      line,
      label(line),
      report.lines[line].count,
      report.lines[line].cents,
      decimalOf(report.lines[line].cents),
    ]),
  ]);
}

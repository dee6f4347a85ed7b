import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { EntitlementRow } from '../run/run-ports.ts';
import { newReference } from '../run/run-parts.ts';
import { findAdjustment } from './adjustment-rules.ts';
import type { AdjustmentFound } from './adjustment-rules.ts';
import * as repo from './adjustment.repository.ts';
import { convertDebtsAfterDeath } from './estate-conversion.ts';
import { loadEstateRecoveryLaw } from './estate-recovery.ts';
import type { EstateRecoveryLaw } from './estate-recovery.ts';
import { loadArrearsSetOffPolicy, recoveryFrom, setOffArrears } from './recovery-policy.ts';
import type { RecoveryPolicy } from './recovery-policy.ts';

/** The run a batch belongs to, as the adjuster needs it. */
export interface BatchRun {
  readonly id: string;
  readonly programmeId: string;
  readonly period: string;
  readonly payDate: string;
}

/** What the adjustments changed in the batch: payments added and cents added (negative when recovered). */
export interface BatchAdjustment {
  readonly payments: number;
  readonly cents: number;
}

/**
 * Called by the payment run in each batch's transaction, after the batch's payments are inserted: finds
 * overpayments and underpayments of the batch's enrolments, pays arrears in this run, raises debts, and takes
 * recoveries from this run's new payments. In the batch's transaction, so a kill -9 anywhere loses or
 * repeats nothing (ADR 0024).
 */
export interface BatchAdjuster {
  adjustBatch(
    trx: Transaction<DB>,
    run: BatchRun,
    groups: readonly (readonly EntitlementRow[])[],
    deaths: ReadonlyMap<string, string>,
  ): Promise<BatchAdjustment>;
}

/** The adjuster's other rules, each with its default from `reference-data/canada/`. */
export interface BatchAdjusterOptions {
  /** The share of arrears set off against a debt before they are paid. */
  readonly arrearsPolicy?: RecoveryPolicy;
  /** The law cited when a debt is asked of the estate of a person who died. */
  readonly estateLaw?: EstateRecoveryLaw;
  /** Where a debt turned into the estate's is recorded (none in tests that do not look). */
  readonly audit?: AuditService;
}

/**
 * `policy` is the share of each regular payment kept for a debt (dated and cited in `reference-data/canada/`).
 * After the recoveries, the debts of a person who died before the run's month are asked of the estate: no
 * later payment will give them a share (`estate-conversion.ts`).
 */
export function createBatchAdjuster(
  policy: RecoveryPolicy,
  options: BatchAdjusterOptions = {},
): BatchAdjuster {
  const arrearsPolicy = options.arrearsPolicy ?? loadArrearsSetOffPolicy();
  const estateLaw = options.estateLaw ?? loadEstateRecoveryLaw();
  const audit = options.audit ?? null;
  return {
    async adjustBatch(trx, run, groups, deaths) {
      const ids = groups.map((group) => group[0]?.enrolmentId ?? '').filter((id) => id !== '');
      if (ids.length === 0) return { payments: 0, cents: 0 };
      await recordAdjustments(trx, run, groups, deaths, { policy, estateLaw });
      const arrears = await payArrears(trx, run, groups, ids, arrearsPolicy);
      const recovered = await takeRecoveries(trx, run.id, ids);
      await convertDebtsAfterDeath(trx, run, groups, deaths, { estateLaw, audit });
      return { payments: arrears.payments, cents: arrears.cents - recovered };
    },
  };
}

async function recordAdjustments(
  trx: Transaction<DB>,
  run: BatchRun,
  groups: readonly (readonly EntitlementRow[])[],
  deaths: ReadonlyMap<string, string>,
  rules: DebtRules,
): Promise<void> {
  const ids = groups.map((group) => group[0]?.enrolmentId ?? '');
  const [paid, adjusted] = await Promise.all([repo.paidByPeriod(trx, ids), repo.adjustedByPeriod(trx, ids)]);
  for (const group of groups) {
    const first = group[0];
    const enrolmentPaid = first && paid.get(first.enrolmentId);
    if (!first || !enrolmentPaid) continue;
    const dateOfDeath = deaths.get(first.personId) ?? null;
    const found = findAdjustment(
      {
        rows: group,
        paid: enrolmentPaid,
        adjusted: adjusted.get(first.enrolmentId) ?? new Map(),
        dateOfDeath,
      },
      run.period,
    );
    if (found) await recordOne(trx, run, { first, found, dateOfDeath }, rules);
  }
}

/** How a new debt is recovered: a share of later payments, or, once the person has died, from the estate. */
interface DebtRules {
  readonly policy: RecoveryPolicy;
  readonly estateLaw: EstateRecoveryLaw;
}

/**
 * A person who died has no later payment to keep a share of: what they were overpaid (a payment for a month
 * after the month of death above all, OAS Act s. 37(1), CPP s. 66(1)) is asked of the estate, in full.
 */
function recoveryOf(rules: DebtRules, programmeId: string, payDate: string, dateOfDeath: string | null) {
  if (dateOfDeath !== null)
    return {
      recover_from: 'estate' as const,
      died_on: dateOfDeath,
      rate_basis_points: 0,
      rule_reference: rules.estateLaw(programmeId).title.en,
    };
  const rate = rules.policy(programmeId, payDate);
  return {
    recover_from: 'payments' as const,
    died_on: null,
    rate_basis_points: rate.basisPoints,
    rule_reference: rate.reference,
  };
}

async function recordOne(
  trx: Transaction<DB>,
  run: BatchRun,
  {
    first,
    found,
    dateOfDeath,
  }: { first: EntitlementRow; found: AdjustmentFound; dateOfDeath: string | null },
  rules: DebtRules,
): Promise<void> {
  const id = randomUUID();
  const outcome = found.netCents > 0 ? 'arrears' : 'debt';
  const inserted = await repo.insertAdjustment(
    trx,
    {
      id,
      enrolment_id: first.enrolmentId,
      person_id: first.personId,
      programme_id: first.programmeId,
      decision_id: found.decisionId,
      run_id: run.id,
      net_cents: found.netCents,
      outcome,
      payment_id: null,
      basis: found.basis,
    },
    found.lines.map((line) => ({
      adjustment_id: id,
      period: line.period,
      paid_cents: line.paidCents,
      due_cents: line.dueCents,
      difference_cents: line.differenceCents,
    })),
  );
  if (!inserted || outcome !== 'debt') return;
  await repo.insertDebt(trx, {
    id: randomUUID(),
    adjustment_id: id,
    person_id: first.personId,
    enrolment_id: first.enrolmentId,
    programme_id: first.programmeId,
    run_id: run.id,
    original_cents: -found.netCents,
    balance_cents: -found.netCents,
    ...recoveryOf(rules, first.programmeId, run.payDate, dateOfDeath),
    letter_sent_at: null,
  });
}

async function payArrears(
  trx: Transaction<DB>,
  run: BatchRun,
  groups: readonly (readonly EntitlementRow[])[],
  ids: readonly string[],
  arrearsPolicy: RecoveryPolicy,
): Promise<BatchAdjustment> {
  const byEnrolment = new Map(groups.map((group) => [group[0]?.enrolmentId ?? '', group]));
  const debts = await repo.openDebts(trx, ids, run.id);
  let payments = 0;
  let cents = 0;
  for (const owed of await repo.unpaidArrears(trx, ids)) {
    const latest = byEnrolment.get(owed.enrolment_id)?.at(-1);
    if (!latest || owed.cents <= 0) continue;
    const owing = debts
      .filter((debt) => debt.enrolment_id === owed.enrolment_id)
      .map((debt) => ({ id: debt.id, balanceCents: Number(debt.balance_cents) }));
    const rate = owing.length > 0 ? arrearsPolicy(run.programmeId, run.payDate) : null;
    const plan = rate
      ? setOffArrears(owed.cents, rate.basisPoints, owing)
      : { toDebts: [], payCents: owed.cents };
    if (plan.payCents > 0) {
      const paid = await insertArrears(trx, run, latest, owed, plan.payCents);
      if (!paid) continue;
      payments += 1;
      cents += plan.payCents;
    }
    for (const step of plan.toDebts)
      await repo.setOff(trx, {
        debtId: step.debtId,
        runId: run.id,
        cents: step.cents,
        basisPoints: rate?.basisPoints ?? 0,
        reference: rate?.reference ?? '',
      });
    await repo.markSetOff(trx, owed.parts, owed.cents - plan.payCents);
    await repo.markSettled(trx, owed.ids, run.id);
  }
  return { payments, cents };
}

function insertArrears(
  trx: Transaction<DB>,
  run: BatchRun,
  latest: EntitlementRow,
  owed: { enrolment_id: string; ids: string[] },
  amountCents: number,
): Promise<boolean> {
  return repo.insertArrearsPayment(
    trx,
    {
      id: randomUUID(),
      reference: newReference(),
      run_id: run.id,
      enrolment_id: owed.enrolment_id,
      person_id: latest.personId,
      programme_id: run.programmeId,
      period: run.period,
      kind: 'arrears',
      amount_cents: amountCents,
      arrears: true,
      decision_id: latest.decisionId,
      pay_date: run.payDate,
      review_reason: null,
      method: null,
      payee_ciphertext: null,
      account_last3: null,
      reissue_of: null,
    },
    owed.ids,
  );
}

/**
 * Each new payment of the batch gives the rate's share of its gross amount to the enrolment's open debts,
 * oldest first: one share per payment however many debts there are.
 */
async function takeRecoveries(trx: Transaction<DB>, runId: string, ids: readonly string[]): Promise<number> {
  const debts = await repo.openDebts(trx, ids, runId);
  if (debts.length === 0) return 0;
  const balances = new Map(debts.map((debt) => [debt.id, Number(debt.balance_cents)]));
  const indebted = [...new Set(debts.map((debt) => debt.enrolment_id))];
  let total = 0;
  for (const payment of await repo.untouchedPayments(trx, runId, indebted)) {
    const owed = debts.filter((d) => d.enrolment_id === payment.enrolment_id);
    const gross = Number(payment.amount_cents);
    const owing = owed.reduce((sum, debt) => sum + (balances.get(debt.id) ?? 0), 0);
    let share = recoveryFrom(gross, owing, owed[0]?.rate_basis_points ?? 0);
    for (const debt of owed) {
      const cents = Math.min(share, balances.get(debt.id) ?? 0);
      if (cents <= 0) continue;
      await repo.recover(trx, { debtId: debt.id, paymentId: payment.id, cents });
      balances.set(debt.id, (balances.get(debt.id) ?? 0) - cents);
      share -= cents;
      total += cents;
    }
  }
  return total;
}

import type { Transaction } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { monthOf } from '../run/due-payments.ts';
import type { EntitlementRow } from '../run/run-ports.ts';
import type { BatchRun } from './batch-adjuster.ts';
import type { EstateRecoveryLaw } from './estate-recovery.ts';
import * as repo from './estate-conversion.repository.ts';

/** What a batch's conversions need: the estate law each programme cites, and the audit log. */
export interface EstateConversionRules {
  readonly estateLaw: EstateRecoveryLaw;
  readonly audit: AuditService | null;
}

/**
 * The enrolments of this batch whose person died before the run's month, with their date of death: nothing is
 * paid for a month after the month of death, so no later payment will ever give a share to their debts.
 */
function enrolmentsAfterDeath(
  run: BatchRun,
  groups: readonly (readonly EntitlementRow[])[],
  deaths: ReadonlyMap<string, string>,
): Map<string, string> {
  const ended = new Map<string, string>();
  for (const group of groups) {
    const first = group[0];
    const diedOn = first && deaths.get(first.personId);
    if (first && diedOn && monthOf(diedOn) < run.period) ended.set(first.enrolmentId, diedOn);
  }
  return ended;
}

/**
 * A debt that was being recovered from a share of payments when its debtor died can no longer be: what is
 * left of it is asked of the estate (OAS Act s. 37(2.1), CPP s. 66(2.1)), with no share of payments, its date
 * of death and the estate law, once per debt. What was already recovered stays recorded against it; the estate
 * is told by the debt letters sent after the run is prepared. In the batch's transaction, audited there.
 * Returns how many debts were converted.
 */
export async function convertDebtsAfterDeath(
  trx: Transaction<DB>,
  run: BatchRun,
  groups: readonly (readonly EntitlementRow[])[],
  deaths: ReadonlyMap<string, string>,
  rules: EstateConversionRules,
): Promise<number> {
  const ended = enrolmentsAfterDeath(run, groups, deaths);
  if (ended.size === 0) return 0;
  const converted: { debtId: string; personId: string }[] = [];
  for (const debt of await repo.debtsRecoveredFromPayments(trx, [...ended.keys()])) {
    const diedOn = ended.get(debt.enrolment_id) ?? '';
    const ruleReference = rules.estateLaw(debt.programme_id).title.en;
    if (await repo.convertToEstate(trx, { debtId: debt.id, runId: run.id, diedOn, ruleReference }))
      converted.push({ debtId: debt.id, personId: debt.person_id });
  }
  if (converted.length > 0)
    await rules.audit?.recordMany(
      converted.map(({ debtId, personId }) =>
        auditEntry(
          { ...SYSTEM, correlationId: `run:${run.id}` },
          personId,
          'payments.debt.to-estate',
          'success',
          { debtId, runId: run.id },
        ),
      ),
      trx,
    );
  return converted.length;
}

const SYSTEM = {
  actor: { type: 'system' as const, id: 'payments' },
  channel: 'system' as const,
  purpose: 'overpayment-recovery',
  correlationId: 'debt-to-estate',
};

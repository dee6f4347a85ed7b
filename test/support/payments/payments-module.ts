/**
 * The payments module as its tests build it: on a test database, its ports the fixtures' defaults (nobody
 * has died, every payee has an account), with the staff who prepare and release its runs.
 */
import type { Kysely } from 'kysely';
import { createPaymentsModule } from '../../../src/payments/payments.module.ts';
import type { PaymentsModule, PaymentsModuleDependencies } from '../../../src/payments/payments.module.ts';
import type { RunSummary } from '../../../src/payments/run/run-parts.ts';
import type { AccessContext } from '../../../src/platform/audit/access-context.ts';
import { createAuditService } from '../../../src/platform/audit/audit.service.ts';
import { testConfig } from '../../../src/platform/config/config.ts';
import { createFieldCrypto } from '../../../src/platform/crypto/field-crypto.ts';
import type { DB } from '../../../src/platform/db/schema.ts';
import type { PersonEnrolments } from '../../../src/payments/run/run-ports.ts';
import { deathRegisterOf, payeeDirectoryOf } from './entitlement-fixtures.ts';

/** A test's own clock and entitlements; any other dependency given replaces the default. */
export type TestPaymentsDependencies = Pick<PaymentsModuleDependencies, 'clock' | 'entitlements'> &
  Partial<Omit<PaymentsModuleDependencies, 'db'>>;

export function createTestPaymentsModule(db: Kysely<DB>, deps: TestPaymentsDependencies): PaymentsModule {
  return createPaymentsModule({
    db,
    audit: createAuditService(db),
    deaths: deathRegisterOf(),
    payees: payeeDirectoryOf(),
    enrolments: enrolmentsNamedByPayments(db),
    cipher: createFieldCrypto(testConfig()).cipher,
    ...deps,
  });
}

/**
 * The person register's enrolments as these tests' synthetic data has them: the fixtures' enrolments exist only
 * in the payments they are paid by, so a person's enrolments are read back from those. The root reads the
 * register itself (`app.services.ts`); `person-payments.repository.test.ts` gives them as the register would.
 */
export function enrolmentsNamedByPayments(db: Kysely<DB>): PersonEnrolments {
  return {
    async enrolmentsOf(personId) {
      const rows = await db
        .selectFrom('payment')
        .select('enrolment_id')
        .distinct()
        .where('person_id', '=', personId)
        .execute();
      return rows.map((row) => row.enrolment_id);
    },
  };
}

/** A member of staff acting on payment runs online; `role` is the one the audit records. */
export function paymentsStaff(id: string, role: string, correlationId = `test-${id}`) {
  return {
    actor: { type: 'staff' as const, id, role },
    channel: 'online' as const,
    purpose: 'payment-run',
    correlationId,
  } satisfies AccessContext;
}

type PaymentsStaff = ReturnType<typeof paymentsStaff>;

/** Starts the OAS run of `period`, prepared by `staff`; `runs.resume` prepares it. Returns the run's id. */
export async function startOasRun(
  payments: PaymentsModule,
  period: string,
  staff: PaymentsStaff,
): Promise<string> {
  const { run } = await payments.runs.start(
    { programmeId: 'oas', period, preparedBy: staff.actor.id },
    staff,
  );
  return run.id;
}

/** Starts the OAS run of `period`, prepared by `staff`, and prepares it to the end. */
export async function prepareOasRun(
  payments: PaymentsModule,
  period: string,
  staff: PaymentsStaff,
): Promise<RunSummary> {
  return payments.runs.resume(await startOasRun(payments, period, staff));
}

import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { createPaymentRunService } from './run/payment-run.service.ts';
import type { PaymentRunOptions, PaymentRunService } from './run/payment-run.service.ts';
import type { DeathRegister, EntitlementSource } from './run/run-ports.ts';

/** Everything the payments capability does, built once by the root from its ports. */
export interface PaymentsModule {
  readonly runs: PaymentRunService;
}

export interface PaymentsModuleDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly entitlements: EntitlementSource;
  readonly deaths: DeathRegister;
  readonly runOptions?: Partial<PaymentRunOptions>;
}

export function createPaymentsModule(deps: PaymentsModuleDependencies): PaymentsModule {
  return {
    runs: createPaymentRunService({
      db: deps.db,
      audit: deps.audit,
      entitlements: deps.entitlements,
      deaths: deps.deaths,
      clock: deps.clock,
      ...(deps.runOptions ? { options: deps.runOptions } : {}),
    }),
  };
}

/** Until decisions' `enrolment_entitlement` reaches main, the root has no entitlements to pay. */
export const NO_ENTITLEMENTS: EntitlementSource = {
  // eslint-disable-next-line require-yield -- an empty stream
  async *stream() {
    return;
  },
  countEnrolments: () => Promise.resolve(0),
};

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { PersonDirectory } from '../person/index.ts';
import type { InsurablePeriod } from './applicant-record.ts';
import { insertRecordOfEmployment } from './applications.repository.ts';

/** A Record of Employment as an employer submits it (Employment Insurance Regulations s. 19). */
export interface RecordOfEmploymentInput {
  /** The employer whose payroll system sent it (authenticated by its API credential). */
  readonly employerId: string;
  readonly sin: string;
  readonly employerName: string;
  /** The employer's serial number for this record: a resubmission is ignored. */
  readonly serial: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly reasonCode: string;
  readonly periods: readonly InsurablePeriod[];
}

/** A new record; the same employer's serial again (kept once); or a SIN the register does not hold. */
export type ReceiveResult = 'stored' | 'already-received' | 'unknown-person';

/**
 * Records of Employment from employers: stored against the person found by SIN, the pay periods encrypted
 * (Protected B), so an EI application reads insurable hours and earnings and the person never retypes them.
 */
export function createEmploymentRecords(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  cipher: FieldCipher;
  directory: Pick<PersonDirectory, 'findBySin'>;
  clock: () => Date;
}) {
  return {
    async receive(input: RecordOfEmploymentInput, context: AccessContext): Promise<ReceiveResult> {
      const person = await deps.directory.findBySin(input.sin);
      if (!person) {
        await deps.audit.record(
          auditEntry(context, null, 'employment.record-received', 'failure', { serial: input.serial }),
        );
        return 'unknown-person';
      }
      return deps.db.transaction().execute(async (trx) => {
        const stored = await insertRecordOfEmployment(trx, {
          id: randomUUID(),
          person_id: person.personId,
          employer_id: input.employerId,
          employer_name: input.employerName,
          serial: input.serial,
          first_day: input.firstDay,
          last_day: input.lastDay,
          reason_code: input.reasonCode,
          periods_cipher: deps.cipher.encrypt(JSON.stringify(input.periods)),
          received_at: deps.clock(),
        });
        await deps.audit.record(
          auditEntry(context, person.personId, 'employment.record-received', 'success', {
            serial: input.serial,
            resubmitted: !stored,
          }),
          trx,
        );
        return stored ? 'stored' : 'already-received';
      });
    },
  };
}

export type EmploymentRecords = ReturnType<typeof createEmploymentRecords>;

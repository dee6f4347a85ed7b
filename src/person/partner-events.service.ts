import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Birth, IncomeYear } from './household-changes.ts';
import type { Receipt } from './partner-events.repository.ts';
import type { PersonDirectory } from './person-directory.ts';
import type { PersonService } from './person.service.ts';
import { AlreadyReceivedError } from './person.types.ts';

/** What a partner agency's message did: changed the record, was already received, or named nobody we hold. */
export type PartnerEventResult = 'recorded' | 'already-recorded' | 'unknown-person';

export interface PartnerEvents {
  /** A provincial vital statistics agency registered a birth: the child joins the parent's household. */
  receiveBirth(
    sin: string,
    birth: Birth,
    receipt: Receipt,
    context: AccessContext,
  ): Promise<PartnerEventResult>;
  /** The CRA assessed (or reassessed) a tax return: the year's incomes replace the register's. */
  receiveAssessment(
    sin: string,
    taxYear: number,
    incomes: IncomeYear,
    receipt: Receipt,
    context: AccessContext,
  ): Promise<PartnerEventResult>;
}

const ACTION = 'registry.partner-event.received';

/**
 * Partner agencies feed the register (ADR 0016, inbound partner APIs): the person found by SIN, the change made
 * through the record's own service (so re-evaluation and tell-us-once follow), once per agency reference.
 */
export function createPartnerEvents(deps: {
  record: Pick<PersonService, 'recordBirth' | 'recordIncomeYear'>;
  directory: Pick<PersonDirectory, 'findBySin'>;
  audit: AuditService;
}): PartnerEvents {
  async function receive(
    sin: string,
    receipt: Receipt,
    context: AccessContext,
    change: (personId: string, withSource: AccessContext) => Promise<unknown>,
  ): Promise<PartnerEventResult> {
    const details = { kind: receipt.kind, externalId: receipt.externalId };
    const person = await deps.directory.findBySin(sin);
    if (!person) {
      await deps.audit.record(auditEntry(context, null, ACTION, 'failure', details));
      return 'unknown-person';
    }
    try {
      await change(person.personId, { ...context, sourceAgencyId: receipt.agencyId });
      return 'recorded';
    } catch (error) {
      if (!(error instanceof AlreadyReceivedError)) throw error;
      await deps.audit.record(
        auditEntry(context, person.personId, ACTION, 'success', { ...details, resubmitted: true }),
      );
      return 'already-recorded';
    }
  }
  return {
    receiveBirth: (sin, birth, receipt, context) =>
      receive(sin, receipt, context, (personId, source) =>
        deps.record.recordBirth(personId, birth, source, { receipt }),
      ),
    receiveAssessment: (sin, taxYear, incomes, receipt, context) =>
      receive(sin, receipt, context, (personId, source) =>
        deps.record.recordIncomeYear(personId, taxYear, incomes, source, { receipt }),
      ),
  };
}

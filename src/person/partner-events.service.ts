import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Birth, IncomeYear } from './household-changes.ts';
import type { Receipt } from './partner-events.repository.ts';
import type { PersonDirectory } from './person-directory.ts';
import type { PersonService } from './person.service.ts';
import { AlreadyReceivedError } from './person.types.ts';

/** What a partner agency's message did: changed the record, was already received, or named nobody we hold. */
export type PartnerEventResult = 'recorded' | 'already-recorded' | 'unknown-person' | 'unknown-second-parent';

export interface PartnerEvents {
  /**
   * A provincial vital statistics agency registered a birth: the child joins the parent's household; a second
   * parent named by SIN is recorded as the child's parent too.
   */
  receiveBirth(
    sins: { readonly parent: string; readonly second?: string },
    birth: Birth,
    receipt: Receipt,
    context: AccessContext,
  ): Promise<PartnerEventResult>;
  /** A provincial vital statistics agency registered a death: the record says so (a change of circumstance). */
  receiveDeath(
    sin: string,
    dateOfDeath: string,
    receipt: Receipt,
    context: AccessContext,
  ): Promise<PartnerEventResult>;
  /** An agency sent an event from outside its province or territory: nothing is recorded, the refusal is audited. */
  refuseOutsideJurisdiction(receipt: Receipt, province: string, context: AccessContext): Promise<void>;
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
  record: Pick<PersonService, 'recordBirth' | 'recordDeath' | 'recordIncomeYear'>;
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
    async receiveBirth(sins, birth, receipt, context) {
      const second = sins.second === undefined ? undefined : await deps.directory.findBySin(sins.second);
      if (sins.second !== undefined && !second) {
        const details = {
          kind: receipt.kind,
          externalId: receipt.externalId,
          reason: 'unknown-second-parent',
        };
        await deps.audit.record(auditEntry(context, null, ACTION, 'failure', details));
        return 'unknown-second-parent';
      }
      const withOther = second ? { ...birth, otherParentId: second.personId } : birth;
      return receive(sins.parent, receipt, context, (personId, source) =>
        deps.record.recordBirth(personId, withOther, source, { receipt }),
      );
    },
    receiveDeath: (sin, dateOfDeath, receipt, context) =>
      receive(sin, receipt, context, (personId, source) =>
        deps.record.recordDeath(personId, dateOfDeath, source, { receipt }),
      ),
    async refuseOutsideJurisdiction(receipt, province, context) {
      const details = {
        kind: receipt.kind,
        externalId: receipt.externalId,
        province,
        reason: 'outside-jurisdiction',
      };
      await deps.audit.record(auditEntry(context, null, ACTION, 'denied', details));
    },
    receiveAssessment: (sin, taxYear, incomes, receipt, context) =>
      receive(sin, receipt, context, (personId, source) =>
        deps.record.recordIncomeYear(personId, taxYear, incomes, source, { receipt }),
      ),
  };
}

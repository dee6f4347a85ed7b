import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import * as repo from './person.repository.ts';
import { claimReceipt } from './partner-events.repository.ts';
import { AlreadyReceivedError, CorrectionReasonRequiredError, PersonNotFoundError } from './person.types.ts';
import type { ChangeOptions, ChangePublisher, ChangeResult, RegistryElement } from './person.types.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { Kysely } from 'kysely';

/** What committing a change needs: the database, the outbox it hands the change to, the audit log. */
export interface CommitDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly publisher: ChangePublisher;
  readonly clock: () => Date;
}

export interface PendingChange {
  element: RegistryElement;
  summary: Record<string, string>;
  payload: Record<string, unknown>;
  /** `version` is the one this change will have: what happens because of the change can name it. */
  write(trx: Transaction<DB>, at: Date, version: number): Promise<void>;
  /** Other people whose entitlements the change may touch (read after `write`), e.g. the household's. */
  alsoConcerns?(trx: Transaction<DB>): Promise<readonly string[]>;
}

/**
 * One change, in one transaction: lock the person's version, write, record the version row, hand the change to the
 * outbox, and append the audit entry last (it locks the audit chain head until commit).
 */
export async function commitChange(
  deps: CommitDependencies,
  personId: string,
  context: AccessContext,
  options: ChangeOptions,
  change: PendingChange,
): Promise<ChangeResult> {
  const kind = options.correctionReason === undefined ? 'update' : 'correction';
  if (kind === 'correction' && options.correctionReason?.trim() === '')
    throw new CorrectionReasonRequiredError();
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findPerson(trx, personId))) throw new PersonNotFoundError();
    const status = await repo.lockStatus(trx, personId);
    const at = deps.clock();
    if (options.receipt && !(await claimReceipt(trx, options.receipt, personId, at)))
      throw new AlreadyReceivedError();
    const version = status.version + 1;
    await change.write(trx, at, version);
    await repo.bumpVersion(trx, personId, version, at);
    const changeId = await repo.insertChange(trx, {
      person_id: personId,
      version,
      element: change.element,
      kind,
      summary: JSON.stringify(change.summary),
      actor_type: context.actor.type,
      actor_id: context.actor.id ?? null,
      actor_role: context.actor.role ?? null,
      actor_agency_id: context.actor.agencyId ?? null,
      channel: context.channel,
      source_agency_id: context.sourceAgencyId ?? null,
      reason: options.correctionReason ?? null,
      correlation_id: context.correlationId,
      occurred_at: at,
      reference: options.reference ?? null,
    });
    await deps.publisher.publish(trx, {
      changeId,
      personId,
      element: change.element,
      version,
      occurredAt: at,
      payload: change.payload,
      ...(change.alsoConcerns ? { alsoConcerns: await change.alsoConcerns(trx) } : {}),
    });
    // Last, because appending to the audit chain locks its head until commit: the shorter, the better.
    const details = { changeId, version, element: change.element };
    await deps.audit.record(
      auditEntry(context, personId, `registry.${change.element}.${kind}`, 'success', details),
      trx,
    );
    return { changeId, version };
  });
  deps.publisher.committed?.();
  return result;
}

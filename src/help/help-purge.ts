import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { deleteHelpRequest, listClosedBefore } from './help.repository.ts';

/**
 * A call-back or appointment request is kept 90 days after staff close it, long enough to answer "did you call
 * me?", then deleted: what the person wrote (name, telephone, accommodations) is Protected B and has no other
 * use. An open request is a task and stays until it is handled.
 */
export const HELP_REQUEST_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

export interface HelpPurgeReport {
  readonly dryRun: boolean;
  readonly cutoff: Date;
  readonly purged: number;
}

export async function purgeClosedHelpRequests(
  deps: { readonly db: Kysely<DB>; readonly audit: AuditService },
  now: Date,
  options: { dryRun?: boolean; limit?: number } = {},
): Promise<HelpPurgeReport> {
  const cutoff = new Date(now.getTime() - HELP_REQUEST_RETENTION_DAYS * DAY_MS);
  const rows = await listClosedBefore(deps.db, cutoff, options.limit ?? 10_000);
  const dryRun = options.dryRun === true;
  if (!dryRun)
    for (const row of rows)
      await deps.db.transaction().execute(async (trx) => {
        await deleteHelpRequest(trx, row.id);
        // The disposal is itself a record about the person: their access log says the request was deleted.
        await deps.audit.record(
          {
            actor: { type: 'system', id: 'help-request-purge' },
            subjectPersonId: row.person_id,
            action: 'help.request.purged',
            purpose: 'retention-schedule',
            channel: 'system',
            outcome: 'success',
            correlationId: crypto.randomUUID(),
            details: { reference: row.reference, retentionDays: HELP_REQUEST_RETENTION_DAYS },
          },
          trx,
        );
      });
  return { dryRun, cutoff, purged: rows.length };
}

/** Runs the purge hourly while the service runs (as the sign-in state and form memory purges do). */
export function scheduleHelpRequestPurge(
  help: { purgeClosed(options?: { dryRun?: boolean }): Promise<HelpPurgeReport> },
  log: (report: HelpPurgeReport | { error: string }) => void,
): () => void {
  const timer = setInterval(() => {
    help
      .purgeClosed()
      .then(log, (error: unknown) => log({ error: error instanceof Error ? error.message : String(error) }));
  }, PURGE_EVERY_MS);
  timer.unref(); // never keeps a stopping process alive
  return () => clearInterval(timer);
}

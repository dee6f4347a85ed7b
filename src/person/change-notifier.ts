import type { AuditService } from '../platform/audit/audit.service.ts';
import type { ChangeNotifier } from './person.types.ts';

/**
 * Where no inbox is wired (tools and tests of the person module alone), the notice is recorded as an audit event naming the
 * channel used (never the address or number, and never the new account: GC Notify is Protected A only).
 */
export function createAuditedNotifier(audit: AuditService): ChangeNotifier {
  return {
    async sensitiveChange(trx, notice, context) {
      await audit.record(
        {
          actor: { type: 'system' },
          subjectPersonId: notice.personId,
          action: `registry.notice.${notice.element}-changed`,
          purpose: 'security-notice',
          channel: 'system',
          outcome: 'success',
          correlationId: context.correlationId,
          details: { sentTo: notice.previous.channel },
        },
        trx,
      );
    },
  };
}

import type { AuditService } from '../platform/audit/audit.service.ts';
import type { ChangeNotifier } from './person.types.ts';

/**
 * Until the inbox and GC Notify integration exist, the notice is recorded as an audit event naming the
 * channel used (never the address or number, and never the new account: GC Notify is Protected A only).
 */
export function createAuditedNotifier(audit: AuditService): ChangeNotifier {
  return {
    async sensitiveChange(trx, personId, element, previousContact, context) {
      await audit.record(
        {
          actor: { type: 'system' },
          subjectPersonId: personId,
          action: `registry.notice.${element}-changed`,
          purpose: 'security-notice',
          channel: 'system',
          outcome: 'success',
          correlationId: context.correlationId,
          details: { sentTo: previousContact.kind },
        },
        trx,
      );
    },
  };
}

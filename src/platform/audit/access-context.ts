import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './audit.service.ts';
import type { AuditEventTable } from './audit.tables.ts';

/** Who is acting, why, and through which channel: recorded with every read and change of personal information. */
export interface AccessContext {
  actor: AuditActor;
  channel: AuditEventTable['channel'];
  /** The stated purpose (`self-service`, `phone-call`, `assigned-case`…). */
  purpose: string;
  correlationId: string;
  /** The agency through which the information came (null when the person told Guichet directly). */
  sourceAgencyId?: string | null;
}

/** A signed-in person acting on their own record, online. */
export function selfContext(request: FastifyRequest, personId: string): AccessContext {
  return {
    actor: { type: 'person', id: personId },
    channel: 'online',
    purpose: 'self-service',
    correlationId: request.id,
  };
}

/** The audit entry for an access under `context` (the subject, the action and its outcome). */
export function auditEntry(
  context: AccessContext,
  personId: string | null,
  action: string,
  outcome: 'success' | 'failure' | 'denied',
  details: object,
) {
  return {
    actor: context.actor,
    subjectPersonId: personId,
    action,
    purpose: context.purpose,
    channel: context.channel,
    outcome,
    correlationId: context.correlationId,
    details: { ...details },
  };
}

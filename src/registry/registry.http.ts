import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireClientFileAccess } from '../identity/identity.guards.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { identityPaths } from '../identity/identity.paths.ts';
import type { AccessContext } from './registry.types.ts';

export type FormBody = Record<string, string | string[] | undefined>;

/** The signed-in person's registry id, or a redirect to link their sign-in to their record first. */
export function linkedPersonId(request: FastifyRequest, reply: FastifyReply, lang: Lang): string | null {
  const identity = request.identity;
  if (identity?.kind === 'person' && identity.personId) return identity.personId;
  void reply.redirect(pathFor(identityPaths.link, lang), 303);
  return null;
}

export function selfContext(request: FastifyRequest, personId: string): AccessContext {
  return {
    actor: { type: 'person', id: personId },
    channel: 'online',
    purpose: 'self-service',
    correlationId: request.id,
  };
}

/** Staff act for their agency, under the purpose they stated when they opened the file. */
export function staffContext(
  request: FastifyRequest,
  access: { purpose: string; channel: string },
): AccessContext {
  const identity = request.identity;
  if (identity?.kind !== 'staff') throw new Error('staff route reached without a staff identity');
  const channel =
    (['online', 'phone', 'in-person', 'mail'] as const).find((c) => c === access.channel) ?? 'online';
  return {
    actor: {
      type: 'staff',
      id: identity.staffId,
      role: identity.roles.join(','),
      agencyId: identity.agencyId,
    },
    channel,
    purpose: access.purpose,
    correlationId: request.id,
  };
}

export function formBody(request: FastifyRequest): FormBody {
  const body = request.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

export function stringsOf(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string' && key !== '_csrf') out[key] = value;
  return out;
}

export function isoToday(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A client file staff may open: a well-formed id and a purpose stated for it (else 404 or the purpose page). */
export async function openClientFile(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ personId: string; context: AccessContext; purpose: string } | null> {
  const { personId } = request.params as { personId: string };
  if (!UUID.test(personId)) {
    await reply.callNotFound();
    return null;
  }
  const access = await requireClientFileAccess(request, reply, personId);
  return access ? { personId, context: staffContext(request, access), purpose: access.purpose } : null;
}

// Staff must say why they correct a record: a word or two, not a blank or a single letter; and a
// reason is shown with every version of the record, so it stays a sentence or two.
const MIN_REASON_LENGTH = 5;
const MAX_REASON_LENGTH = 500;

/** The error code for a correction's reason (`reason`: missing or too short; `tooLong`), if any. */
export function correctionReasonError(reason: string | undefined): 'reason' | 'tooLong' | undefined {
  const length = (reason ?? '').trim().length;
  if (length < MIN_REASON_LENGTH) return 'reason';
  return length > MAX_REASON_LENGTH ? 'tooLong' : undefined;
}

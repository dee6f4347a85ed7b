import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import type { ViewContext } from '../platform/http/route-table.ts';
import type { FileAccessService } from './file-access.service.ts';
import { workspacePaths } from './workspace.paths.ts';

/** A client's file as staff have it open: whose, under which stated purpose, and the context for the audit. */
export interface OpenFile {
  readonly personId: string;
  readonly purpose: string;
  readonly context: AccessContext;
}

/**
 * The client file at `:personId`, if staff may have it open now: a well-formed id (else 404) and a purpose
 * stated for it in this session (else to the purpose form, coming back here after).
 */
export async function openClientFile(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  files: FileAccessService,
): Promise<OpenFile | null> {
  const personId = parseUuid((request.params as { personId?: string }).personId);
  if (!personId) {
    await reply.callNotFound();
    return null;
  }
  const access = await files.find(staffOf(request), personId);
  if (access) return { personId, purpose: access.purpose, context: staffContext(request, access) };
  const query = new URLSearchParams({ return: request.url });
  await reply.redirect(`${view.path(workspacePaths.clientPurpose, { personId })}?${query.toString()}`, 303);
  return null;
}

/** Staff act for their agency, under the purpose they stated when they opened the file. */
export function staffContext(
  request: FastifyRequest,
  access: { purpose: string; channel: string },
): AccessContext {
  const identity = staffOf(request);
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

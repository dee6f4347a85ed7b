import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { StaffIdentity } from '../platform/http/request-identity.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { setFlash, takeFlash } from './flash.ts';
import { requireClientFileAccess, safeReturnPath } from './identity.guards.ts';
import { identityPaths } from './identity.paths.ts';
import type { IdentityServices } from './identity.services.ts';
import { parseUuid } from './identity.schemas.ts';
import { isStaffRole } from './permissions.ts';
import { FILE_PURPOSES } from './staff.service.ts';
import type { FilePurpose } from './staff.service.ts';
import { clientFilePage, purposePage, rolesPage, staffHomePage } from './views/staff.views.ts';

type Body = Record<string, unknown>;

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

function staff(request: FastifyRequest): StaffIdentity {
  if (request.identity?.kind !== 'staff') throw new Error('staff route reached without a staff identity');
  return request.identity;
}

export function registerStaffRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: IdentityServices,
): void {
  routes.page(app, 'GET', identityPaths.staffHome, 'permission:staff.workspace', (request, reply, lang) =>
    sendPageAt(
      request,
      reply,
      lang,
      identityPaths.staffHome,
      staffHomePage(translator(lang), staff(request), takeFlash(request, reply).notice),
    ),
  );
  routes.page(
    app,
    'GET',
    identityPaths.staffRoles,
    'permission:staff.roles.manage',
    async (request, reply, lang) => {
      const page = rolesPage(
        translator(lang),
        staff(request),
        await services.staff.listWithRoles(),
        request.csrfToken(),
        takeFlash(request, reply),
      );
      return sendPageAt(request, reply, lang, identityPaths.staffRoles, page);
    },
  );
  routes.page(
    app,
    'POST',
    identityPaths.staffRoleChange,
    'permission:staff.roles.manage',
    (request, reply, lang) => changeRole(request, reply, lang, services),
  );
  routes.page(
    app,
    'GET',
    identityPaths.clientLookup,
    'permission:client.file.read',
    (request, reply, lang) => {
      const personId = parseUuid((request.query as Record<string, string>).id);
      if (!personId) {
        setFlash(reply, { notice: 'clientNotFound' });
        return reply.redirect(pathFor(identityPaths.staffHome, lang), 303);
      }
      return reply.redirect(pathFor(identityPaths.clientFile, lang, { personId }), 303);
    },
  );
  routes.page(
    app,
    'GET',
    identityPaths.clientPurpose,
    'permission:client.file.read',
    (request, reply, lang) => {
      const personId = parseUuid((request.params as { personId: string }).personId) ?? '';
      const page = purposePage(
        translator(lang),
        personId,
        safeReturnPath((request.query as Record<string, string>).return),
        request.csrfToken(),
        takeFlash(request, reply),
        staff(request).permissions.has('client.act-on-behalf'),
      );
      return sendPageAt(request, reply, lang, identityPaths.clientPurpose, page, { params: { personId } });
    },
  );
  routes.page(
    app,
    'POST',
    identityPaths.clientPurpose,
    'permission:client.file.read',
    (request, reply, lang) => statePurpose(request, reply, lang, services),
  );
  routes.page(
    app,
    'GET',
    identityPaths.clientFile,
    'permission:client.file.read',
    async (request, reply, lang) => {
      const personId = parseUuid((request.params as { personId: string }).personId);
      const person = personId ? await services.people.nameOf(personId) : undefined;
      if (!personId || !person) return notFound(reply);
      const access = await requireClientFileAccess(request, reply, personId);
      if (!access) return reply;
      return sendPageAt(
        request,
        reply,
        lang,
        identityPaths.clientFile,
        clientFilePage(translator(lang), person, access),
        { params: { personId } },
      );
    },
  );
}

async function changeRole(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  services: IdentityServices,
): Promise<FastifyReply> {
  const body = request.body as Body | undefined;
  const staffId = parseUuid((request.params as { staffId: string }).staffId);
  const role = body?.role;
  if (!staffId || !isStaffRole(role) || (body?.action !== 'grant' && body?.action !== 'revoke')) {
    setFlash(reply, { errors: ['invalid'] });
    return reply.redirect(pathFor(identityPaths.staffRoles, lang), 303);
  }
  const result = await services.staff.changeRole(
    staff(request),
    staffId,
    role,
    body.action === 'grant',
    request.id,
  );
  setFlash(reply, result === 'changed' ? { notice: 'roleChanged' } : { errors: [result] });
  return reply.redirect(pathFor(identityPaths.staffRoles, lang), 303);
}

async function statePurpose(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  services: IdentityServices,
): Promise<FastifyReply> {
  const body = request.body as Body | undefined;
  const personId = parseUuid((request.params as { personId: string }).personId);
  const purpose = FILE_PURPOSES.find((p) => p === body?.purpose) as FilePurpose | undefined;
  const returnTo = safeReturnPath(body?.return);
  if (!personId) return notFound(reply);
  if (!purpose) {
    setFlash(reply, { errors: ['required'] });
    return reply.redirect(
      `${pathFor(identityPaths.clientPurpose, lang, { personId })}${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`,
      303,
    );
  }
  const actor = staff(request);
  const consent = body?.consent === 'yes' && actor.permissions.has('client.act-on-behalf');
  if (!(await services.staff.openFile(actor, personId, purpose, consent, request.id))) return notFound(reply);
  return reply.redirect(returnTo ?? pathFor(identityPaths.clientFile, lang, { personId }), 303);
}

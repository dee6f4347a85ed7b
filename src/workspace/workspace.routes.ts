import type { FastifyRequest } from 'fastify';
import { formView } from '../platform/forms/form-view.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import type { RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { safeReturnPath } from '../platform/http/safe-path.ts';
import { isStaffRole } from '../identity/index.ts';
import type { StaffService } from '../identity/index.ts';
import type { PersonDirectory } from '../person/index.ts';
import { FILE_PURPOSES } from './file-access.service.ts';
import type { FileAccessService, FilePurpose } from './file-access.service.ts';
import { workspacePaths } from './workspace.paths.ts';
import type { ClientFileSection, StaffCard } from './staff-cards.ts';
import { clientFilePage, purposePage, rolesPage, staffHomePage } from './views/workspace.views.ts';
import { staffContext } from './client-file.ts';

export const workspaceNotices = defineNotices('workspace.notices', [
  'roleChanged',
  'roleGrantRequested',
  'roleGrantApproved',
  'roleGrantDeclined',
  'clientNotFound',
  'corrected',
]);

export interface WorkspaceRouteDependencies {
  readonly staff: StaffService;
  readonly files: FileAccessService;
  readonly people: Pick<PersonDirectory, 'nameOf'>;
  /** Every capability's work for staff, in order (the root's `staffCards()`). */
  readonly cards: readonly StaffCard[];
  /** What other capabilities show in the client file (applications, benefits…), in order (the root's wiring). */
  readonly clientSections?: readonly ClientFileSection[];
}

type Body = Record<string, unknown>;
const ROLES_FORM = 'workspace.roles';
const purposeForm = (personId: string) => `workspace.purpose:${personId}`;

/** The staff home, role administration, finding a client and stating why their file is opened. */
export function registerWorkspaceRoutes(routes: RouteTable, deps: WorkspaceRouteDependencies): void {
  routes.page('GET', workspacePaths.home, 'permission:staff.workspace', (request, _reply, view) =>
    view.send(staffHomePage(view.t, staffOf(request), deps.cards)),
  );
  routes.page('GET', workspacePaths.roles, 'permission:staff.roles.manage', async (request, _reply, view) => {
    const form = formView(view.t, 'workspace', request.csrfToken(), await view.recall(ROLES_FORM));
    const [staff, pending] = await Promise.all([deps.staff.listWithRoles(), deps.staff.listPendingGrants()]);
    return view.send(rolesPage(form, staffOf(request), staff, pending));
  });
  routes.page('POST', workspacePaths.roleGrant, 'permission:staff.roles.manage', (request, _reply, view) =>
    decideGrant(request, view, deps.staff),
  );
  routes.page('POST', workspacePaths.roleChange, 'permission:staff.roles.manage', (request, _reply, view) =>
    changeRole(request, view, deps.staff),
  );
  routes.page('GET', workspacePaths.clientLookup, 'permission:client.file.read', (request, _reply, view) => {
    const personId = parseUuid((request.query as Record<string, string>).id);
    if (!personId) return view.redirect(workspacePaths.home, { notice: workspaceNotices.clientNotFound });
    return view.redirect(workspacePaths.clientFile, { params: { personId } });
  });
  registerPurposeRoutes(routes, deps);
  routes.page(
    'GET',
    workspacePaths.clientFile,
    'permission:client.file.read',
    async (request, reply, view) => {
      const personId = parseUuid((request.params as { personId: string }).personId);
      const person = personId ? await deps.people.nameOf(personId) : undefined;
      if (!personId || !person) return reply.callNotFound();
      const access = await deps.files.find(staffOf(request), personId);
      if (!access) return toPurposeForm(request, view, personId);
      const context = staffContext(request, access);
      const sections = await Promise.all(
        (deps.clientSections ?? []).map((section) => section(personId, view.t, request.csrfToken(), context)),
      );
      return view.send(clientFilePage(view.t, person, access, sections));
    },
  );
}

function registerPurposeRoutes(routes: RouteTable, deps: WorkspaceRouteDependencies): void {
  routes.page(
    'GET',
    workspacePaths.clientPurpose,
    'permission:client.file.read',
    async (request, _reply, view) => {
      const personId = parseUuid((request.params as { personId: string }).personId) ?? '';
      const form = formView(
        view.t,
        'workspace',
        request.csrfToken(),
        await view.recall(purposeForm(personId)),
      );
      const returnTo = safeReturnPath((request.query as Record<string, string>).return);
      const canAct = staffOf(request).permissions.has('client.act-on-behalf');
      return view.send(purposePage(form, personId, returnTo, canAct));
    },
  );
  routes.page(
    'POST',
    workspacePaths.clientPurpose,
    'permission:client.file.read',
    async (request, reply, view) => {
      const body = request.body as Body | undefined;
      const personId = parseUuid((request.params as { personId: string }).personId);
      const purpose = FILE_PURPOSES.find((p) => p === body?.purpose) as FilePurpose | undefined;
      const returnTo = safeReturnPath(body?.return);
      if (!personId) return reply.callNotFound();
      if (!purpose) {
        const back = `${view.path(workspacePaths.clientPurpose, { personId })}${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`;
        const errors = { purpose: 'workspace.purpose.error.required' };
        return view.refuse(purposeForm(personId), { values: {}, errors }, { target: back });
      }
      const actor = staffOf(request);
      const consent = body?.consent === 'yes' && actor.permissions.has('client.act-on-behalf');
      if (!(await deps.files.open(actor, personId, purpose, consent, request.id)))
        return reply.callNotFound();
      await view.accept(purposeForm(personId));
      return view.redirect(returnTo ?? view.path(workspacePaths.clientFile, { personId }));
    },
  );
}

function toPurposeForm(request: FastifyRequest, view: ViewContext, personId: string) {
  const query = new URLSearchParams({ return: request.url });
  return view.redirect(`${view.path(workspacePaths.clientPurpose, { personId })}?${query.toString()}`);
}

async function changeRole(request: FastifyRequest, view: ViewContext, staff: StaffService) {
  const body = request.body as Body | undefined;
  const staffId = parseUuid((request.params as { staffId: string }).staffId);
  const role = body?.role;
  const refuse = (code: string) =>
    view.refuse(
      ROLES_FORM,
      { values: {}, errors: { role: `workspace.staff.error.${code}` } },
      {
        target: workspacePaths.roles,
      },
    );
  if (!staffId || !isStaffRole(role) || (body?.action !== 'grant' && body?.action !== 'revoke'))
    return refuse('invalid');
  const result = await staff.changeRole(staffOf(request), staffId, role, body.action === 'grant', request.id);
  if (result !== 'changed' && result !== 'pending-approval') return refuse(result);
  await view.accept(ROLES_FORM);
  const notice = result === 'changed' ? workspaceNotices.roleChanged : workspaceNotices.roleGrantRequested;
  return view.redirect(workspacePaths.roles, { notice });
}

/** Four eyes: a second administrator approves or declines a privileged grant another one asked for. */
async function decideGrant(request: FastifyRequest, view: ViewContext, staff: StaffService) {
  const body = request.body as Body | undefined;
  const grantId = parseUuid((request.params as { grantId: string }).grantId);
  const refuse = (code: string) =>
    view.refuse(
      ROLES_FORM,
      { values: {}, errors: { grant: `workspace.staff.error.${code}` } },
      { target: workspacePaths.roles },
    );
  if (!grantId || (body?.action !== 'approve' && body?.action !== 'decline')) return refuse('invalid');
  const result = await staff.decideGrant(staffOf(request), grantId, body.action === 'approve', request.id);
  if (result !== 'approved' && result !== 'declined') return refuse(result);
  await view.accept(ROLES_FORM);
  const notice =
    result === 'approved' ? workspaceNotices.roleGrantApproved : workspaceNotices.roleGrantDeclined;
  return view.redirect(workspacePaths.roles, { notice });
}

import type { FastifyRequest } from 'fastify';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { BilingualPath } from '../platform/http/route-table.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { helpPaths } from './help.paths.ts';
import type { HelpService } from './help.service.ts';
import type { HelpProgramme } from './help-data.ts';
import { normalisePostalCode } from './office-finder.ts';
import { contactPage, helpPage } from './views/help.views.ts';
import { officePage, officesPage } from './views/offices.views.ts';
import { requestPage, requestedPage, staffQueuePage } from './views/requests.views.ts';

export const helpNotices = defineNotices('help.notices', ['requestDone']);

export interface HelpRouteDependencies {
  readonly help: HelpService;
  readonly programmes: () => Promise<readonly HelpProgramme[]>;
  readonly staffHome: BilingualPath;
}

const STAFF = 'permission:help.requests.handle' as const;
const FINDER_FORM = 'help.offices';
const formIdFor = (kind: 'callback' | 'appointment') => `help.${kind}`;

function requestContext(request: FastifyRequest): AccessContext {
  const identity = request.identity;
  const actor =
    identity?.kind === 'person' && identity.personId
      ? { type: 'person' as const, id: identity.personId }
      : { type: 'anonymous' as const };
  return { actor, channel: 'online', purpose: 'help-request', correlationId: request.id };
}

function staffContext(request: FastifyRequest): AccessContext {
  const staff = staffOf(request);
  return {
    actor: { type: 'staff', id: staff.staffId, role: staff.roles[0] ?? null, agencyId: staff.agencyId },
    channel: 'online',
    purpose: 'help-request',
    correlationId: request.id,
  };
}

const linkedOf = (request: FastifyRequest) =>
  request.identity?.kind === 'person' ? request.identity.personId : null;

/** Help pages (public), the request forms (Post/Redirect/Get) and the staff queue the requests land in. */
export function registerHelpRoutes(routes: RouteTable, deps: HelpRouteDependencies): void {
  registerReadingRoutes(routes, deps);
  registerOfficeRoutes(routes, deps);
  for (const kind of ['callback', 'appointment'] as const) registerRequestRoutes(routes, deps, kind);
  registerStaffRoutes(routes, deps);
}

function registerReadingRoutes(routes: RouteTable, { help, programmes }: HelpRouteDependencies): void {
  routes.page('GET', helpPaths.help, 'public', async (request, _reply, view) => {
    const form = formView(view.t, 'help', request.csrfToken(), await view.recall(FINDER_FORM));
    return view.send(helpPage(form, help.data, await programmes()));
  });
  routes.page('GET', helpPaths.contact, 'public', async (request, reply, view) => {
    const { programmeId } = request.params as { programmeId: string };
    const programme = (await programmes()).find((entry) => entry.id === programmeId);
    const line = help.data.lines.find((entry) => entry.programmes.includes(programmeId));
    if (!programme || !line) return reply.callNotFound();
    return view.send(contactPage(view.t, programme, line));
  });
}

function registerOfficeRoutes(routes: RouteTable, { help }: HelpRouteDependencies): void {
  routes.page('GET', helpPaths.offices, 'public', async (request, _reply, view) => {
    const form = formView(view.t, 'help', request.csrfToken(), await view.recall(FINDER_FORM));
    return view.send(officesPage(form, help.data, null));
  });
  routes.page('POST', helpPaths.offices, 'public', async (request, _reply, view) => {
    const postalCode = normalisePostalCode(formStrings(request).postalCode ?? '');
    if (!postalCode || !help.findOffices(postalCode))
      return view.refuse(FINDER_FORM, {
        values: formValues(request),
        errors: { postalCode: 'help.errors.postalCode.invalid' },
      });
    await view.accept(FINDER_FORM);
    return view.redirect(helpPaths.officesNear, { params: { fsa: postalCode.slice(0, 3).toLowerCase() } });
  });
  routes.page('GET', helpPaths.officesNear, 'public', async (request, reply, view) => {
    const { fsa } = request.params as { fsa: string };
    // The FSA and a neutral local delivery unit: the search needs only the first three characters.
    const search = /^[a-z]\d[a-z]$/i.test(fsa) ? help.findOffices(`${fsa} 0A0`) : null;
    if (!search) return reply.callNotFound();
    const form = formView(view.t, 'help', request.csrfToken(), undefined, { postalCode: fsa.toUpperCase() });
    return view.send(officesPage(form, help.data, search));
  });
  routes.page('GET', helpPaths.office, 'public', async (request, reply, view) => {
    const { officeId } = request.params as { officeId: string };
    const office = help.data.offices.find((entry) => entry.id === officeId);
    if (!office) return reply.callNotFound();
    return view.send(officePage(view.t, office, help.data));
  });
}

function registerRequestRoutes(
  routes: RouteTable,
  { help, programmes }: HelpRouteDependencies,
  kind: 'callback' | 'appointment',
): void {
  const path = kind === 'callback' ? helpPaths.callback : helpPaths.appointment;
  routes.page('GET', path, 'public', async (request, _reply, view) => {
    const query = request.query as { office?: unknown; programme?: unknown };
    const current = {
      lang: view.lang,
      ...(typeof query.office === 'string' ? { officeId: query.office } : {}),
      ...(typeof query.programme === 'string' ? { programmeId: query.programme } : {}),
    };
    const form = formView(view.t, 'help', request.csrfToken(), await view.recall(formIdFor(kind)), current);
    return view.send(requestPage(form, kind, help.data, await programmes()));
  });
  routes.page('POST', path, 'public', async (request, _reply, view) => {
    const checked = await help.check(kind, formValues(request));
    if (!checked.ok)
      return view.refuse(formIdFor(kind), { values: formValues(request), errors: checked.errors });
    const reference = await help.submit(checked.value, linkedOf(request), requestContext(request));
    await view.accept(formIdFor(kind));
    return view.redirect(helpPaths.requested, { params: { reference } });
  });
  if (kind === 'callback')
    routes.page('GET', helpPaths.requested, 'public', async (request, reply, view) => {
      const { reference } = request.params as { reference: string };
      if (!/^HR-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference)) return reply.callNotFound();
      return view.send(requestedPage(view.t, reference));
    });
}

function registerStaffRoutes(
  routes: RouteTable,
  { help, programmes, staffHome }: HelpRouteDependencies,
): void {
  routes.page('GET', helpPaths.staffQueue, STAFF, async (request, _reply, view) => {
    const tasks = await help.queue(staffContext(request));
    return view.send(
      staffQueuePage(view.t, request.csrfToken(), tasks, help.data, await programmes(), staffHome),
    );
  });
  routes.page('POST', helpPaths.staffDone, STAFF, async (request, reply, view) => {
    const id = parseUuid((request.params as { id?: string }).id);
    if (!id || !(await help.complete(id, staffOf(request).staffId, staffContext(request))))
      return reply.callNotFound();
    return view.redirect(helpPaths.staffQueue, { notice: helpNotices.requestDone });
  });
}

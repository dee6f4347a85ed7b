import type { FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import { formStrings, formValues, listOf } from '../platform/forms/form-body.ts';
import { formView } from '../platform/forms/form-view.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { BilingualPath, RouteTable } from '../platform/http/route-table.ts';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import type { HouseholdReader, PersonDirectory } from '../person/index.ts';
import { parseDate } from './answer-parsing.ts';
import type { ApplicationRouteDependencies } from './applications.routes.ts';
import { applicableProgrammes, programmeNameFor } from './applications.routes.ts';
import { applicationsPaths, staffFlow } from './applications.paths.ts';
import type { Actor } from './applications.service.ts';
import type { IdentityCheck } from './applications.tables.ts';
import { registerFlow } from './flow.routes.ts';
import { personMatches } from './name-match.ts';
import { normaliseReference } from './reference.ts';
import { checkRepresentative } from './representatives.routes.ts';
import type { RepresentativesService } from './representatives.service.ts';
import type { ApplicationChannel } from './submitted-application.ts';
import type { Crumb } from './views/flow.views.ts';
import {
  clientApplicationsSection,
  findClientPage,
  recordRepresentativePage,
  staffApplyPage,
} from './views/staff.views.ts';
import type { FoundClient } from './views/staff.views.ts';

export const staffNotices = defineNotices('applications.notices', ['recorded']);

export interface StaffRouteDependencies extends ApplicationRouteDependencies {
  readonly representatives: RepresentativesService;
  readonly directory: Pick<PersonDirectory, 'findBySin' | 'nameOf'>;
  readonly households: Pick<HouseholdReader, 'bornOn'>;
  readonly audit: AuditService;
  /** The staff home and a client's file in the workspace. */
  readonly staffHome: BilingualPath;
  readonly clientFile: BilingualPath;
}

const FIND = 'applications.find';
const APPLY = (personId: string) => `applications.staffApply:${personId}`;
const RECORD = (personId: string) => `applications.staffRep:${personId}`;
const CHANNELS: readonly ApplicationChannel[] = ['phone', 'in-person', 'paper'];
const CHECKS: readonly IdentityCheck[] = ['questions', 'document', 'in-person-id', 'paper-signature'];
const AUDIT_CHANNEL = { online: 'online', phone: 'phone', 'in-person': 'in-person', paper: 'mail' } as const;

function staffContext(request: FastifyRequest, channel: ApplicationChannel = 'phone'): AccessContext {
  const staff = staffOf(request);
  return {
    actor: { type: 'staff', id: staff.staffId, role: staff.roles.join(','), agencyId: staff.agencyId },
    channel: AUDIT_CHANNEL[channel],
    purpose: 'application-intake',
    correlationId: request.id,
  };
}

export const staffActor = (request: FastifyRequest, channel?: ApplicationChannel): Actor => ({
  kind: 'staff',
  id: staffOf(request).staffId,
  context: staffContext(request, channel),
});

/** Staff: find a client, apply with them (phone, in person, paper), record a trustee, and the application pages. */
export function registerStaffRoutes(routes: RouteTable, deps: StaffRouteDependencies): void {
  const crumbs = (t: Translator): readonly Crumb[] => [
    { href: pathFor(deps.staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
  ];
  registerFind(routes, deps, crumbs);
  registerStaffApply(routes, deps, crumbs);
  registerFlow(
    routes,
    {
      applications: deps.applications,
      evidence: deps.evidence,
      programmeName: (id, t) => programmeNameFor(deps, id, t),
      nameOf: deps.nameOf,
    },
    {
      paths: staffFlow,
      read: 'permission:client.file.read',
      write: 'permission:client.act-on-behalf',
      requires: {},
      actorOf: (request) => staffActor(request),
      crumbs,
      home: deps.staffHome,
      staff: true,
    },
  );
}

async function search(
  deps: StaffRouteDependencies,
  values: Record<string, string>,
  context: AccessContext,
  lang: Lang,
) {
  const href = (personId: string) => pathFor(deps.clientFile, lang, { personId });
  const client = async (personId: string): Promise<FoundClient> => ({
    personId,
    name: (await deps.nameOf(personId)) ?? '',
    href: href(personId),
  });
  const sin = (values.sin ?? '').replace(/\D/g, '');
  const reference = normaliseReference(values.reference ?? '');
  const birth = parseDate(values, 'birth');
  let method: string;
  let ids: string[];
  if (sin !== '') {
    method = 'sin';
    const found = await deps.directory.findBySin(sin);
    ids = found ? [found.personId] : [];
  } else if (reference) {
    method = 'reference';
    const found = await deps.applications.findByReference(reference, context);
    ids = found ? [found.personId] : [];
  } else if (birth.ok && (values.givenName ?? '').trim() && (values.familyName ?? '').trim()) {
    method = 'name-and-birth-date';
    const born = await deps.households.bornOn(birth.value);
    ids = born
      .filter((person) => personMatches(values.givenName ?? '', values.familyName ?? '', person))
      .map((p) => p.personId)
      .slice(0, 20);
  } else return null;
  await deps.audit.record(
    auditEntry(context, null, 'client.search', 'success', { method, found: ids.length }),
  );
  return Promise.all(ids.map(client));
}

function registerFind(
  routes: RouteTable,
  deps: StaffRouteDependencies,
  crumbs: (t: Translator) => readonly Crumb[],
) {
  routes.page(
    'GET',
    applicationsPaths.staffFind,
    'permission:client.file.read',
    async (request, _reply, view) => {
      const kept = await view.recall(FIND);
      const found =
        kept && Object.keys(kept.errors).length === 0
          ? await search(deps, formStringsOf(kept.values), staffContext(request), view.lang)
          : null;
      const form = formView(view.t, 'applications', request.csrfToken(), kept);
      return view.send(
        findClientPage({ ...form, values: { ...form.values, sin: '' } }, found, crumbs(view.t)),
      );
    },
  );
  // Post/Redirect/Get keeps the SIN or name out of the address: the search is kept encrypted for the next page.
  routes.page(
    'POST',
    applicationsPaths.staffFind,
    'permission:client.file.read',
    async (request, _reply, view) => {
      const values = formStrings(request);
      const usable =
        (values.sin ?? '').trim() || (values.reference ?? '').trim() || parseDate(values, 'birth').ok;
      return view.refuse(FIND, { values, errors: usable ? {} : { search: 'search' } });
    },
  );
}

const formStringsOf = (values: Readonly<Record<string, string | readonly string[]>>) =>
  Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

function registerStaffApply(
  routes: RouteTable,
  deps: StaffRouteDependencies,
  crumbs: (t: Translator) => readonly Crumb[],
) {
  const personOf = (request: FastifyRequest) => parseUuid((request.params as { personId?: string }).personId);
  routes.page(
    'GET',
    applicationsPaths.staffApply,
    'permission:client.act-on-behalf',
    async (request, reply, view) => {
      const personId = personOf(request);
      const name = personId ? await deps.nameOf(personId) : null;
      if (!personId || name === null) return reply.callNotFound();
      const form = formView(view.t, 'applications', request.csrfToken(), await view.recall(APPLY(personId)));
      return view.send(
        staffApplyPage(form, name, await applicableProgrammes(deps, view.t), personId, crumbs(view.t)),
      );
    },
  );
  routes.page(
    'POST',
    applicationsPaths.staffApply,
    'permission:client.act-on-behalf',
    async (request, reply, view) => {
      const personId = personOf(request);
      if (!personId || (await deps.nameOf(personId)) === null) return reply.callNotFound();
      const values = formStrings(request);
      const channel = CHANNELS.find((c) => c === values.channel);
      const identityCheck = CHECKS.find((c) => c === values.identityCheck);
      const consent = listOf(formValues(request), 'consent').includes('yes');
      const errors: Record<string, string> = {};
      if (!deps.applications.form(values.programme ?? '')) errors.programme = 'programme';
      if (!channel) errors.channel = 'channel';
      if (!identityCheck) errors.identityCheck = 'identityCheck';
      if (!consent) errors.consent = 'consent';
      if (!channel || !identityCheck || Object.keys(errors).length > 0)
        return view.refuse(APPLY(personId), { values: formValues(request), errors });
      const actor = staffActor(request, channel);
      const result = await deps.applications.start(
        {
          personId,
          programmeId: values.programme ?? '',
          channel,
          lang: view.lang,
          clientConsent: true,
          identityCheck,
        },
        actor,
      );
      if (result.kind !== 'started')
        return view.refuse(APPLY(personId), {
          values: formValues(request),
          errors: { programme: 'programme' },
        });
      await view.accept(APPLY(personId));
      return view.redirect(staffFlow.application, { params: { applicationId: result.applicationId } });
    },
  );
  routes.page(
    'GET',
    applicationsPaths.staffRepresentative,
    'permission:client.act-on-behalf',
    async (request, reply, view) => {
      const personId = personOf(request);
      const name = personId ? await deps.nameOf(personId) : null;
      if (!personId || name === null) return reply.callNotFound();
      const form = formView(view.t, 'applications', request.csrfToken(), await view.recall(RECORD(personId)));
      return view.send(
        recordRepresentativePage(
          { ...form, values: { ...form.values, sin: '' } },
          name,
          personId,
          crumbs(view.t),
        ),
      );
    },
  );
  routes.page(
    'POST',
    applicationsPaths.staffRepresentative,
    'permission:client.act-on-behalf',
    async (request, reply, view) => {
      const personId = personOf(request);
      if (!personId || (await deps.nameOf(personId)) === null) return reply.callNotFound();
      const checked = checkRepresentative(formStrings(request), true, new Date());
      if (!checked.ok)
        return view.refuse(RECORD(personId), { values: formValues(request), errors: checked.errors });
      const result = await deps.representatives.authorise(
        personId,
        checked.value,
        'staff',
        staffContext(request, 'in-person'),
      );
      if (!result.ok)
        return view.refuse(RECORD(personId), { values: formValues(request), errors: { sin: result.code } });
      await view.accept(RECORD(personId));
      return view.redirect(deps.clientFile, { params: { personId }, notice: staffNotices.recorded });
    },
  );
}

/** The client file's applications section (the workspace shows it; the root wires it). */
export function clientApplications(
  deps: Pick<ApplicationRouteDependencies, 'applications' | 'programmeNames'>,
) {
  return async (personId: string, t: Translator) => {
    const names = new Map([...(await deps.programmeNames())].map(([id, name]) => [id, name[t.lang]]));
    return clientApplicationsSection(t, await deps.applications.listOf(personId), names, personId, true);
  };
}

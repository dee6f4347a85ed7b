import type { FastifyRequest } from 'fastify';
import { selfContext } from '../platform/audit/access-context.ts';
import { formStrings } from '../platform/forms/form-body.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { BilingualPath, RouteTable, ViewContext } from '../platform/http/route-table.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { Bilingual } from './application-forms.ts';
import { applicationsPaths, personFlow } from './applications.paths.ts';
import type { Actor, ApplicationsService } from './applications.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import { registerFlow } from './flow.routes.ts';
import type { Facts } from './form-flow.ts';
import type { Crumb } from './views/flow.views.ts';
import { myApplicationsPage, noApplicationPage, referralPage, startPage } from './views/start.views.ts';

export interface ApplicationRouteDependencies {
  readonly applications: ApplicationsService;
  readonly evidence: EvidenceService;
  /** Programme names from the catalogue, by id. */
  readonly programmeNames: () => Promise<ReadonlyMap<string, Bilingual>>;
  readonly nameOf: (personId: string) => Promise<string | null>;
  /** The answers the visitor gave the benefits finder, if any, as application facts (the finder's cookie). */
  readonly finderAnswers: (request: FastifyRequest) => Facts | null;
  /** My Guichet, for the breadcrumb. */
  readonly home: BilingualPath;
  /**
   * Who runs each programme (`CA` for federal, else a province's code) and the person's province of residence:
   * a person is offered the federal programmes and their own province's, not every province's.
   */
  readonly jurisdictions?: {
    readonly ofProgrammes: () => Promise<ReadonlyMap<string, string>>;
    readonly provinceOf: (personId: string) => Promise<string | null>;
  };
}

const LINKED = { linkedPerson: true } as const;

export function personActor(request: FastifyRequest): Actor {
  const personId = linkedPersonId(request);
  return { kind: 'person', id: personId, context: selfContext(request, personId) };
}

export function crumbsFor(home: BilingualPath, homeLabel: string) {
  return (t: Translator): readonly Crumb[] => [
    { href: pathFor(home, t.lang), label: t.t(homeLabel) },
    { href: pathFor(applicationsPaths.mine, t.lang), label: t.t('applications.mine.title') },
  ];
}

export async function programmeNameFor(
  deps: Pick<ApplicationRouteDependencies, 'programmeNames'>,
  id: string,
  t: Translator,
) {
  return (await deps.programmeNames()).get(id)?.[t.lang] ?? id;
}

/** Programmes one can apply for here, named in the page's language, in the catalogue's order. */
export async function applicableProgrammes(
  deps: Pick<ApplicationRouteDependencies, 'programmeNames' | 'applications'>,
  t: Translator,
) {
  const names = await deps.programmeNames();
  return [...names.entries()]
    .filter(([id]) => deps.applications.form(id) !== undefined)
    .map(([id, name]) => ({ id, name: name[t.lang] }));
}

/** The programmes of the person's jurisdictions: federal ones and their province's (all while it is unknown). */
async function offeredTo<T extends { id: string }>(
  deps: Pick<ApplicationRouteDependencies, 'jurisdictions'>,
  personId: string,
  programmes: readonly T[],
): Promise<readonly T[]> {
  if (!deps.jurisdictions) return programmes;
  const province = await deps.jurisdictions.provinceOf(personId);
  if (province === null) return programmes;
  const runBy = await deps.jurisdictions.ofProgrammes();
  return programmes.filter((p) => [undefined, 'CA', province].includes(runBy.get(p.id)));
}

/** Starts (or reopens) an application and goes to its first step; a referral or "no application" is shown. */
export async function startAndGo(
  view: ViewContext,
  deps: ApplicationRouteDependencies,
  actor: Actor,
  request: { personId: string; programmeId: string; carried: Facts | null },
  crumbs: readonly Crumb[],
) {
  const result = await deps.applications.start(
    {
      personId: request.personId,
      programmeId: request.programmeId,
      channel: 'online',
      lang: view.lang,
      ...(request.carried ? { carried: request.carried } : {}),
    },
    actor,
  );
  const name = await programmeNameFor(deps, request.programmeId, view.t);
  if (result.kind === 'started')
    return view.redirect(personFlow.application, { params: { applicationId: result.applicationId } });
  if (result.kind === 'referral') return view.send(referralPage(view.t, result.form, name, crumbs));
  const form = deps.applications.form(request.programmeId);
  if (result.kind === 'no-application' && form)
    return view.send(noApplicationPage(view.t, form, name, crumbs));
  return null;
}

/** My applications, starting one (from My Guichet or a finder result), and every page of the person's application. */
export function registerApplicationRoutes(routes: RouteTable, deps: ApplicationRouteDependencies): void {
  const crumbs = crumbsFor(deps.home, 'portal.my.title');
  routes.page(
    'GET',
    applicationsPaths.mine,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const names = new Map([...(await deps.programmeNames())].map(([id, name]) => [id, name[view.lang]]));
      const list = await deps.applications.listOf(personId);
      const programmes = await offeredTo(deps, personId, await applicableProgrammes(deps, view.t));
      return view.send(myApplicationsPage(view.t, list, names, programmes, crumbs(view.t).slice(0, 1)));
    },
    LINKED,
  );
  routes.page(
    'GET',
    applicationsPaths.apply,
    'signed-in',
    async (request, reply, view) => {
      const programmeId = (request.params as { programme: string }).programme;
      const form = deps.applications.form(programmeId);
      if (!form) return reply.callNotFound();
      const name = await programmeNameFor(deps, programmeId, view.t);
      if (form.noApplication) return view.send(noApplicationPage(view.t, form, name, crumbs(view.t)));
      const page = startPage(view.t, {
        form,
        programmeName: name,
        csrf: request.csrfToken(),
        finderAnswers: deps.finderAnswers(request) !== null,
        crumbs: crumbs(view.t),
        action: pathFor(applicationsPaths.apply, view.lang, { programme: programmeId }),
        forWhom: null,
      });
      return view.send(page);
    },
    LINKED,
  );
  routes.page(
    'POST',
    applicationsPaths.apply,
    'signed-in',
    async (request, reply, view) => {
      const programmeId = (request.params as { programme: string }).programme;
      if (!deps.applications.form(programmeId)) return reply.callNotFound();
      // Carried over only when the person ticked the box: their consent to use what they told the finder.
      const carried = formStrings(request).useFinder === 'yes' ? deps.finderAnswers(request) : null;
      const actor = personActor(request);
      const sent = await startAndGo(
        view,
        deps,
        actor,
        { personId: actor.id, programmeId, carried },
        crumbs(view.t),
      );
      return sent ?? reply.callNotFound();
    },
    LINKED,
  );
  registerFlow(
    routes,
    {
      applications: deps.applications,
      evidence: deps.evidence,
      programmeName: (id, t) => programmeNameFor(deps, id, t),
      nameOf: deps.nameOf,
    },
    {
      paths: personFlow,
      read: 'signed-in',
      write: 'signed-in',
      requires: LINKED,
      actorOf: personActor,
      crumbs,
      home: applicationsPaths.mine,
      staff: false,
    },
  );
}

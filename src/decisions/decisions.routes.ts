import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BilingualPath, RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { linkedPersonId, parseUuid, staffOf } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings, formValues, listOf } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import type { DecisionsModule } from './decisions.module.ts';
import { decisionsPaths } from './decisions.paths.ts';
import type { Adjudicator } from './decisions.types.ts';
import { DECISION_REASONS } from './workqueue.service.ts';
import type { CaseActionResult, DecisionReason } from './workqueue.service.ts';
import { benefitsPage, decisionPage } from './views/benefits.views.ts';
import type { Crumb } from './views/benefits.views.ts';
import { casePage, outcomesPage, queuePage } from './views/workqueue.views.ts';

export const decisionNotices = defineNotices('decisions.notices', [
  'taken',
  'assigned',
  'informationRequested',
  'informationReceived',
  'decided',
  'awaitingApproval',
  'approved',
  'refusedAction',
]);

export interface DecisionRouteDependencies {
  readonly decisions: DecisionsModule;
  readonly programmeNames: (lang: Lang) => Promise<ReadonlyMap<string, string>>;
  readonly adjudicators: () => Promise<Adjudicator[]>;
  readonly crumbs: (t: Translator) => readonly Crumb[];
  readonly staffHome: BilingualPath;
  readonly clock: () => Date;
}

const LINKED = { linkedPerson: true } as const;
const DECIDE = 'permission:case.decide' as const;
const decideForm = (caseId: string) => `decisions.decide:${caseId}`;
const caseIdOf = (request: FastifyRequest) => parseUuid((request.params as { caseId?: string }).caseId);

function staffContext(request: FastifyRequest, purpose: string): AccessContext {
  const staff = staffOf(request);
  return {
    actor: { type: 'staff', id: staff.staffId, role: staff.roles[0] ?? null, agencyId: staff.agencyId },
    channel: 'online',
    purpose,
    correlationId: request.id,
  };
}

async function namesFor(deps: DecisionRouteDependencies, lang: Lang) {
  const names = await deps.programmeNames(lang);
  return (id: string) => names.get(id) ?? id;
}

export function registerDecisionRoutes(routes: RouteTable, deps: DecisionRouteDependencies): void {
  registerPersonRoutes(routes, deps);
  registerWorkqueueRoutes(routes, deps);
  routes.page('GET', decisionsPaths.outcomes, 'permission:reports.read', async (_request, _reply, view) => {
    const since = new Date(deps.clock().getTime() - 365 * 86_400_000);
    const trail = [
      { href: pathFor(deps.staffHome, view.lang), label: view.t.t('workspace.staff.homeTitle') },
    ];
    return view.send(
      outcomesPage(view.t, await deps.decisions.outcomes(since), await namesFor(deps, view.lang), trail),
    );
  });
}

function registerPersonRoutes(routes: RouteTable, deps: DecisionRouteDependencies): void {
  routes.page(
    'GET',
    decisionsPaths.benefits,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const benefits = await deps.decisions.benefitsOf(personId, selfContext(request, personId));
      return view.send(benefitsPage(view.t, benefits, await namesFor(deps, view.lang), deps.crumbs(view.t)));
    },
    LINKED,
  );
  routes.page(
    'GET',
    decisionsPaths.decision,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const decisionId = parseUuid((request.params as { decisionId?: string }).decisionId);
      const found = decisionId
        ? await deps.decisions.decisionFor(personId, decisionId, selfContext(request, personId))
        : null;
      if (!found) return reply.callNotFound();
      const names = await namesFor(deps, view.lang);
      const trail = [
        ...deps.crumbs(view.t),
        { href: pathFor(decisionsPaths.benefits, view.lang), label: view.t.t('decisions.benefits.title') },
      ];
      return view.send(decisionPage(view.t, found, names(found.programmeId), trail));
    },
    LINKED,
  );
}

function registerWorkqueueRoutes(routes: RouteTable, deps: DecisionRouteDependencies): void {
  const { workqueue } = deps.decisions;
  const queueView = async (request: FastifyRequest, lang: Lang) => {
    const asked = (request.query as { programme?: unknown }).programme;
    const all = await workqueue.queue(null);
    const programmes = [...new Set(all.map((c) => c.programme_id))].sort();
    const selected = typeof asked === 'string' && programmes.includes(asked) ? asked : null;
    return {
      cases: selected ? all.filter((c) => c.programme_id === selected) : all,
      programmes,
      selected,
      today: deps.clock().toISOString().slice(0, 10),
      staffId: staffOf(request).staffId,
      names: await namesFor(deps, lang),
    };
  };
  const home = (t: Translator) => [
    { href: pathFor(deps.staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
  ];
  routes.page('GET', decisionsPaths.queue, DECIDE, async (request, _reply, view) =>
    view.send(queuePage(view.t, { ...(await queueView(request, view.lang)), crumbs: home(view.t) })),
  );
  routes.page('GET', decisionsPaths.assignQueue, 'permission:case.assign', async (request, _reply, view) => {
    const assign = { csrf: request.csrfToken(), adjudicators: await deps.adjudicators() };
    return view.send(
      queuePage(view.t, { ...(await queueView(request, view.lang)), crumbs: home(view.t), assign }),
    );
  });
  routes.page('POST', decisionsPaths.assign, 'permission:case.assign', async (request, reply, view) => {
    const caseId = caseIdOf(request);
    const adjudicator = formStrings(request).adjudicator ?? '';
    if (!caseId) return reply.callNotFound();
    const known = (await deps.adjudicators()).some((a) => a.id === adjudicator);
    const result = known
      ? await workqueue.assign(caseId, adjudicator, staffContext(request, 'case-assignment'))
      : 'wrong-state';
    return answer(reply, view, result, decisionsPaths.assignQueue, {}, decisionNotices.assigned);
  });
  routes.page('GET', decisionsPaths.case, DECIDE, async (request, reply, view) => {
    const caseId = caseIdOf(request);
    const found = caseId ? await workqueue.open(caseId, staffContext(request, 'assigned-case')) : null;
    if (!found || !caseId) return reply.callNotFound();
    const form = formView(view.t, 'decisions', request.csrfToken(), await view.recall(decideForm(caseId)));
    const trail = [
      ...home(view.t),
      { href: pathFor(decisionsPaths.queue, view.lang), label: view.t.t('decisions.queue.title') },
    ];
    return view.send(casePage(form, found, staffOf(request).staffId, await namesFor(deps, view.lang), trail));
  });
  const simple = (
    path: BilingualPath,
    run: (caseId: string, staffId: string, context: AccessContext) => Promise<CaseActionResult>,
    notice: (typeof decisionNotices)[keyof typeof decisionNotices],
  ) =>
    routes.page('POST', path, DECIDE, async (request, reply, view) => {
      const caseId = caseIdOf(request);
      if (!caseId) return reply.callNotFound();
      const result = await run(caseId, staffOf(request).staffId, staffContext(request, 'assigned-case'));
      return answer(reply, view, result, decisionsPaths.case, { caseId }, notice);
    });
  simple(decisionsPaths.take, workqueue.take, decisionNotices.taken);
  simple(
    decisionsPaths.requestInformation,
    workqueue.requestInformation,
    decisionNotices.informationRequested,
  );
  simple(
    decisionsPaths.informationReceived,
    workqueue.informationReceived,
    decisionNotices.informationReceived,
  );
  simple(decisionsPaths.approve, workqueue.approve, decisionNotices.approved);
  routes.page('POST', decisionsPaths.decide, DECIDE, async (request, reply, view) => {
    const caseId = caseIdOf(request);
    if (!caseId) return reply.callNotFound();
    const values = formValues(request);
    const strings = formStrings(request);
    const reasons = listOf(values, 'reasons').filter((r): r is DecisionReason =>
      (DECISION_REASONS as readonly string[]).includes(r),
    );
    const errors: Record<string, string> = {};
    if (strings.outcome !== 'approved' && strings.outcome !== 'refused') errors.outcome = 'outcome';
    if (reasons.length === 0) errors.reasons = 'reasons';
    const back = { target: decisionsPaths.case, params: { caseId } };
    if (Object.keys(errors).length > 0) return view.refuse(decideForm(caseId), { values, errors }, back);
    const input = {
      outcome: strings.outcome as 'approved' | 'refused',
      reasons,
      note: (strings.note ?? '').trim().slice(0, 2000),
      justification: (strings.justification ?? '').trim().slice(0, 2000),
    };
    const result = await workqueue.decide(
      caseId,
      staffOf(request).staffId,
      input,
      staffContext(request, 'assigned-case'),
    );
    if (result === 'needs-justification' || result === 'no-amount')
      return view.refuse(
        decideForm(caseId),
        {
          values,
          errors: result === 'no-amount' ? { outcome: 'no-amount' } : { justification: 'justification' },
        },
        back,
      );
    await view.accept(decideForm(caseId));
    const notice =
      result === 'awaiting-approval' ? decisionNotices.awaitingApproval : decisionNotices.decided;
    return answer(
      reply,
      view,
      result === 'awaiting-approval' ? 'done' : result,
      decisionsPaths.case,
      { caseId },
      notice,
    );
  });
}

function answer(
  reply: FastifyReply,
  view: ViewContext,
  result: CaseActionResult,
  target: BilingualPath,
  params: Record<string, string>,
  notice: (typeof decisionNotices)[keyof typeof decisionNotices],
) {
  if (result === 'not-found') return reply.callNotFound();
  const ok = result === 'done' || result === 'awaiting-approval';
  return view.redirect(target, {
    params,
    notice: ok ? notice : decisionNotices.refusedAction,
  });
}

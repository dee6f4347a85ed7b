import type { FastifyReply, FastifyRequest } from 'fastify';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { formView } from '../platform/forms/form-view.ts';
import { parseUuid } from '../platform/http/request-identity.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type {
  BilingualPath,
  RouteAccess,
  RouteRequirements,
  RouteTable,
  ViewContext,
} from '../platform/http/route-table.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import { dateFields, parseAnswer } from './answer-parsing.ts';
import type { FlowPaths } from './applications.paths.ts';
import type { Actor, ApplicationsService, OpenApplication } from './applications.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import { EVIDENCE_MAX_BYTES } from './evidence-files.ts';
import { findQuestion, nextStep, questionsToAsk } from './form-flow.ts';
import type { Step } from './form-flow.ts';
import {
  checkPage,
  confirmationPage,
  confirmRecordPage,
  evidencePage,
  questionPage,
  taskListPage,
} from './views/flow.views.ts';
import type { Crumb, FlowView } from './views/flow.views.ts';

/** One audience of the application pages: the person (or their representative) online, or staff. */
export interface FlowAudience {
  readonly paths: FlowPaths;
  readonly read: RouteAccess;
  readonly write: RouteAccess;
  readonly requires: RouteRequirements;
  readonly actorOf: (request: FastifyRequest) => Actor;
  readonly crumbs: (t: Translator) => readonly Crumb[];
  /** Where the confirmation page leads back to. */
  readonly home: BilingualPath;
  readonly staff: boolean;
}

export interface FlowDependencies {
  readonly applications: ApplicationsService;
  readonly evidence: EvidenceService;
  readonly programmeName: (programmeId: string, t: Translator) => Promise<string>;
  readonly nameOf: (personId: string) => Promise<string | null>;
}

/** A file part as the multipart body carries it (see `registerMultipart`). */
export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

type Loaded = { app: OpenApplication; actor: Actor; flow: FlowView };

const appIdOf = (request: FastifyRequest) =>
  parseUuid((request.params as { applicationId?: string }).applicationId);
const formId = (app: OpenApplication, page: string) => `applications.${page}:${app.id}`;

function stepHref(paths: FlowPaths, step: Step, lang: 'en' | 'fr', applicationId: string): string {
  const params = { applicationId };
  if (step.kind === 'confirm') return pathFor(paths.confirmRecord, lang, params);
  if (step.kind === 'question') return pathFor(paths.question, lang, { ...params, question: step.key });
  return pathFor(step.kind === 'evidence' ? paths.evidence : paths.check, lang, params);
}

const nextOf = (app: OpenApplication, draft = app.draft) =>
  nextStep(app.form, app.record.facts, draft, app.channel, new Set(app.evidence.map((item) => item.kind)));

/** The pages of one application for one audience: task list, confirm the record, questions, evidence, check, done. */
export function registerFlow(routes: RouteTable, deps: FlowDependencies, audience: FlowAudience): void {
  const { paths } = audience;

  async function load(
    request: FastifyRequest,
    reply: FastifyReply,
    view: ViewContext,
  ): Promise<Loaded | null> {
    const applicationId = appIdOf(request);
    const actor = audience.actorOf(request);
    const opened = applicationId ? await deps.applications.open(applicationId, actor) : null;
    if (!opened) {
      await reply.callNotFound();
      return null;
    }
    const { app, actingAs } = opened;
    const forWhom = actingAs.kind === 'person' ? null : await deps.nameOf(app.personId);
    const flow: FlowView = {
      app,
      paths,
      programmeName: await deps.programmeName(app.programmeId, view.t),
      crumbs: audience.crumbs(view.t),
      forWhom,
    };
    return { app, actor: actingAs, flow };
  }

  /** A draft's pages; a submitted application shows its confirmation and status instead. */
  const draftPage =
    (
      handler: (
        request: FastifyRequest,
        reply: FastifyReply,
        view: ViewContext,
        loaded: Loaded,
      ) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply, view: ViewContext) => {
      const loaded = await load(request, reply, view);
      if (!loaded) return reply;
      if (loaded.app.status !== 'draft')
        return view.redirect(paths.confirmation, { params: { applicationId: loaded.app.id } });
      return handler(request, reply, view, loaded);
    };
  const page = (method: 'GET' | 'POST', path: BilingualPath, handler: Parameters<typeof draftPage>[0]) =>
    routes.page(
      method,
      path,
      method === 'GET' ? audience.read : audience.write,
      draftPage(handler),
      // The evidence page uploads a file: its form is multipart.
      path === paths.evidence ? { ...audience.requires, files: true } : audience.requires,
    );

  page('GET', paths.application, async (_request, _reply, view, { flow }) =>
    view.send(taskListPage(view.t, flow)),
  );

  page('GET', paths.confirmRecord, async (request, _reply, view, { app, flow }) => {
    const form = formView(
      view.t,
      'applications',
      request.csrfToken(),
      await view.recall(formId(app, 'confirm')),
      {
        ...(app.draft.confirmed ? { confirmed: app.draft.confirmed } : {}),
      },
    );
    return view.send(confirmRecordPage(form, flow));
  });
  page('POST', paths.confirmRecord, async (request, _reply, view, { app, actor }) => {
    const confirmed = formStrings(request).confirmed;
    if (confirmed !== 'yes' && confirmed !== 'no')
      return view.refuse(formId(app, 'confirm'), { values: {}, errors: { confirmed: 'confirmRecord' } });
    await deps.applications.confirmRecord(app, confirmed, actor);
    await view.accept(formId(app, 'confirm'));
    return view.redirect(stepHref(paths, nextOf(app, { ...app.draft, confirmed }), view.lang, app.id));
  });

  page('GET', paths.question, async (request, reply, view, { app, flow }) => {
    const key = (request.params as { question: string }).question;
    const question = findQuestion(app.form, app.record.facts, app.draft, app.channel, key);
    if (!question) return reply.callNotFound();
    const current = app.draft.answers[key] ?? app.record.facts[key];
    const values =
      question.definition.type === 'date'
        ? dateFields(current)
        : question.definition.type === 'money' && current !== undefined
          ? { answer: (Number(current) / 100).toFixed(2) }
          : current === undefined
            ? {}
            : { answer: current };
    const form = formView(
      view.t,
      'applications',
      request.csrfToken(),
      await view.recall(formId(app, key)),
      values,
    );
    const asked = questionsToAsk(app.form, app.record.facts, app.draft, app.channel);
    const index = asked.findIndex((entry) => entry.key === key);
    const previous = index > 0 ? asked[index - 1] : undefined;
    const back = previous
      ? pathFor(paths.question, view.lang, { applicationId: app.id, question: previous.key })
      : pathFor(paths.application, view.lang, { applicationId: app.id });
    return view.send(questionPage(form, flow, question, back));
  });
  page('POST', paths.question, async (request, reply, view, { app, actor }) => {
    const key = (request.params as { question: string }).question;
    const question = findQuestion(app.form, app.record.facts, app.draft, app.channel, key);
    if (!question) return reply.callNotFound();
    const parsed = parseAnswer(question.definition, formStrings(request));
    if (!parsed.ok)
      return view.refuse(formId(app, key), { values: formValues(request), errors: { answer: parsed.code } });
    await deps.applications.answer(app, key, parsed.value, actor);
    await view.accept(formId(app, key));
    const draft = { ...app.draft, answers: { ...app.draft.answers, [key]: parsed.value } };
    return view.redirect(stepHref(paths, nextOf(app, draft), view.lang, app.id));
  });

  page('GET', paths.evidence, async (request, _reply, view, { app, flow }) => {
    const form = formView(
      view.t,
      'applications',
      request.csrfToken(),
      await view.recall(formId(app, 'evidence')),
    );
    return view.send(evidencePage(form, flow, EVIDENCE_MAX_BYTES / 1024 / 1024));
  });
  page('POST', paths.evidence, async (request, _reply, view, { app, actor }) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const kind = typeof body.kind === 'string' ? body.kind : '';
    const file = body.file as UploadedFile | undefined;
    const refuse = (code: string) =>
      view.refuse(
        formId(app, 'evidence'),
        { values: { kind }, errors: { file: code } },
        { target: pathFor(paths.evidence, view.lang, { applicationId: app.id }) },
      );
    if (!file || !Buffer.isBuffer(file.bytes) || file.bytes.length === 0) return refuse('fileMissing');
    if (file.truncated) return refuse('tooLarge');
    const result = await deps.evidence.add(app, kind, file.filename, file.bytes, actor);
    if (!result.ok) return refuse(result.code);
    await view.accept(formId(app, 'evidence'));
    return view.redirect(paths.evidence, { params: { applicationId: app.id } });
  });

  page('GET', paths.check, async (request, _reply, view, { app, flow }) => {
    const form = formView(
      view.t,
      'applications',
      request.csrfToken(),
      await view.recall(formId(app, 'check')),
    );
    return view.send(checkPage(form, flow, audience.staff));
  });
  page('POST', paths.check, async (request, _reply, view, { app, actor }) => {
    if (formStrings(request).declaration !== 'yes')
      return view.refuse(formId(app, 'check'), { values: {}, errors: { declaration: 'declaration' } });
    const result = await deps.applications.submit(app, actor);
    if (result.kind === 'incomplete') return view.redirect(stepHref(paths, result.step, view.lang, app.id));
    await view.accept(formId(app, 'check'));
    return view.redirect(paths.confirmation, { params: { applicationId: app.id } });
  });

  routes.page(
    'GET',
    paths.evidenceFile,
    audience.read,
    async (request, reply, view) => {
      const loaded = await load(request, reply, view);
      if (!loaded) return reply;
      const evidenceId = parseUuid((request.params as { evidenceId?: string }).evidenceId);
      const file = evidenceId ? await deps.evidence.read(loaded.app, evidenceId, loaded.actor) : null;
      if (!file) return reply.callNotFound();
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
        .type(file.mediaType)
        .send(file.bytes);
    },
    audience.requires,
  );

  routes.page(
    'GET',
    paths.confirmation,
    audience.read,
    async (request, reply, view) => {
      const loaded = await load(request, reply, view);
      if (!loaded) return reply;
      if (loaded.app.status === 'draft')
        return view.redirect(paths.application, { params: { applicationId: loaded.app.id } });
      return view.send(confirmationPage(view.t, loaded.flow, pathFor(audience.home, view.lang)));
    },
    audience.requires,
  );
}

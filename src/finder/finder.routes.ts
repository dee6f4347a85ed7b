import type { FastifyReply, FastifyRequest } from 'fastify';
import { otherLang } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { PageRenderer } from '../platform/http/pages.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { formStrings } from '../platform/forms/form-body.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import { finderPaths } from './finder.paths.ts';
import {
  isAnswered,
  nextQuestion,
  previousQuestion,
  pruneIrrelevant,
  questionBySlug,
  relevantQuestions,
} from './finder.questions.ts';
import type { Question } from './finder.questions.ts';
import { FINDER_COOKIE, createFinderState } from './finder.state.ts';
import type { FinderSession, FinderState } from './finder.state.ts';
import type { FinderAnswers } from './finder.answers.ts';
import { todayIso } from '../platform/clock.ts';
import { findBenefits } from './finder.service.ts';
import { personIdsFor } from './finder.household.ts';
import { cataloguePaths } from '../catalogue/index.ts';
import { answerRows, resultCards } from './finder.presenter.ts';
import { questionPage } from './views/question.views.ts';
import { resultsPage, startPage } from './views/results.views.ts';

export interface FinderDependencies {
  readonly catalogue: Pick<CatalogueService, 'listProgrammes'>;
  readonly secret: string;
  readonly renderer: PageRenderer;
  readonly clock: () => Date;
  /** Where to apply for a programme in Guichet, if it takes applications for it (the root's wiring). */
  readonly applyHref?: (programmeId: string, lang: Lang) => string | null;
}

/** The benefits finder: one question per page, answers kept only in the visitor's browser, then the results. */
export function registerFinderRoutes(routes: RouteTable, deps: FinderDependencies): void {
  const state = createFinderState(deps.secret, deps.clock);
  const today = () => todayIso(deps.clock);

  routes.page('GET', finderPaths.start, 'public', (request, _reply, view) => {
    const { answers } = readSession(request, state);
    const first = nextQuestion(answers, today());
    const href = first ? questionHref(first, view.lang) : view.path(finderPaths.results);
    return view.send(startPage(view.t, href, Object.keys(answers).length > 0));
  });

  routes.page('GET', finderPaths.results, 'public', async (request, _reply, view) => {
    const { answers } = readSession(request, state);
    const lang = view.lang;
    const pending = nextQuestion(answers, today());
    if (pending) return view.redirect(questionHref(pending, lang));
    const t = view.t;
    const programmes = await deps.catalogue.listProgrammes();
    const found = resultCards(findBenefits(answers, today()), programmes, personIdsFor(answers), lang);
    const rows = answerRows(t, answers, today(), (q) => questionHref(q, lang));
    const cards = found.cards.map((card) => ({
      ...card,
      applyHref: deps.applyHref?.(card.programmeId, lang) ?? null,
    }));
    const results = {
      ...found,
      cards,
      otherProgrammesHref: pathFor(cataloguePaths.list, lang),
      answers: rows,
      asOf: today(),
      startAgainAction: view.path(finderPaths.startAgain),
      csrfToken: request.csrfToken(),
    };
    return view.send(resultsPage(t, results));
  });

  routes.page('POST', finderPaths.startAgain, 'public', (_request, reply, view) => {
    reply.clearCookie(FINDER_COOKIE, { path: '/' });
    return view.redirect(finderPaths.start);
  });

  routes.page('GET', finderPaths.question, 'public', (request, reply, view) =>
    showQuestion(request, reply, view, { state, asOf: today(), renderer: deps.renderer }),
  );
  routes.page('POST', finderPaths.question, 'public', (request, reply, view) =>
    answerQuestion(request, reply, view, { state, asOf: today(), renderer: deps.renderer }),
  );
}

interface QuestionContext {
  readonly state: FinderState;
  readonly asOf: string;
  readonly renderer: PageRenderer;
}

const formIdOf = (question: Question) => `finder.${question.id}`;

function readSession(request: FastifyRequest, state: FinderState): FinderSession {
  return state.open(request.cookies[FINDER_COOKIE]);
}

function writeSession(reply: FastifyReply, state: FinderState, session: FinderSession): void {
  reply.setCookie(FINDER_COOKIE, state.seal(session), {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
  });
}

function questionHref(question: Question, lang: Lang): string {
  return pathFor(finderPaths.question, lang, { question: question.slug[lang] });
}

function findQuestion(request: FastifyRequest, lang: Lang): Question | undefined {
  return questionBySlug(lang, (request.params as { question: string }).question);
}

function nextHref(answers: FinderAnswers, asOf: string, lang: Lang): string {
  const next = nextQuestion(answers, asOf);
  return next ? questionHref(next, lang) : pathFor(finderPaths.results, lang);
}

async function showQuestion(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  { state, asOf, renderer }: QuestionContext,
) {
  const { lang } = view;
  const question = findQuestion(request, lang);
  if (!question) return reply.code(404).type('text/html; charset=utf-8').send(renderer.notFoundHtml());
  const session = readSession(request, state);
  if (!question.relevant(session.answers, asOf)) return view.redirect(nextHref(session.answers, asOf, lang));
  // Kept until the next answer is accepted, so switching language does not lose what was typed.
  const kept = await view.recall(formIdOf(question));
  const previous = previousQuestion(question, session.answers, asOf);
  const relevant = relevantQuestions(session.answers, asOf);
  const page = questionPage({
    question,
    form: formView(view.t, 'finder', request.csrfToken(), kept, question.formValues(session.answers)),
    action: questionHref(question, lang),
    backHref: previous ? questionHref(previous, lang) : pathFor(finderPaths.start, lang),
    childCount: session.answers.childCount ?? 0,
    step: relevant.findIndex((q) => q.id === question.id) + 1,
    steps: relevant.length,
  });
  const alternateUrl = pathFor(finderPaths.question, otherLang(lang), {
    question: question.slug[otherLang(lang)],
  });
  return view.send(page, { alternateUrl });
}

async function answerQuestion(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  { state, asOf, renderer }: QuestionContext,
) {
  const { lang } = view;
  const question = findQuestion(request, lang);
  if (!question) return reply.code(404).type('text/html; charset=utf-8').send(renderer.notFoundHtml());
  const { answers } = readSession(request, state);
  const form = formStrings(request);
  const parsed = question.parse(form, answers, asOf);
  if (!parsed.ok) {
    const errors = Object.fromEntries(parsed.errors.map((e) => [e.field, e.code]));
    return view.refuse(
      formIdOf(question),
      { values: form, errors },
      { target: questionHref(question, lang) },
    );
  }
  const updated = pruneIrrelevant(withoutStaleChildAnswers({ ...answers, ...parsed.patch }, answers), asOf);
  writeSession(reply, state, { answers: updated });
  await view.accept(formIdOf(question));
  return view.redirect(
    isAnswered(question, updated) ? nextHref(updated, asOf, lang) : questionHref(question, lang),
  );
}

/** A new number of children makes the ages given before meaningless: ask them again. */
function withoutStaleChildAnswers(updated: FinderAnswers, before: FinderAnswers): FinderAnswers {
  if (updated.childCount === before.childCount || before.childAges === undefined) return updated;
  const { childAges: _ages, ...rest } = updated;
  return rest;
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { otherLang, translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { notFoundHtml, sendPageAt } from '../platform/http/pages.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { CatalogueService } from '../catalogue/catalogue.service.ts';
import { todayIso } from '../eligibility/eligibility.service.ts';
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
import { findBenefits } from './finder.service.ts';
import { answerRows, resultCards } from './finder.presenter.ts';
import { questionPage } from './views/question.views.ts';
import { resultsPage, startPage } from './views/results.views.ts';

interface FinderDeps {
  readonly catalogue: CatalogueService;
  readonly secret: string;
  readonly clock: () => Date;
}

export function registerFinderRoutes(app: FastifyInstance, routes: RouteTable, deps: FinderDeps): void {
  const state = createFinderState(deps.secret, deps.clock);
  const today = () => todayIso(deps.clock);

  routes.page(app, 'GET', finderPaths.start, 'public', (request, reply, lang) => {
    const { answers } = readSession(request, state);
    const first = nextQuestion(answers, today());
    const href = first ? questionHref(first, lang) : pathFor(finderPaths.results, lang);
    return sendPageAt(
      request,
      reply,
      lang,
      finderPaths.start,
      startPage(translator(lang), href, Object.keys(answers).length > 0),
    );
  });

  routes.page(app, 'GET', finderPaths.results, 'public', async (request, reply, lang) => {
    const { answers } = readSession(request, state);
    const pending = nextQuestion(answers, today());
    if (pending) return reply.redirect(questionHref(pending, lang), 303);
    const t = translator(lang);
    const cards = resultCards(findBenefits(answers, today()), await deps.catalogue.listProgrammes(), lang);
    const rows = answerRows(t, answers, today(), (q) => questionHref(q, lang));
    const view = {
      cards,
      answers: rows,
      asOf: today(),
      startAgainAction: pathFor(finderPaths.startAgain, lang),
      csrfToken: request.csrfToken(),
    };
    return sendPageAt(request, reply, lang, finderPaths.results, resultsPage(t, view));
  });

  routes.page(app, 'POST', finderPaths.startAgain, 'public', (_request, reply, lang) => {
    reply.clearCookie(FINDER_COOKIE, { path: '/' });
    return reply.redirect(pathFor(finderPaths.start, lang), 303);
  });

  routes.page(app, 'GET', finderPaths.question, 'public', (request, reply, lang) =>
    showQuestion(request, reply, lang, state, today()),
  );
  routes.page(app, 'POST', finderPaths.question, 'public', (request, reply, lang) =>
    answerQuestion(request, reply, lang, state, today()),
  );
}

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

function showQuestion(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  state: FinderState,
  asOf: string,
) {
  const question = findQuestion(request, lang);
  if (!question) return reply.code(404).type('text/html; charset=utf-8').send(notFoundHtml());
  const session = readSession(request, state);
  if (!question.relevant(session.answers, asOf))
    return reply.redirect(nextHref(session.answers, asOf, lang), 303);
  // Kept until the next answer, so switching language does not lose what was typed.
  const flash = session.flash?.question === question.id ? session.flash : undefined;
  const relevant = relevantQuestions(session.answers, asOf);
  const previous = previousQuestion(question, session.answers, asOf);
  const view = {
    question,
    values: flash?.values ?? question.formValues(session.answers),
    flash,
    action: questionHref(question, lang),
    backHref: previous ? questionHref(previous, lang) : pathFor(finderPaths.start, lang),
    csrfToken: request.csrfToken(),
    childCount: session.answers.childCount ?? 0,
    step: relevant.findIndex((q) => q.id === question.id) + 1,
    steps: relevant.length,
  };
  return sendPageAt(request, reply, lang, finderPaths.question, questionPage(translator(lang), view), {
    params: { question: question.slug[otherLang(lang)] },
  });
}

function answerQuestion(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  state: FinderState,
  asOf: string,
) {
  const question = findQuestion(request, lang);
  if (!question) return reply.code(404).type('text/html; charset=utf-8').send(notFoundHtml());
  const { answers } = readSession(request, state);
  const form = Object.fromEntries(
    Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
  const parsed = question.parse(form, answers, asOf);
  if (!parsed.ok) {
    writeSession(reply, state, {
      answers,
      flash: { question: question.id, errors: parsed.errors, values: form },
    });
    return reply.redirect(questionHref(question, lang), 303);
  }
  const updated = pruneIrrelevant(withoutStaleChildAnswers({ ...answers, ...parsed.patch }, answers), asOf);
  writeSession(reply, state, { answers: updated });
  return reply.redirect(
    isAnswered(question, updated) ? nextHref(updated, asOf, lang) : questionHref(question, lang),
    303,
  );
}

/** A new number of children makes the ages given before meaningless: ask them again. */
function withoutStaleChildAnswers(updated: FinderAnswers, before: FinderAnswers): FinderAnswers {
  if (updated.childCount === before.childCount || before.childAges === undefined) return updated;
  const { childAges: _ages, ...rest } = updated;
  return rest;
}

import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { MissingFact } from '../finder.facts.ts';
import { reasonText } from '../finder.reasons.ts';

export interface ResultCard {
  /** The programme's id in the catalogue. */
  readonly programmeId: string;
  /** Where to apply in Guichet (the answers carried over with consent), when Guichet takes applications for it. */
  readonly applyHref: string | null;
  readonly programmeName: string;
  readonly programmeHref: string;
  readonly infoUrl: string | null;
  readonly status: 'eligible' | 'not-eligible' | 'cannot-tell' | 'rates-not-on-file';
  readonly annualCents: number | null;
  readonly periodCents: number | null;
  readonly period: 'month' | 'quarter' | 'week' | 'year' | null;
  readonly reasons: readonly string[];
  /** The facts that would let us tell, each for whom it is missing. */
  readonly missing: readonly MissingFact[];
  /** For rates not on file: the last date whose rates we have. */
  readonly coverageTo: string | null;
  readonly forWhom: 'you' | 'partner' | 'household';
  readonly ratesDate: string | null;
}

export interface AnswerRow {
  readonly question: string;
  readonly answer: string;
  readonly changeHref: string;
}

export interface ResultsView {
  readonly cards: readonly ResultCard[];
  readonly hiddenCount: number;
  readonly otherProgrammesHref: string;
  readonly answers: readonly AnswerRow[];
  readonly asOf: string;
  readonly startAgainAction: string;
  readonly csrfToken: string;
}

function amount(t: Translator, card: ResultCard): SafeHtml | '' {
  if (card.status !== 'eligible' || card.annualCents === null) return '';
  const perPeriod =
    card.period && card.period !== 'year' && card.periodCents !== null
      ? t.t(`finder.perPeriod.${card.period}`, { amount: t.money(card.periodCents) })
      : '';
  return html`<p class="amount"><strong>${t.t('finder.estimate', { amount: t.money(card.annualCents) })}</strong>${perPeriod ? html` (${perPeriod})` : ''}</p>`;
}

const NEXT_STEP: Record<ResultCard['status'], string> = {
  eligible: 'eligible',
  'cannot-tell': 'cannot-tell',
  'rates-not-on-file': 'cannot-tell',
  'not-eligible': 'notEligible',
};

/** "To tell, we need:" and each fact, for whom: the exact question a person or an officer can answer. */
function missingList(t: Translator, c: ResultCard): SafeHtml | '' {
  if (c.missing.length === 0) return '';
  return html`<p>${t.t('finder.missingFacts')}</p><ul class="missing-facts">${c.missing.map((m) => html`<li>${t.t(`finder.fact.${m.owner}.${m.fact}`)}</li>`)}</ul>`;
}

function coverage(t: Translator, c: ResultCard): SafeHtml | '' {
  if (c.status !== 'rates-not-on-file') return '';
  return html`<p>${c.coverageTo ? t.t('finder.ratesNotOnFileUntil', { date: t.date(c.coverageTo) }) : t.t('finder.ratesNotOnFile')}</p>`;
}

function card(t: Translator, c: ResultCard): SafeHtml {
  const uniqueReasons = [...new Set(c.reasons)];
  return html`<li class="result-card"><h3><a href="${c.programmeHref}">${c.programmeName}</a>${c.forWhom === 'household' ? '' : html` <span class="meta">(${t.t(`finder.forWhom.${c.forWhom}`)})</span>`}</h3>
${amount(t, c)}
<ul>${uniqueReasons.map((code) => html`<li>${reasonText(t, code, c.forWhom)}</li>`)}</ul>
${missingList(t, c)}${coverage(t, c)}
${c.ratesDate ? html`<p class="meta">${t.t('finder.ratesDate', { date: t.date(c.ratesDate) })}</p>` : ''}
${c.applyHref && c.status !== 'not-eligible' ? html`<p><a class="button button-primary" href="${c.applyHref}">${t.t('finder.apply', { programme: c.programmeName })}</a></p>` : ''}
<p class="next-step">${t.t(`finder.nextStep.${NEXT_STEP[c.status]}`)}${c.infoUrl ? html` <a href="${c.infoUrl}">${t.t('finder.officialPage', { programme: c.programmeName })}</a>` : ''}</p></li>`;
}

function group(t: Translator, status: ResultCard['status'], cards: readonly ResultCard[]): SafeHtml | '' {
  // Rates not on file is a kind of "we cannot tell yet", with its own explanation on the card.
  const selected = cards.filter(
    (c) => c.status === status || (status === 'cannot-tell' && c.status === 'rates-not-on-file'),
  );
  if (selected.length === 0) return '';
  return html`<section><h2>${t.t(`finder.group.${status}`, { count: selected.length })}</h2><ul class="result-list">${selected.map((c) => card(t, c))}</ul></section>`;
}

export function resultsPage(t: Translator, view: ResultsView): Page {
  return {
    title: t.t('finder.resultsTitle'),
    body: html`<h1>${t.t('finder.resultsTitle')}</h1>
<div class="notice"><p>${t.t('finder.resultsIntro', { date: t.date(view.asOf) })}</p></div>
${group(t, 'eligible', view.cards)}${group(t, 'cannot-tell', view.cards)}${group(t, 'not-eligible', view.cards)}
${view.hiddenCount > 0 ? html`<p class="meta">${t.t('finder.hidden', { count: view.hiddenCount })} <a href="${view.otherProgrammesHref}">${t.t('finder.allProgrammes')}</a></p>` : ''}
<h2>${t.t('finder.yourAnswers')}</h2>
<dl class="summary-list answers-list">${view.answers.map((row) => html`<dt>${row.question}</dt><dd>${row.answer}</dd><dd><a href="${row.changeHref}">${t.t('finder.change')}<span class="visually-hidden"> ${row.question}</span></a></dd>`)}</dl>
<form method="post" action="${view.startAgainAction}"><input type="hidden" name="_csrf" value="${view.csrfToken}"><button type="submit" class="button">${t.t('finder.startAgain')}</button></form>
<p class="meta">${t.t('finder.privacyNote')}</p>`,
  };
}

export function startPage(t: Translator, firstQuestionHref: string, resumable: boolean): Page {
  return {
    title: t.t('finder.startTitle'),
    body: html`<h1>${t.t('finder.startTitle')}</h1>
<p class="lead">${t.t('finder.startLead')}</p>
<p>${t.t('finder.startHow')}</p>
<ul><li>${t.t('finder.startNeed1')}</li><li>${t.t('finder.startNeed2')}</li><li>${t.t('finder.startNeed3')}</li></ul>
<p>${t.t('finder.privacyNote')}</p>
<p><a class="button button-primary" href="${firstQuestionHref}">${resumable ? t.t('finder.resume') : t.t('finder.startNow')}</a></p>
<p>${t.t('errors.helpPhone')}</p>`,
  };
}

import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { Benefits } from '../decisions.module.ts';
import { decisionsPaths } from '../decisions.paths.ts';
import { amountText, citationFor, figureText, reasonText } from '../explanation.ts';
import type { Citation } from '../../rules/index.ts';
import type { Explanation } from '../explanation.ts';
import { isoDateOf } from '../dates.ts';
import { reviewChanged, reviewOutcome } from '../review-letter.ts';

export type Names = (programmeId: string) => string;
export interface Crumb {
  readonly href: string;
  readonly label: string;
}

/** `none` says it to whoever reads: the person ("You do not…") or staff ("This client does not…"). */
function entitlementsTable(
  t: Translator,
  benefits: Benefits,
  names: Names,
  none = 'decisions.benefits.none',
): SafeHtml {
  if (benefits.entitlements.length === 0) return html`<p>${t.t(none)}</p>`;
  return html`<table class="table"><caption>${t.t('decisions.benefits.caption')}</caption>
<thead><tr><th scope="col">${t.t('decisions.benefits.programme')}</th><th scope="col">${t.t('decisions.benefits.amount')}</th><th scope="col">${t.t('decisions.benefits.from')}</th><th scope="col">${t.t('decisions.benefits.until')}</th><th scope="col">${t.t('decisions.benefits.review')}</th></tr></thead>
<tbody>${benefits.entitlements.map(
    (e) =>
      html`<tr><th scope="row">${names(e.programme_id)}</th><td>${amountText(t, { amountCents: Number(e.amount_cents), periodKind: e.period_kind })}</td><td>${t.date(isoDateOf(e.valid_from))}</td><td>${e.valid_to ? t.date(isoDateOf(e.valid_to)) : t.t('decisions.benefits.open')}</td><td>${e.review_on ? t.date(isoDateOf(e.review_on)) : ''}</td></tr>`,
  )}</tbody></table>`;
}

function casesList(t: Translator, benefits: Benefits, names: Names): SafeHtml {
  const open = benefits.cases.filter((c) => c.status !== 'decided');
  if (open.length === 0) return html``;
  return html`<h2>${t.t('decisions.benefits.casesTitle')}</h2><ul class="list-unstyled">${open.map(
    (c) =>
      html`<li><h3>${names(c.programme_id)}</h3><p>${t.t('decisions.benefits.reference', { reference: c.reference })}. ${t.t(c.review_key === null ? 'decisions.benefits.submitted' : 'decisions.benefits.reviewed', { date: t.date(c.submitted_at) })}</p><p>${c.status === 'information-requested' ? t.t('decisions.benefits.waiting') : t.t('decisions.benefits.due', { date: t.date(isoDateOf(c.due_on)) })}</p></li>`,
  )}</ul>`;
}

export function benefitsPage(
  t: Translator,
  benefits: Benefits,
  names: Names,
  crumbs: readonly Crumb[],
): Page {
  const title = t.t('decisions.benefits.title');
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1><p class="lead">${t.t('decisions.benefits.lead')}</p>
${entitlementsTable(t, benefits, names)}
${endedList(t, benefits, names)}
${casesList(t, benefits, names)}
<h2>${t.t('decisions.benefits.decisionsTitle')}</h2>
${benefits.decisions.length === 0 ? html`<p>${t.t('decisions.benefits.noDecisions')}</p>` : html`<ul>${benefits.decisions.map((d) => html`<li><a href="${pathFor(decisionsPaths.decision, t.lang, { decisionId: d.decisionId })}">${names(d.programmeId)} - ${t.t(`decisions.outcome.${d.outcome}`)}</a> (${t.t('decisions.explain.decidedOn', { date: t.date(d.decidedOn) })})</li>`)}</ul>`}
<p>${t.t('decisions.benefits.automatedNotice')}</p>`,
  };
}

/** The decision explained in plain language: what, how much, from when, why, and how to ask for a review. */
export function explanationBody(t: Translator, d: Explanation, programme: string): SafeHtml {
  return html`${leadOf(t, d, programme)}
<dl class="summary-list">
<div><dt>${t.t('decisions.letter.reference')}</dt><dd>${d.reference}</dd></div>
<div><dt>${t.t('decisions.letter.date')}</dt><dd>${t.date(d.decidedOn)}</dd></div>
${d.outcome === 'approved' && d.effectiveFrom ? html`<div><dt>${t.t('decisions.explain.amount')}</dt><dd>${amountText(t, d)}</dd></div><div><dt>${t.t('decisions.explain.from')}</dt><dd>${t.date(d.effectiveFrom)}</dd></div>` : ''}
</dl>
<p>${t.t(d.automated ? 'decisions.explain.automated' : 'decisions.explain.byPerson')}</p>
<h2>${t.t('decisions.explain.whyTitle')}</h2>
<ul>${d.reasons.map((code) => html`<li>${reasonText(t, code)}</li>`)}</ul>
${d.note ? html`<p>${d.note}</p>` : ''}
<h2>${t.t('decisions.explain.lawTitle')}</h2>
<ul>${d.citations.map((c) => html`<li>${citationLink(t, c)}</li>`)}</ul>
<ul class="meta">${d.figures.map((f) => html`<li>${figureText(t, f, d.decidedOn)}</li>`)}</ul>
<h2>${t.t('decisions.rights.heading')}</h2>
<p>${t.t('decisions.rights.text', { date: t.date(d.reviewBy) })}</p>
<p>${t.t('decisions.rights.how')}</p>`;
}

/** A source of law in the reader's language; a page only in the other language says so, and is marked for screen readers. */
function citationLink(t: Translator, citation: Citation): SafeHtml {
  const shown = citationFor(t, citation);
  const titleLang = t.lang === 'fr' && shown.title === citation.title ? 'en' : t.lang;
  return html`<a href="${shown.href}" hreflang="${shown.hrefLang}" lang="${titleLang}">${shown.title}</a>${shown.otherLanguage ? ` ${t.t('decisions.explain.pageInOtherLanguage')}` : ''}`;
}

/** What was decided: on an application, approved or refused; on a review, what changed and whether it continues. */
function leadOf(t: Translator, d: Explanation, programme: string): SafeHtml {
  if (d.review)
    return html`<p class="lead">${reviewOutcome(t, d, d.review, programme)}</p><p>${reviewChanged(t, d.review, programme)}</p>`;
  return html`<p class="lead">${t.t(d.outcome === 'approved' ? 'decisions.explain.approved' : 'decisions.explain.refused', { programme })}</p>`;
}

/** Benefits that have ended, and the last day each was paid for. */
function endedList(t: Translator, benefits: Benefits, names: Names): SafeHtml {
  if (benefits.ended.length === 0) return html``;
  return html`<h2>${t.t('decisions.benefits.endedTitle')}</h2><ul>${benefits.ended.map(
    (e) =>
      html`<li>${t.t('decisions.benefits.ended', { programme: names(e.programmeId), date: t.date(e.endedOn) })}</li>`,
  )}</ul>`;
}

export function decisionPage(
  t: Translator,
  d: Explanation,
  programme: string,
  crumbs: readonly Crumb[],
): Page {
  // The programme in the title tells one decision from another in a tab or a screen reader's list (WCAG 2.4.2).
  const title = d.review
    ? t.t('decisions.review.letter.pageTitle')
    : t.t('decisions.letter.heading', { programme });
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1>${explanationBody(t, d, programme)}<p>${t.t('decisions.explain.letter')}</p>`,
  };
}

/** The client file's section for staff: the same benefits and decisions. */
export function clientBenefitsSection(t: Translator, benefits: Benefits, names: Names): SafeHtml {
  const decisions = benefits.decisions.map(
    (d) =>
      html`<li>${names(d.programmeId)} - ${t.t(`decisions.outcome.${d.outcome}`)} (${d.reference}, ${t.date(d.decidedOn)})</li>`,
  );
  return html`<h2>${t.t('decisions.client.title')}</h2>${entitlementsTable(t, benefits, names, 'decisions.client.none')}${endedList(t, benefits, names)}${casesList(t, benefits, names)}
${decisions.length === 0 ? '' : html`<ul>${decisions}</ul>`}`;
}

import type { Translator } from '../../platform/i18n/i18n.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { dateInput } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { ParameterChange, ParameterVersion } from '../../rules/index.ts';
import type { ReleasePreview } from '../policy.service.ts';
import type { GroupImpact, ReleaseImpact } from '../release-impact.ts';
import { barChart } from '../release-chart.ts';

export interface ReleasePageView {
  readonly form: FormView;
  readonly action: string;
  readonly preview: ReleasePreview | null;
  /** Programme names in the page's language, by rules programme id. */
  readonly names: ReadonlyMap<string, string>;
}

function value(t: Translator, v: number, unit: string): string {
  return unit === 'cents' ? t.money(v) : t.number(v);
}

function version(
  t: Translator,
  v: ParameterVersion | null,
  unit: string,
  other: ParameterVersion | null,
): SafeHtml {
  if (v === null) return html`${t.t('policy.notOnFile')}`;
  const since = t.t('policy.since', { date: t.date(v.effective) });
  if (typeof v.value === 'number')
    return html`${value(t, v.value, unit)} <span class="meta">(${since})</span>`;
  const table = v.value;
  const compared = other && typeof other.value !== 'number' ? other.value : {};
  const keys = Object.keys(table).filter((k) => table[k] !== compared[k]);
  return html`<ul>${keys.map((k) => html`<li>${k}: ${value(t, table[k] ?? 0, k.includes('rate') ? 'rate' : unit)}</li>`)}</ul><span class="meta">(${since})</span>`;
}

function changesTable(t: Translator, changes: readonly ParameterChange[]): SafeHtml {
  if (changes.length === 0) return html`<p>${t.t('policy.noChanges')}</p>`;
  return html`<table class="table"><caption>${t.t('policy.changesCaption', { count: changes.length })}</caption>
<thead><tr><th scope="col">${t.t('policy.parameter')}</th><th scope="col">${t.t('policy.before')}</th><th scope="col">${t.t('policy.after')}</th><th scope="col">${t.t('policy.sources')}</th></tr></thead>
<tbody>${changes.map((c) => html`<tr><th scope="row">${t.lang === 'en' ? c.descriptionEn : c.descriptionFr} <span class="meta">(${c.parameter})</span></th><td>${version(t, c.before, c.unit, c.after)}</td><td>${version(t, c.after, c.unit, c.before)}</td><td><ul>${c.reference.map((r) => html`<li><a href="${r.href}">${r.title}</a></li>`)}</ul></td></tr>`)}</tbody></table>`;
}

function programmesTable(t: Translator, impact: ReleaseImpact, names: ReadonlyMap<string, string>): SafeHtml {
  return html`<table class="table"><caption>${t.t('policy.programmesCaption')}</caption>
<thead><tr><th scope="col">${t.t('policy.programme')}</th><th scope="col">${t.t('policy.costBefore')}</th><th scope="col">${t.t('policy.costAfter')}</th><th scope="col">${t.t('policy.change')}</th><th scope="col">${t.t('policy.peopleAffected')}</th><th scope="col">${t.t('policy.cannotTell')}</th></tr></thead>
<tbody>${impact.programmes.map((p) => html`<tr><th scope="row">${names.get(p.programme) ?? p.programme}</th><td>${t.money(p.beforeCents)}</td><td>${t.money(p.afterCents)}</td><td>${t.money(p.changeCents)}</td><td>${t.number(p.peopleAffected)}</td><td>${t.number(p.cannotTell)}</td></tr>`)}</tbody></table>`;
}

const average = (g: GroupImpact) => (g.households === 0 ? 0 : Math.round(g.changeCents / g.households));

function groupTable(
  t: Translator,
  caption: string,
  head: string,
  groups: readonly GroupImpact[],
  label: (g: GroupImpact) => string,
): SafeHtml {
  return html`<table class="table"><caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">${t.t('policy.households')}</th><th scope="col">${t.t('policy.winners')}</th><th scope="col">${t.t('policy.losers')}</th><th scope="col">${t.t('policy.netChange')}</th><th scope="col">${t.t('policy.averageChange')}</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${label(g)}</th><td>${t.number(g.households)}</td><td>${t.number(g.winners)}</td><td>${t.number(g.losers)}</td><td>${t.money(g.changeCents)}</td><td>${t.money(average(g))}</td></tr>`)}</tbody></table>`;
}

function impactSection(t: Translator, impact: ReleaseImpact, names: ReadonlyMap<string, string>): SafeHtml {
  const decileLabel = (g: GroupImpact) =>
    t.t('policy.decile', { n: g.group, upTo: t.money(g.upperIncomeCents ?? 0) });
  return html`<h2>${t.t('policy.impactTitle')}</h2>
<p>${t.t('policy.staticNote')}</p>
<dl class="summary-list">
<div><dt>${t.t('policy.register')}</dt><dd>${t.t('policy.registerValue', { people: t.number(impact.people), households: t.number(impact.households) })}</dd></div>
<div><dt>${t.t('policy.peopleAffected')}</dt><dd>${t.t('policy.registerValue', { people: t.number(impact.peopleAffected), households: t.number(impact.householdsAffected) })}</dd></div>
<div><dt>${t.t('policy.netCost')}</dt><dd>${t.money(impact.changeCents)}</dd></div>
</dl>
${programmesTable(t, impact, names)}
<h2>${t.t('policy.decilesTitle')}</h2>
<div class="chart-with-table">${barChart(
    impact.deciles.map((d) => ({ label: d.group, value: average(d) })),
    t.t('policy.chartTitle'),
    t.t('policy.chartDescription'),
    'decile-chart',
  )}
${groupTable(t, t.t('policy.decilesCaption'), t.t('policy.decileHead'), impact.deciles, decileLabel)}</div>
<h2>${t.t('policy.provincesTitle')}</h2>
${groupTable(t, t.t('policy.provincesCaption'), t.t('policy.provinceHead'), impact.provinces, (g) => g.group)}`;
}

export function releasePage(t: Translator, view: ReleasePageView): Page {
  const title = t.t('policy.title');
  const { preview } = view;
  return {
    title,
    hasErrors: hasErrors(view.form),
    body: html`<h1>${title}</h1>
<p class="lead">${t.t('policy.lead')}</p>
${errorSummary(view.form, { from: 'from-day', to: 'to-day' })}
<form method="get" action="${view.action}" novalidate>
${dateInput(view.form, 'from', { legend: t.t('policy.fields.from'), hint: t.t('policy.hints.from') })}
${dateInput(view.form, 'to', { legend: t.t('policy.fields.to'), hint: t.t('policy.hints.to') })}
<button class="button button-primary" type="submit">${t.t('policy.submit')}</button></form>
${preview ? html`${preview.impact ? impactSection(t, preview.impact, view.names) : ''}<h2>${t.t('policy.changesTitle', { from: t.date(preview.from), to: t.date(preview.to) })}</h2>${changesTable(t, preview.changes)}<p class="meta">${t.t('policy.elapsed', { seconds: t.number(Math.round(preview.elapsedMs / 100) / 10) })}</p>` : ''}`,
  };
}

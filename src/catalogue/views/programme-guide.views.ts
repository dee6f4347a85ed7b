import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { GuideAmount, GuidePorts, ProgrammeGuide } from '../programme-guide.ts';

const g = (t: Translator, key: string, values?: Record<string, string | number>) =>
  t.t(`catalogue.guide.${key}`, values);

function formatted(t: Translator, amount: GuideAmount, value: number): string {
  if (amount.unit === 'rate')
    return t.t('catalogue.guide.percent', { value: t.number(Math.round(value * 1000) / 10) });
  const money = t.money(value);
  return amount.per ? g(t, `per.${amount.per}`, { amount: money }) : money;
}

function amountRow(t: Translator, programmeId: string, amount: GuideAmount): SafeHtml {
  const label = g(t, `amounts.${programmeId}.${amount.label}`);
  const cite = amount.reference[0];
  const source = cite ? html` <a href="${cite.href}" class="citation">${g(t, 'source')}</a>` : '';
  if (amount.current)
    return html`<dt>${label}</dt><dd>${formatted(t, amount, amount.current.value)}<br><span class="meta">${g(t, 'since', { date: t.date(amount.current.effective) })}${source}</span></dd>`;
  if (amount.latest)
    return html`<dt>${label}</dt><dd>${formatted(t, amount, amount.latest.value)}<br><span class="meta">${g(t, 'notOnFile', { date: t.date(amount.latest.effective), end: t.date(amount.coverageEnd) })}${source}</span></dd>`;
  return html`<dt>${label}</dt><dd>${g(t, 'noAmount')}</dd>`;
}

function howMuch(t: Translator, guide: ProgrammeGuide): SafeHtml {
  const intro = g(t, `howMuch.${guide.programmeId}`);
  if (guide.amounts.length === 0) return html`<p>${intro}</p>`;
  return html`<p>${intro}</p><dl class="summary-list">${guide.amounts.map((amount) => amountRow(t, guide.programmeId, amount))}</dl>`;
}

function whenPaid(t: Translator, guide: ProgrammeGuide): SafeHtml {
  const dates = guide.nextPayments;
  const intro = g(t, `whenPaid.${guide.programmeId}`);
  if (dates.length === 0) return html`<p>${intro}</p>`;
  return html`<p>${intro}</p><p>${g(t, 'nextDates')}</p><ul>${dates.map((date) => html`<li><time datetime="${date}">${t.date(date)}</time></li>`)}</ul>`;
}

function howToApply(t: Translator, guide: ProgrammeGuide, infoUrl: string, ports: GuidePorts): SafeHtml {
  const ways: SafeHtml[] = [];
  if (guide.apply.online && infoUrl)
    ways.push(html`<li><a href="${infoUrl}">${g(t, 'apply.online')}</a></li>`);
  if (guide.apply.phone)
    ways.push(
      html`<li><a href="${pathFor(ports.helpLinks.contact, t.lang, { programmeId: guide.programmeId })}">${g(t, 'apply.phone')}</a></li>`,
    );
  if (guide.apply.inPerson)
    ways.push(
      html`<li><a href="${pathFor(ports.helpLinks.offices, t.lang)}">${g(t, 'apply.inPerson')}</a></li>`,
    );
  if (guide.apply.form) ways.push(html`<li>${g(t, 'apply.mail', { form: guide.apply.form })}</li>`);
  if (ways.length === 0) ways.push(html`<li>${g(t, 'apply.taxReturn')}</li>`);
  return html`<ul>${ways}</ul>`;
}

/** The law behind the review, marked up in English where a provincial act has no French title. */
function lawSentence(t: Translator, guide: ProgrammeGuide): SafeHtml {
  const [before = '', after = ''] = g(t, 'reviewLaw').split('{law}');
  const english = t.lang === 'fr' && guide.review.law_fr_lang === 'en';
  const law = guide.review[`law_${t.lang}`];
  return html`${before}${english ? html`<span lang="en">${law}</span>` : law}${after}`;
}

/** The sections a person acts on: how much, when paid, what you need, how long, how to apply, review. */
export function guideSections(
  t: Translator,
  guide: ProgrammeGuide,
  infoUrl: string,
  ports: GuidePorts,
): SafeHtml {
  const standard = g(t, 'standard', { days: t.number(guide.standard.days) });
  return html`<h2 id="how-much">${g(t, 'howMuchTitle')}</h2>${howMuch(t, guide)}
<h2 id="when-paid">${g(t, 'whenPaidTitle')}</h2>${whenPaid(t, guide)}
<h2 id="what-you-need">${g(t, 'documentsTitle')}</h2>
<ul>${guide.documents.map((document) => html`<li>${g(t, `documents.${document}`)}</li>`)}</ul>
<h2 id="how-long">${g(t, 'standardTitle')}</h2>
<p>${standard}${guide.standard.official ? '' : html` <strong>${g(t, 'standardUnofficial')}</strong>`} <a href="${guide.standard.source}">${g(t, 'source')}</a></p>
<h2 id="how-to-apply">${g(t, 'applyTitle')}</h2>${howToApply(t, guide, infoUrl, ports)}
<h2 id="review">${g(t, 'reviewTitle')}</h2>
<p>${g(t, `review.${guide.review.kind}`, { days: t.number(guide.review.days) })} ${lawSentence(t, guide)}</p>
<p><a href="${pathFor(ports.helpLinks.contact, t.lang, { programmeId: guide.programmeId })}">${g(t, 'contact')}</a></p>`;
}

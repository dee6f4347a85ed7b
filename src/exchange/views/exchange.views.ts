import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import type { ConsentView } from '../consent.service.ts';
import type { DeliveryView } from '../exchange.service.ts';
import { exchangePaths } from '../exchange.paths.ts';

/** Where these pages sit: under the person's signed-in home (My Guichet). */
export interface Crumb {
  readonly href: string;
  readonly label: string;
}

export function deliveriesTable(t: Translator, rows: readonly DeliveryView[]) {
  if (rows.length === 0) return html`<p>${t.t('exchange.told.none')}</p>`;
  return html`<table class="reflow-table"><caption>${t.t('exchange.told.caption')}</caption>
<thead><tr><th scope="col">${t.t('exchange.told.what')}</th><th scope="col">${t.t('exchange.told.who')}</th><th scope="col">${t.t('exchange.told.why')}</th><th scope="col">${t.t('exchange.told.when')}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td data-label="${t.t('exchange.told.what')}">${t.t(`person.elements.${r.element}`)}</td>
<td data-label="${t.t('exchange.told.who')}">${r.recipient[t.lang]}${r.programme ? html`<br><span class="hint">${r.programme[t.lang]}</span>` : ''}</td>
<td data-label="${t.t('exchange.told.why')}">${r.purpose[t.lang]}</td>
<td data-label="${t.t('exchange.told.when')}">${r.deliveredAt ? t.t('exchange.told.delivered', { when: t.dateTime(r.deliveredAt) }) : t.t(`exchange.told.status.${r.status}`)}</td></tr>`,
  )}</tbody></table>`;
}

export function whoWasToldPage(t: Translator, rows: readonly DeliveryView[], crumbs: readonly Crumb[]): Page {
  return {
    title: t.t('exchange.told.title'),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t('exchange.told.title')}</h1><p>${t.t('exchange.told.intro')}</p>${deliveriesTable(t, rows)}`,
  };
}

export function consentsPage(
  t: Translator,
  consents: readonly ConsentView[],
  csrf: string,
  offers: number,
  crumbs: readonly Crumb[],
): Page {
  const items = consents.map(
    (c) => html`<div class="consent">
<h2>${c.agencyName[t.lang]}</h2>
<dl class="summary-list">
<dt>${t.t('exchange.consents.purpose')}</dt><dd>${c.purpose[t.lang]}</dd>
<dt>${t.t('exchange.consents.what')}</dt><dd>${c.elements.map((e) => t.t(`person.elements.${e}`)).join(', ')}</dd>
<dt>${t.t('exchange.consents.state')}</dt><dd>${t.t(`exchange.consents.states.${c.state}`, { from: t.dateTime(c.grantedAt), until: t.dateTime(c.expiresAt), revoked: c.revokedAt ? t.dateTime(c.revokedAt) : '' })}</dd>
</dl>
${c.state === 'active' ? html`<p><a class="button" href="${pathFor(exchangePaths.consentRevoke, t.lang, { consentId: c.id })}">${t.t('exchange.consents.revoke', { agency: c.agencyName[t.lang] })}</a></p>` : ''}
</div>`,
  );
  return {
    title: t.t('exchange.consents.title'),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t('exchange.consents.title')}</h1><p>${t.t('exchange.consents.intro')}</p>
${consents.length === 0 ? html`<p>${t.t('exchange.consents.none')}</p>` : items}
${offers > 0 ? html`<h2>${t.t('exchange.consents.giveTitle')}</h2><p>${t.t('exchange.consents.giveIntro')}</p><p><a class="button" href="${pathFor(exchangePaths.consentGive, t.lang)}">${t.t('exchange.giveConsent.title')}</a></p>` : ''}`,
  };
}

/** Withdrawing asks first (issue #14): what stops, from when, and a way back without withdrawing. */
export function revokeConsentPage(
  t: Translator,
  consent: ConsentView,
  csrf: string,
  crumbs: readonly Crumb[],
): Page {
  const title = t.t('exchange.revokeConsent.title', { agency: consent.agencyName[t.lang] });
  return {
    title,
    breadcrumbs: [
      ...crumbs,
      { href: pathFor(exchangePaths.consents, t.lang), label: t.t('exchange.consents.title') },
    ],
    body: html`<h1>${title}</h1>
<dl class="summary-list">
<dt>${t.t('exchange.consents.purpose')}</dt><dd>${consent.purpose[t.lang]}</dd>
<dt>${t.t('exchange.consents.what')}</dt><dd>${consent.elements.map((e) => t.t(`person.elements.${e}`)).join(', ')}</dd>
</dl>
<p>${t.t('exchange.revokeConsent.body')}</p>
<form method="post" action="${pathFor(exchangePaths.consentRevoke, t.lang, { consentId: consent.id })}">${csrfField(csrf)}
<button class="button button-primary" type="submit">${t.t('exchange.revokeConsent.confirm')}</button></form>
<p><a href="${pathFor(exchangePaths.consents, t.lang)}">${t.t('exchange.revokeConsent.cancel')}</a></p>`,
  };
}

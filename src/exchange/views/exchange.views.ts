import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { registryPaths } from '../../registry/registry.paths.ts';
import { csrfField } from '../../registry/views/form.views.ts';
import type { ConsentView } from '../consent.service.ts';
import type { DeliveryView, ExchangeService } from '../exchange.service.ts';

const crumbs = (t: Translator) => [
  { href: pathFor(registryPaths.profile, t.lang), label: t.t('registry.profile.title') },
];

function noticeBox(t: Translator, notice: string | undefined) {
  return notice
    ? html`<div class="notice notice-success" role="status"><p>${t.t(`registry.notices.${notice}`)}</p></div>`
    : '';
}

export function deliveriesTable(t: Translator, rows: readonly DeliveryView[]) {
  if (rows.length === 0) return html`<p>${t.t('registry.told.none')}</p>`;
  return html`<table><caption>${t.t('registry.told.caption')}</caption>
<thead><tr><th scope="col">${t.t('registry.told.what')}</th><th scope="col">${t.t('registry.told.who')}</th><th scope="col">${t.t('registry.told.why')}</th><th scope="col">${t.t('registry.told.when')}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td>${t.t(`registry.elements.${r.element}`)}</td>
<td>${r.recipient[t.lang]}${r.programme ? html`<br><span class="hint">${r.programme[t.lang]}</span>` : ''}</td>
<td>${r.purpose[t.lang]}</td>
<td>${r.deliveredAt ? t.t('registry.told.delivered', { when: t.dateTime(r.deliveredAt) }) : t.t(`registry.told.status.${r.status}`)}</td></tr>`,
  )}</tbody></table>`;
}

export function whoWasToldPage(
  t: Translator,
  rows: readonly DeliveryView[],
  notice: string | undefined,
): Page {
  return {
    title: t.t('registry.told.title'),
    breadcrumbs: crumbs(t),
    body: html`<h1>${t.t('registry.told.title')}</h1>${noticeBox(t, notice)}<p>${t.t('registry.told.intro')}</p>${deliveriesTable(t, rows)}`,
  };
}

export function consentsPage(
  t: Translator,
  consents: readonly ConsentView[],
  csrf: string,
  notice: string | undefined,
  offers = 0,
): Page {
  const items = consents.map(
    (c) => html`<div class="consent">
<h2>${c.agencyName[t.lang]}</h2>
<dl class="summary-list">
<dt>${t.t('registry.consents.purpose')}</dt><dd>${c.purpose[t.lang]}</dd>
<dt>${t.t('registry.consents.what')}</dt><dd>${c.elements.map((e) => t.t(`registry.elements.${e}`)).join(', ')}</dd>
<dt>${t.t('registry.consents.state')}</dt><dd>${t.t(`registry.consents.states.${c.state}`, { from: t.dateTime(c.grantedAt), until: t.dateTime(c.expiresAt), revoked: c.revokedAt ? t.dateTime(c.revokedAt) : '' })}</dd>
</dl>
${c.state === 'active' ? html`<form method="post" action="${pathFor(registryPaths.consentRevoke, t.lang, { consentId: c.id })}">${csrfField(csrf)}<button class="button" type="submit">${t.t('registry.consents.revoke', { agency: c.agencyName[t.lang] })}</button></form>` : ''}
</div>`,
  );
  return {
    title: t.t('registry.consents.title'),
    breadcrumbs: crumbs(t),
    body: html`<h1>${t.t('registry.consents.title')}</h1>${noticeBox(t, notice)}<p>${t.t('registry.consents.intro')}</p>
${consents.length === 0 ? html`<p>${t.t('registry.consents.none')}</p>` : items}
${offers > 0 ? html`<h2>${t.t('registry.consents.giveTitle')}</h2><p>${t.t('registry.consents.giveIntro')}</p><p><a class="button" href="${pathFor(registryPaths.consentGive, t.lang)}">${t.t('registry.giveConsent.title')}</a></p>` : ''}`,
  };
}

type Queue = Awaited<ReturnType<ExchangeService['queue']>>;

export function deliveryQueuePage(t: Translator, queue: Queue, csrf: string): Page {
  const counts = (['pending', 'sent', 'delivered', 'withheld'] as const).map(
    (s) => html`<dt>${t.t(`registry.told.status.${s}`)}</dt><dd>${t.number(queue.counts[s] ?? 0)}</dd>`,
  );
  const rows = queue.items.map(
    (
      d,
    ) => html`<tr><td>${t.t(`registry.elements.${d.element}`)}</td><td>${t.lang === 'fr' ? d.name_fr : d.name_en}</td>
<td>${t.t(`registry.told.status.${d.status}`)}</td><td>${t.number(d.attempts)}</td><td>${t.dateTime(d.next_attempt_at)}</td><td>${d.last_error ?? ''}</td>
<td><form method="post" action="${pathFor(registryPaths.staffDeliveryRetry, t.lang, { deliveryId: d.id })}">${csrfField(csrf)}<button class="button" type="submit">${t.t('registry.queue.retry')}</button></form></td></tr>`,
  );
  return {
    title: t.t('registry.queue.title'),
    body: html`<h1>${t.t('registry.queue.title')}</h1><p>${t.t('registry.queue.intro')}</p>
<dl class="summary-list">${counts}</dl>
${
  queue.items.length === 0
    ? html`<p>${t.t('registry.queue.none')}</p>`
    : html`<table><caption>${t.t('registry.queue.caption')}</caption>
<thead><tr><th scope="col">${t.t('registry.told.what')}</th><th scope="col">${t.t('registry.told.who')}</th><th scope="col">${t.t('registry.queue.status')}</th><th scope="col">${t.t('registry.queue.attempts')}</th><th scope="col">${t.t('registry.queue.next')}</th><th scope="col">${t.t('registry.queue.error')}</th><th scope="col"><span class="visually-hidden">${t.t('registry.queue.retry')}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`
}`,
  };
}

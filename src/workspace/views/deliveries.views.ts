import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { ExchangeService } from '../../exchange/index.ts';
import { workspacePaths } from '../workspace.paths.ts';

type Queue = Awaited<ReturnType<ExchangeService['queue']>>;

export function deliveryQueuePage(t: Translator, queue: Queue, csrf: string): Page {
  const counts = (['pending', 'sent', 'delivered', 'withheld'] as const).map(
    (s) => html`<dt>${t.t(`exchange.told.status.${s}`)}</dt><dd>${t.number(queue.counts[s] ?? 0)}</dd>`,
  );
  const rows = queue.items.map(
    (
      d,
    ) => html`<tr><td>${t.t(`person.elements.${d.element}`)}</td><td>${t.lang === 'fr' ? d.name_fr : d.name_en}</td>
<td>${t.t(`exchange.told.status.${d.status}`)}</td><td>${t.number(d.attempts)}</td><td>${t.dateTime(d.next_attempt_at)}</td><td>${d.last_error ?? ''}</td>
<td><form method="post" action="${pathFor(workspacePaths.deliveryRetry, t.lang, { deliveryId: d.id })}">${csrfField(csrf)}<button class="button" type="submit">${t.t('workspace.queue.retry')}</button></form></td></tr>`,
  );
  return {
    title: t.t('workspace.queue.title'),
    body: html`<h1>${t.t('workspace.queue.title')}</h1><p>${t.t('workspace.queue.intro')}</p>
<dl class="summary-list">${counts}</dl>
${
  queue.items.length === 0
    ? html`<p>${t.t('workspace.queue.none')}</p>`
    : html`<table><caption>${t.t('workspace.queue.caption')}</caption>
<thead><tr><th scope="col">${t.t('exchange.told.what')}</th><th scope="col">${t.t('exchange.told.who')}</th><th scope="col">${t.t('workspace.queue.status')}</th><th scope="col">${t.t('workspace.queue.attempts')}</th><th scope="col">${t.t('workspace.queue.next')}</th><th scope="col">${t.t('workspace.queue.error')}</th><th scope="col"><span class="visually-hidden">${t.t('workspace.queue.retry')}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`
}`,
  };
}

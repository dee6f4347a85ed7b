import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, dateInput, textField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { identityPaths } from '../identity.paths.ts';
import { helpFooter } from './components.ts';

/** Prove who you are once: your SIN and date of birth, and a code mailed to the address on file. */
export function linkPage(form: FormView): Page {
  const { t } = form;
  const title = t.t('identity.link.title');
  return {
    title,
    hasErrors: hasErrors(form),
    body: html`<h1>${title}</h1>
${errorSummary(form, { birth: 'birth-day' })}
<p>${t.t('identity.link.lead')}</p>
<form method="post" action="${pathFor(identityPaths.link, t.lang)}" novalidate>${csrfField(form.csrf)}
${textField(form, 'sin', { label: t.t('identity.link.sinLabel'), hint: t.t('identity.link.sinHint'), inputmode: 'numeric', autocomplete: 'off', spellcheck: false, neverEcho: true })}
${dateInput(form, 'birth', { legend: t.t('identity.link.birthLegend'), hint: t.t('identity.link.birthHint'), prefix: '', autocomplete: 'bday' })}
<button class="button button-primary" type="submit">${t.t('identity.link.submit')}</button>
</form>
<p><a href="${pathFor(identityPaths.linkCode, t.lang)}">${t.t('identity.link.haveCode')}</a></p>
<p><a href="${pathFor(identityPaths.linkHelp, t.lang)}">${t.t('identity.link.cannot')}</a></p>`,
  };
}

export function linkCodePage(form: FormView): Page {
  const { t } = form;
  const title = t.t('identity.link.codeTitle');
  return {
    title,
    hasErrors: hasErrors(form),
    body: html`<h1>${title}</h1>
${errorSummary(form)}
<form method="post" action="${pathFor(identityPaths.linkCode, t.lang)}" novalidate>${csrfField(form.csrf)}
${textField(form, 'code', { label: t.t('identity.link.codeLabel'), hint: t.t('identity.link.codeHint'), inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: false, neverEcho: true })}
<button class="button button-primary" type="submit">${t.t('identity.link.codeSubmit')}</button>
</form>
<p><a href="${pathFor(identityPaths.linkHelp, t.lang)}">${t.t('identity.link.cannot')}</a></p>`,
  };
}

export function linkHelpPage(t: Translator, reference: string, home: BilingualPath): Page {
  const title = t.t('identity.link.helpTitle');
  return {
    title,
    body: html`<h1>${title}</h1><p>${t.t('identity.link.helpBody')}</p>
<ul><li>${t.t('identity.link.helpPhone')}</li><li>${t.t('identity.link.helpVisit')}</li></ul>
${helpFooter(t, reference)}
<p><a href="${pathFor(home, t.lang)}">${t.t('identity.link.backToMy')}</a></p>`,
  };
}

export function mailboxPage(
  t: Translator,
  letters: readonly { id: string; access_code: string; created_at: Date; name: string }[],
): Page {
  const title = t.t('identity.mailbox.title');
  return {
    title,
    body: html`<h1>${title}</h1><div class="notice notice-warning"><p>${t.t('identity.mailbox.warning')}</p></div>
${
  letters.length === 0
    ? html`<p>${t.t('identity.mailbox.empty')}</p>`
    : html`<table><caption class="visually-hidden">${title}</caption><thead><tr><th scope="col">${t.t('identity.mailbox.to')}</th><th scope="col">${t.t('identity.mailbox.sent')}</th><th scope="col">${t.t('identity.mailbox.code')}</th></tr></thead>
<tbody>${letters.map((l) => html`<tr><td>${l.name}</td><td>${t.dateTime(new Date(l.created_at))}</td><td><code>${l.access_code}</code></td></tr>`)}</tbody></table>`
}`,
  };
}

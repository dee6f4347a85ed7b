import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { Flash } from '../flash.ts';
import { identityPaths } from '../identity.paths.ts';
import { csrfField, errorSummary, helpFooter } from './components.ts';

const FIELD_OF: Record<string, string> = { sin: 'sin', birthDate: 'birth-day', code: 'code' };

function errorsOf(flash: Flash) {
  return flash.errors.map((error) => ({
    field: FIELD_OF[error.split('.')[0] ?? ''] ?? 'sin',
    key: `identity.link.error.${error}`,
  }));
}

function fieldError(t: Translator, flash: Flash, field: string): SafeHtml {
  const error = flash.errors.find((e) => e.startsWith(`${field}.`));
  return error
    ? html`<p class="error-message" id="${field}-error">${t.t(`identity.link.error.${error}`)}</p>`
    : html``;
}

export function linkPage(t: Translator, flash: Flash, csrf: string): Page {
  const title = t.t('identity.link.title');
  const has = (field: string) => flash.errors.some((e) => e.startsWith(`${field}.`));
  const v = flash.values;
  return {
    title,
    hasErrors: flash.errors.length > 0,
    body: html`<h1>${title}</h1>
${errorSummary(t, errorsOf(flash))}
<p>${t.t('identity.link.lead')}</p>
<form method="post" action="${pathFor(identityPaths.link, t.lang)}" novalidate>${csrfField(csrf)}
<div class="form-group${has('sin') ? ' has-error' : ''}">
<label for="sin">${t.t('identity.link.sinLabel')}</label>
<span class="hint" id="sin-hint">${t.t('identity.link.sinHint')}</span>
${fieldError(t, flash, 'sin')}
<input id="sin" name="sin" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="11" aria-describedby="sin-hint${has('sin') ? ' sin-error' : ''}">
</div>
<div class="form-group${has('birthDate') ? ' has-error' : ''}">
<fieldset role="group" aria-describedby="birth-hint${has('birthDate') ? ' birthDate-error' : ''}"><legend>${t.t('identity.link.birthLegend')}</legend>
<span class="hint" id="birth-hint">${t.t('identity.link.birthHint')}</span>
${fieldError(t, flash, 'birthDate')}
<div class="date-input">
<div><label for="birth-day">${t.t('identity.link.day')}</label><input id="birth-day" name="day" type="text" inputmode="numeric" size="2" autocomplete="bday-day" value="${v.day ?? ''}"></div>
<div><label for="birth-month">${t.t('identity.link.month')}</label><input id="birth-month" name="month" type="text" inputmode="numeric" size="2" autocomplete="bday-month" value="${v.month ?? ''}"></div>
<div><label for="birth-year">${t.t('identity.link.year')}</label><input id="birth-year" name="year" type="text" inputmode="numeric" size="4" autocomplete="bday-year" value="${v.year ?? ''}"></div>
</div></fieldset></div>
<button class="button button-primary" type="submit">${t.t('identity.link.submit')}</button>
</form>
<p><a href="${pathFor(identityPaths.linkCode, t.lang)}">${t.t('identity.link.haveCode')}</a></p>
<p><a href="${pathFor(identityPaths.linkHelp, t.lang)}">${t.t('identity.link.cannot')}</a></p>`,
  };
}

export function linkCodePage(t: Translator, flash: Flash, csrf: string): Page {
  const title = t.t('identity.link.codeTitle');
  const has = flash.errors.length > 0;
  return {
    title,
    hasErrors: has,
    body: html`<h1>${title}</h1>
${flash.notice ? html`<div class="notice" role="status"><p>${t.t(`identity.notice.${flash.notice}`)}</p></div>` : ''}
${errorSummary(t, errorsOf(flash))}
<form method="post" action="${pathFor(identityPaths.linkCode, t.lang)}" novalidate>${csrfField(csrf)}
<div class="form-group${has ? ' has-error' : ''}">
<label for="code">${t.t('identity.link.codeLabel')}</label>
<span class="hint" id="code-hint">${t.t('identity.link.codeHint')}</span>
${fieldError(t, flash, 'code')}
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" size="12" aria-describedby="code-hint${has ? ' code-error' : ''}">
</div>
<button class="button button-primary" type="submit">${t.t('identity.link.codeSubmit')}</button>
</form>
<p><a href="${pathFor(identityPaths.linkHelp, t.lang)}">${t.t('identity.link.cannot')}</a></p>`,
  };
}

export function linkHelpPage(t: Translator, reference: string): Page {
  const title = t.t('identity.link.helpTitle');
  return {
    title,
    body: html`<h1>${title}</h1><p>${t.t('identity.link.helpBody')}</p>
<ul><li>${t.t('identity.link.helpPhone')}</li><li>${t.t('identity.link.helpVisit')}</li></ul>
${helpFooter(t, reference)}
<p><a href="${pathFor(identityPaths.myGuichet, t.lang)}">${t.t('identity.link.backToMy')}</a></p>`,
  };
}

export function mailboxPage(
  t: Translator,
  letters: readonly {
    id: string;
    kind: string;
    access_code: string;
    created_at: Date;
    given_name: string;
    family_name: string;
  }[],
): Page {
  const title = t.t('identity.mailbox.title');
  return {
    title,
    body: html`<h1>${title}</h1><div class="notice notice-warning"><p>${t.t('identity.mailbox.warning')}</p></div>
${
  letters.length === 0
    ? html`<p>${t.t('identity.mailbox.empty')}</p>`
    : html`<table><caption class="visually-hidden">${title}</caption><thead><tr><th scope="col">${t.t('identity.mailbox.to')}</th><th scope="col">${t.t('identity.mailbox.sent')}</th><th scope="col">${t.t('identity.mailbox.code')}</th></tr></thead>
<tbody>${letters.map((l) => html`<tr><td>${l.given_name} ${l.family_name}</td><td>${t.dateTime(new Date(l.created_at))}</td><td><code>${l.access_code}</code></td></tr>`)}</tbody></table>`
}`,
  };
}

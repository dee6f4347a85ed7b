import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, textField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { addressFields, contactFields } from '../../person/index.ts';
import { portalPaths } from '../portal.paths.ts';

type PageKey = 'address' | 'contact' | 'deposit';

/** One of the person's own change forms, under My profile; the fields' words are the person module's. */
function formPage(
  form: FormView,
  key: PageKey,
  fields: SafeHtml,
  options: { autocompleteOff?: boolean } = {},
): Page {
  const { t } = form;
  const action = pathFor(key === 'deposit' ? portalPaths.directDeposit : portalPaths[key], t.lang);
  return {
    title: t.t(`portal.${key}.title`),
    hasErrors: hasErrors(form),
    breadcrumbs: [
      { href: pathFor(portalPaths.home, t.lang), label: t.t('portal.my.title') },
      { href: pathFor(portalPaths.profile, t.lang), label: t.t('portal.profile.title') },
    ],
    body: html`${errorSummary(form, { effectiveFrom: 'effectiveFrom-day' })}<h1>${t.t(`portal.${key}.title`)}</h1><p>${t.t(`portal.${key}.intro`)}</p>
<form method="post" action="${action}" novalidate${options.autocompleteOff ? html` autocomplete="off"` : ''}>${csrfField(form.csrf)}
${fields}
<button class="button button-primary" type="submit">${t.t(`portal.${key}.submit`)}</button></form>`,
  };
}

export function addressPage(form: FormView): Page {
  return formPage(form, 'address', addressFields(form, 'person'));
}

export function contactPage(form: FormView): Page {
  return formPage(form, 'contact', contactFields(form, 'person'));
}

export function directDepositPage(form: FormView): Page {
  const { t } = form;
  const fields = html`${textField(form, 'institution', { inputmode: 'numeric', width: 'short', hint: t.t('person.hints.institution') })}
${textField(form, 'transit', { inputmode: 'numeric', width: 'short', hint: t.t('person.hints.transit') })}
${textField(form, 'account', { inputmode: 'numeric', width: 'medium', hint: t.t('person.hints.account') })}
<p>${t.t('portal.deposit.notice')}</p>`;
  return formPage(form, 'deposit', fields, { autocompleteOff: true });
}

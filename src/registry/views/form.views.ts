import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';

/** A field's problem as carried through the redirect: `field.code`, translated as `registry.errors.code`. */
export type FormErrors = Record<string, string>;

export function errorsFromFlash(codes: readonly string[]): FormErrors {
  const out: FormErrors = {};
  for (const code of codes) {
    const dot = code.indexOf('.');
    if (dot > 0) out[code.slice(0, dot)] = code.slice(dot + 1);
  }
  return out;
}

export function errorsToFlash(errors: FormErrors): string[] {
  return Object.entries(errors).map(([field, code]) => `${field}.${code}`);
}

export function errorSummary(t: Translator, errors: FormErrors): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.t('registry.errorSummaryTitle')}</h2>
<ul>${entries.map(([field, code]) => html`<li><a href="#${field}">${t.t(`registry.errors.${code}`)}</a></li>`)}</ul></div>`;
}

export interface FieldOptions {
  hint?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  type?: 'text' | 'date' | 'email' | 'tel';
  width?: 'short' | 'medium';
}

export function textField(
  t: Translator,
  name: string,
  value: string,
  errors: FormErrors,
  options: FieldOptions = {},
): SafeHtml {
  const error = errors[name];
  const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group${error ? ' has-error' : ''}">
<label for="${name}">${t.t(`registry.fields.${name}`)}</label>
${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : ''}
${error ? html`<span class="error-message" id="${name}-error"><span class="visually-hidden">${t.t('registry.errorPrefix')}</span> ${t.t(`registry.errors.${error}`)}</span>` : ''}
<input id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.width ? html` class="input-${options.width}"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function selectField(
  t: Translator,
  name: string,
  value: string,
  options: readonly { value: string; label: string }[],
  errors: FormErrors,
): SafeHtml {
  const error = errors[name];
  return html`<div class="form-group${error ? ' has-error' : ''}">
<label for="${name}">${t.t(`registry.fields.${name}`)}</label>
${error ? html`<span class="error-message" id="${name}-error">${t.t(`registry.errors.${error}`)}</span>` : ''}
<select id="${name}" name="${name}"${error ? html` aria-describedby="${name}-error" aria-invalid="true"` : ''}>
${options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`)}
</select></div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function summaryRow(
  label: string,
  value: string | SafeHtml,
  action?: { href: string; label: string },
): SafeHtml {
  return html`<dt>${label}</dt><dd>${value}${action ? html` <a href="${action.href}">${action.label}</a>` : ''}</dd>`;
}

/** Date and time in the page's language, Eastern time named. */
export function dateTime(t: Translator, at: Date): string {
  return new Intl.DateTimeFormat(t.lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Toronto',
  }).format(at);
}

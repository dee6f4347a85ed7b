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
  /** Overrides `registry.fields.<name>`, e.g. where staff fill in a form written for the person. */
  label?: string;
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
<label for="${name}">${options.label ?? t.t(`registry.fields.${name}`)}</label>
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

export interface RadioOption {
  value: string;
  label: string;
  /** Shown under the option and read with it (aria-describedby). */
  details?: SafeHtml;
}

/** Radios in a fieldset whose legend asks the question; the first radio carries the field's id for the error summary. */
export function radioFields(
  t: Translator,
  name: string,
  legend: string,
  choice: { options: readonly RadioOption[]; value: string; hint?: string; after?: SafeHtml },
  errors: FormErrors,
): SafeHtml {
  const error = errors[name];
  const describedBy = [choice.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  const radio = (option: RadioOption, index: number) => {
    const id = index === 0 ? name : `${name}-${option.value}`;
    return html`<div class="radio"><input type="radio" id="${id}" name="${name}" value="${option.value}"${option.value === choice.value ? html` checked` : ''}${option.details ? html` aria-describedby="${id}-details"` : ''}><label for="${id}">${option.label}</label></div>
${option.details ? html`<div class="radio-details" id="${id}-details">${option.details}</div>` : ''}`;
  };
  return html`<div class="form-group${error ? ' has-error' : ''}"><fieldset${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
<legend>${legend}</legend>
${choice.hint ? html`<span class="hint" id="${name}-hint">${choice.hint}</span>` : ''}
${error ? html`<span class="error-message" id="${name}-error"><span class="visually-hidden">${t.t('registry.errorPrefix')}</span> ${t.t(`registry.errors.${error}`)}</span>` : ''}
${choice.options.map(radio)}${choice.after ?? ''}
</fieldset></div>`;
}

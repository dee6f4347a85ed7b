import { html } from '../views/html.ts';
import type { SafeHtml } from '../views/html.ts';
import { errorMessage } from './error-summary.ts';
import { valueOf } from './form-view.ts';
import type { FormView } from './form-view.ts';

export interface FieldOptions {
  /** Overrides `<ns>.fields.<name>`, e.g. where staff fill in a form written for the person. */
  readonly label?: string;
  /** The label as markup (e.g. inside the page's h1, where the question is the page). */
  readonly labelHtml?: SafeHtml;
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
  /** No 'date': dates are typed in three fields, `dateInput` (one way per thing, issue #14). */
  readonly type?: 'text' | 'email' | 'tel';
  readonly width?: 'xs' | 'sm' | 'md';
  /** Shown before the input, e.g. "$"; hidden from screen readers, which read the label. */
  readonly prefix?: string;
  readonly id?: string;
  /** Never shown back, even to the person who typed it (a SIN, ASVS 14.3.1): the input has no value. */
  readonly neverEcho?: boolean;
  /** Numbers and codes: no spelling suggestions. */
  readonly spellcheck?: false;
}

function describedBy(...ids: (string | false | undefined)[]): SafeHtml | '' {
  const list = ids.filter(Boolean).join(' ');
  return list ? html` aria-describedby="${list}"` : '';
}

function group(form: FormView, name: string, body: SafeHtml): SafeHtml {
  return html`<div class="form-group${form.errors[name] ? ' has-error' : ''}">${body}</div>`;
}

export function textField(form: FormView, name: string, options: FieldOptions = {}): SafeHtml {
  const id = options.id ?? name;
  const error = form.errors[name] !== undefined;
  const label =
    options.labelHtml ??
    html`<label for="${id}">${options.label ?? form.t.t(`${form.ns}.fields.${name}`)}</label>`;
  return group(
    form,
    name,
    html`${label}
${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''}
${errorMessage(form, name, `${id}-error`)}${options.prefix ? html`<span class="input-prefix" aria-hidden="true">${options.prefix}</span>` : ''}<input id="${id}" name="${name}" type="${options.type ?? 'text'}"${options.neverEcho ? '' : html` value="${valueOf(form, name)}"`}${options.spellcheck === false ? html` spellcheck="false"` : ''}${options.width ? html` class="input-${options.width}"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${describedBy(options.hint && `${id}-hint`, error && `${id}-error`)}${error ? html` aria-invalid="true"` : ''}>`,
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Shown under a radio and read with it (aria-describedby). */
  readonly details?: SafeHtml;
}

export function selectField(
  form: FormView,
  name: string,
  choices: readonly Choice[],
  options: { label?: string; selected?: string } = {},
): SafeHtml {
  const error = form.errors[name] !== undefined;
  const selected = valueOf(form, name) || options.selected || '';
  return group(
    form,
    name,
    html`<label for="${name}">${options.label ?? form.t.t(`${form.ns}.fields.${name}`)}</label>
${errorMessage(form, name)}
<select id="${name}" name="${name}"${error ? html` aria-describedby="${name}-error" aria-invalid="true"` : ''}>
${choices.map((c) => html`<option value="${c.value}"${c.value === selected ? html` selected` : ''}>${c.label}</option>`)}
</select>`,
  );
}

export interface ChoiceGroup {
  /** The question, as the legend (markup allowed, e.g. the page's h1). */
  readonly legend: string | SafeHtml;
  readonly choices: readonly Choice[];
  readonly hint?: string;
  /** Markup after the choices inside the fieldset (e.g. a conditional field). */
  readonly after?: SafeHtml;
}

/** Radios in a fieldset whose legend asks the question; the first radio carries the field's id for the error summary. */
export function radios(form: FormView, name: string, group_: ChoiceGroup): SafeHtml {
  const selected = valueOf(form, name);
  const radio = (choice: Choice, index: number) => {
    const id = index === 0 ? name : `${name}-${choice.value}`;
    return html`<div class="radio"><input type="radio" id="${id}" name="${name}" value="${choice.value}"${choice.value === selected ? html` checked` : ''}${choice.details ? html` aria-describedby="${id}-details"` : ''}><label for="${id}">${choice.label}</label></div>
${choice.details ? html`<div class="radio-details" id="${id}-details">${choice.details}</div>` : ''}`;
  };
  return fieldset(form, name, group_, group_.choices.map(radio));
}

/** Checkboxes in a fieldset; the values come back as a list. */
export function checkboxes(form: FormView, name: string, group_: ChoiceGroup): SafeHtml {
  const value = form.values[name];
  const ticked = new Set(typeof value === 'string' ? [value] : (value ?? []));
  const box = (choice: Choice, index: number) => {
    const id = index === 0 ? name : `${name}-${choice.value}`;
    return html`<div class="checkbox"><input type="checkbox" id="${id}" name="${name}" value="${choice.value}"${ticked.has(choice.value) ? html` checked` : ''}><label for="${id}">${choice.label}</label></div>`;
  };
  return fieldset(form, name, group_, group_.choices.map(box));
}

function fieldset(form: FormView, name: string, group_: ChoiceGroup, items: SafeHtml[]): SafeHtml {
  const error = form.errors[name] !== undefined;
  return group(
    form,
    name,
    html`<fieldset${describedBy(group_.hint && `${name}-hint`, error && `${name}-error`)}>
<legend>${group_.legend}</legend>
${group_.hint ? html`<span class="hint" id="${name}-hint">${group_.hint}</span>` : ''}
${errorMessage(form, name)}
${items}${group_.after ?? ''}
</fieldset>`,
  );
}

/**
 * A date as three labelled fields, day, month and year (GOV.UK and Canada.ca date input): named
 * `<prefix>day`, `<prefix>month`, `<prefix>year`, with ids `<name>-day`, `<name>-month`, `<name>-year`; an
 * error on `name` marks all three (give the error summary the anchor `<name>-day`).
 */
export function dateInput(
  form: FormView,
  name: string,
  group_: { legend: string | SafeHtml; hint?: string; prefix?: string; autocomplete?: 'bday' },
): SafeHtml {
  const error = form.errors[name] !== undefined;
  const prefix = group_.prefix ?? `${name}-`;
  const part = (field: 'day' | 'month' | 'year', width: 'xs' | 'sm') => {
    const id = `${name}-${field}`;
    const auto = group_.autocomplete
      ? html` autocomplete="${group_.autocomplete}-${field}"`
      : html` autocomplete="off"`;
    return html`<div class="date-part"><label for="${id}">${form.t.t(`validation.date.${field}`)}</label><input class="input-${width}" type="text" inputmode="numeric" id="${id}" name="${prefix}${field}" value="${valueOf(form, `${prefix}${field}`)}"${field === 'year' ? '' : html` maxlength="2"`}${error ? html` aria-invalid="true"` : ''}${auto}></div>`;
  };
  return group(
    form,
    name,
    html`<fieldset role="group"${describedBy(group_.hint && `${name}-hint`, error && `${name}-error`)}>
<legend>${group_.legend}</legend>
${group_.hint ? html`<span class="hint" id="${name}-hint">${group_.hint}</span>` : ''}
${errorMessage(form, name)}
<div class="date-input">${part('day', 'xs')}${part('month', 'xs')}${part('year', 'sm')}</div>
</fieldset>`,
  );
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** One row of a GOV.UK summary list, with an optional change link. */
export function summaryRow(
  label: string,
  value: string | SafeHtml,
  action?: { href: string; label: string },
): SafeHtml {
  return html`<dt>${label}</dt><dd>${value}${action ? html` <a href="${action.href}">${action.label}</a>` : ''}</dd>`;
}

/** A multi-line answer (a message); `maxLength` is also checked on the server. */
export function textArea(
  form: FormView,
  name: string,
  options: {
    readonly rows?: number;
    readonly maxLength: number;
    readonly hint?: string;
    readonly label?: string;
  },
): SafeHtml {
  const error = form.errors[name] !== undefined;
  return group(
    form,
    name,
    html`<label for="${name}">${options.label ?? form.t.t(`${form.ns}.fields.${name}`)}</label>
${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : ''}
${errorMessage(form, name)}<textarea id="${name}" name="${name}" rows="${String(options.rows ?? 8)}" maxlength="${String(options.maxLength)}"${describedBy(options.hint && `${name}-hint`, error && `${name}-error`)}${error ? html` aria-invalid="true"` : ''}>${valueOf(form, name)}</textarea>`,
  );
}

import type { Translator } from '../i18n/i18n.ts';
import type { FieldErrors, FormValues, KeptForm } from './form-memory.ts';

/**
 * One form as a page shows it: what its fields hold (what was typed, or what Guichet already has) and why
 * any was refused. `ns` is the module namespace its words live under: `<ns>.fields.<name>` for labels,
 * `<ns>.hints.<name>` for hints, `<ns>.errors.<code>` for messages.
 */
export interface FormView {
  readonly t: Translator;
  readonly ns: string;
  readonly values: FormValues;
  readonly errors: FieldErrors;
  readonly csrf: string;
}

/** The form as kept from a refused submission, or else with `current` (what Guichet holds, prefilled). */
export function formView(
  t: Translator,
  ns: string,
  csrf: string,
  kept: KeptForm | undefined,
  current: FormValues = {},
): FormView {
  return { t, ns, csrf, values: kept?.values ?? current, errors: kept?.errors ?? {} };
}

export function valueOf(form: FormView, name: string): string {
  const value = form.values[name];
  return typeof value === 'string' ? value : '';
}

export function hasErrors(form: FormView): boolean {
  return Object.keys(form.errors).length > 0;
}

/** The message for a field's error code: a full key when it has a dot, else under the form's namespace. */
export function errorText(form: FormView, code: string): string {
  return form.t.t(code.includes('.') ? code : `${form.ns}.errors.${code}`);
}

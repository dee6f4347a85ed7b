import { selfContext } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { formValues } from '../platform/forms/form-body.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import type { BilingualPath, RouteRequirements, RouteTable } from '../platform/http/route-table.ts';
import { newReference } from '../platform/reference/reference.ts';
import type { ChangeOptions, ChangeResult, PersonService, Validated } from '../person/index.ts';
import type { RegistryElement } from '../person/index.ts';
import { checkPage, confirmationPage, formPage } from './views/change.views.ts';
import type { AnswerRow, ChangeKey } from './views/change.views.ts';
import type { FormView } from '../platform/forms/form-view.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { SafeHtml } from '../platform/views/html.ts';

/**
 * One of the person's own changes, in three steps (GOV.UK "check answers" and "confirmation" patterns): the form,
 * a check-your-answers page, then a confirmation with a reference the person can read over the phone.
 * Between the steps what was typed is kept by the form memory (encrypted, on the server, against the session);
 * it is the same memory a refused form uses, so "Change" on the check page lands on the form with it all kept.
 */
export interface ChangeSteps<T> {
  readonly key: ChangeKey;
  readonly element: RegistryElement;
  readonly formId: string;
  readonly paths: {
    readonly form: BilingualPath;
    readonly check: BilingualPath;
    readonly done: BilingualPath;
  };
  readonly requires: RouteRequirements;
  /** What the record holds now, to prefill the form (nothing for a bank account: it is typed afresh). */
  current(personId: string, context: AccessContext): Promise<FormValues>;
  fields(form: FormView): SafeHtml;
  validate(values: FormValues): Validated<T>;
  save(personId: string, value: T, context: AccessContext, options: ChangeOptions): Promise<ChangeResult>;
  rows(t: Translator, value: T): AnswerRow[];
  /** A page the confirmation links to (who was told of a new address). */
  readonly follow?: BilingualPath;
}

export function registerChangeSteps<T>(
  routes: RouteTable,
  person: PersonService,
  profile: BilingualPath,
  steps: ChangeSteps<T>,
): void {
  const { paths, formId, requires } = steps;
  routes.page(
    'GET',
    paths.form,
    'signed-in',
    async (request, _reply, view) => {
      const kept = await view.recall(formId);
      const personId = linkedPersonId(request);
      const current = kept ? {} : await steps.current(personId, selfContext(request, personId));
      const form = formView(view.t, 'person', request.csrfToken(), kept, current);
      return view.send(formPage(form, steps.key, steps.fields(form)));
    },
    requires,
  );
  routes.page(
    'POST',
    paths.form,
    'signed-in',
    async (request, _reply, view) => {
      const values = formValues(request);
      const result = steps.validate(values);
      if (!result.ok) return view.refuse(formId, { values, errors: result.errors });
      // Nothing is saved yet: what was typed is kept, with no errors, for the check page to show.
      return view.refuse(formId, { values, errors: {} }, { target: paths.check });
    },
    requires,
  );
  routes.page(
    'GET',
    paths.check,
    'signed-in',
    async (request, _reply, view) => {
      const kept = await view.recall(formId);
      const result = kept ? steps.validate(kept.values) : undefined;
      if (!result?.ok) return view.redirect(paths.form);
      const rows = steps.rows(view.t, result.value);
      return view.send(checkPage(view.t, steps.key, rows, request.csrfToken()));
    },
    requires,
  );
  routes.page(
    'POST',
    paths.check,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const kept = await view.recall(formId);
      if (!kept) return view.redirect(paths.form);
      const result = steps.validate(kept.values);
      if (!result.ok)
        return view.refuse(formId, { values: kept.values, errors: result.errors }, { target: paths.form });
      const context = selfContext(request, personId);
      await steps.save(personId, result.value, context, { reference: newReference() });
      await view.accept(formId);
      return view.redirect(paths.done);
    },
    requires,
  );
  routes.page(
    'GET',
    paths.done,
    'signed-in',
    async (request, _reply, view) => {
      const change = await person.findLatestReferencedChange(linkedPersonId(request), steps.element);
      if (!change?.reference) return view.redirect(profile);
      const links = { profile, ...(steps.follow ? { follow: steps.follow } : {}) };
      return view.send(
        confirmationPage(view.t, steps.key, { reference: change.reference, at: change.occurred_at }, links),
      );
    },
    requires,
  );
}

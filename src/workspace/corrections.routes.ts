import { formStrings, formValues, listOf, stringsOf } from '../platform/forms/form-body.ts';
import type { FieldErrors, FormValues } from '../platform/forms/form-memory.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { checkAddress, checkContact } from '../person/index.ts';
import type { ChangeOptions, PersonService, Profile } from '../person/index.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { correctionReasonError, openClientFile } from './client-file.ts';
import type { FileAccessService } from './file-access.service.ts';
import { workspaceNotices } from './workspace.routes.ts';
import { workspacePaths } from './workspace.paths.ts';
import { correctionPage } from './views/client-record.views.ts';
import type { CorrectionKind } from './views/client-record.views.ts';

export interface CorrectionRouteDependencies {
  readonly person: PersonService;
  readonly files: FileAccessService;
}

type Save = (
  person: PersonService,
  personId: string,
  context: AccessContext,
  options: ChangeOptions,
) => Promise<unknown>;

/** A correction with its own page: the person's own form and validation, plus the reason staff must give. */
interface CorrectionForm {
  readonly kind: CorrectionKind;
  current(profile: Profile): FormValues;
  check(values: FormValues): { ok: true; save: Save } | { ok: false; errors: FieldErrors };
}

const CORRECTION_FORMS: readonly CorrectionForm[] = [
  {
    kind: 'address',
    current({ currentAddress: a }): FormValues {
      if (!a) return {};
      const { kind, line1, city, provinceCode, postalCode, effectiveFrom } = a;
      return { kind, line1, line2: a.line2 ?? '', city, provinceCode, postalCode, effectiveFrom };
    },
    check(values) {
      const result = checkAddress(stringsOf(values));
      if (!result.ok) return result;
      return {
        ok: true,
        save: (p, id, context, options) => p.changeAddress(id, result.value, context, options),
      };
    },
  },
  {
    kind: 'contact',
    current: ({ contact, preferredLanguage }) => ({
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      preferredLanguage,
      preferredChannel: contact.preferredChannel,
      accessibilityNeeds: contact.accessibilityNeeds ?? '',
      alternateFormats: contact.alternateFormats,
    }),
    check(values) {
      const result = checkContact({
        ...stringsOf(values),
        alternateFormats: listOf(values, 'alternateFormats'),
      });
      if (!result.ok) return result;
      return {
        ok: true,
        save: (p, id, context, options) => p.changeContact(id, result.value, context, options),
      };
    },
  },
];

/** Staff correct an address or contact details on pages of their own, with the reason they must give. */
export function registerCorrectionRoutes(routes: RouteTable, deps: CorrectionRouteDependencies): void {
  for (const form of CORRECTION_FORMS) registerCorrectionForm(routes, deps, form);
}

function registerCorrectionForm(
  routes: RouteTable,
  deps: CorrectionRouteDependencies,
  form: CorrectionForm,
): void {
  const path = form.kind === 'address' ? workspacePaths.correctAddress : workspacePaths.correctContact;
  const formId = (personId: string) => `workspace.correct-${form.kind}:${personId}`;
  routes.page('GET', path, 'permission:client.act-on-behalf', async (request, reply, view) => {
    const file = await openClientFile(request, reply, view, deps.files);
    if (!file) return reply;
    const profile = await deps.person.getProfile(file.personId, file.context);
    const subject = { personId: file.personId, name: `${profile.givenName} ${profile.familyName}` };
    const kept = await view.recall(formId(file.personId));
    const fields = formView(view.t, 'person', request.csrfToken(), kept, form.current(profile));
    return view.send(correctionPage(fields, subject, form.kind));
  });
  routes.page('POST', path, 'permission:client.act-on-behalf', async (request, reply, view) => {
    const file = await openClientFile(request, reply, view, deps.files);
    if (!file) return reply;
    const values = formValues(request);
    const reason = (formStrings(request).reason ?? '').trim();
    const result = form.check(values);
    const reasonError = correctionReasonError(reason);
    if (!result.ok || reasonError) {
      const errors = {
        ...(result.ok ? {} : result.errors),
        ...(reasonError ? { reason: `workspace.errors.${reasonError}` } : {}),
      };
      return view.refuse(formId(file.personId), { values, errors });
    }
    await result.save(deps.person, file.personId, file.context, { correctionReason: reason });
    await view.accept(formId(file.personId));
    return view.redirect(workspacePaths.clientRecord, { notice: workspaceNotices.corrected });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { setFlash } from '../identity/flash.ts';
import type { Profile } from './registry-profile.ts';
import { registryPaths } from './registry.paths.ts';
import { checkAddress, checkContact } from './registry.schemas.ts';
import type { FieldErrors } from './registry.schemas.ts';
import type { ChangeOptions, RegistryService } from './registry.service.ts';
import { formBody, correctionReasonError, openClientFile, stringsOf } from './registry.http.ts';
import type { FormBody } from './registry.http.ts';
import type { AccessContext } from './registry.types.ts';
import { staffAddressCorrectionPage, staffContactCorrectionPage } from './views/staff.views.ts';

/** Staff correct an address or contact details on pages of their own, with the reason they must give. */
export function registerCorrectionForms(
  app: FastifyInstance,
  routes: RouteTable,
  registry: RegistryService,
): void {
  for (const form of CORRECTION_FORMS) registerCorrectionForm(app, routes, registry, form);
}

type Save = (
  registry: RegistryService,
  personId: string,
  context: AccessContext,
  options: ChangeOptions,
) => Promise<unknown>;

/** A correction with its own page: the person's own form and validation, plus the reason staff must give. */
interface CorrectionForm {
  path: (typeof registryPaths)['staffCorrectAddress' | 'staffCorrectContact'];
  page: typeof staffAddressCorrectionPage;
  current(profile: Profile): Record<string, string>;
  check(values: Record<string, string>): { ok: true; save: Save } | { ok: false; errors: FieldErrors };
}

const CORRECTION_FORMS: readonly CorrectionForm[] = [
  {
    path: registryPaths.staffCorrectAddress,
    page: staffAddressCorrectionPage,
    current({ currentAddress: a }): Record<string, string> {
      if (!a) return {};
      const { kind, line1, city, provinceCode, postalCode, effectiveFrom } = a;
      return { kind, line1, line2: a.line2 ?? '', city, provinceCode, postalCode, effectiveFrom };
    },
    check(values) {
      const result = checkAddress(values);
      if (!result.ok) return result;
      return {
        ok: true,
        save: (r, id, context, options) => r.changeAddress(id, result.value, context, options),
      };
    },
  },
  {
    path: registryPaths.staffCorrectContact,
    page: staffContactCorrectionPage,
    current: ({ contact, preferredLanguage }) => ({
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      preferredLanguage,
      preferredChannel: contact.preferredChannel,
      accessibilityNeeds: contact.accessibilityNeeds ?? '',
      alternateFormats: contact.alternateFormats.join(','),
    }),
    check(values) {
      const result = checkContact({
        ...values,
        alternateFormats: (values.alternateFormats ?? '').split(','),
      });
      if (!result.ok) return result;
      return {
        ok: true,
        save: (r, id, context, options) => r.changeContact(id, result.value, context, options),
      };
    },
  },
];

/** What staff typed, as strings that survive the redirect (checkboxes joined with commas). */
function typedValues(body: FormBody): Record<string, string> {
  return {
    ...stringsOf(body),
    alternateFormats: ([] as string[]).concat(body.alternateFormats ?? []).join(','),
  };
}

function registerCorrectionForm(
  app: FastifyInstance,
  routes: RouteTable,
  registry: RegistryService,
  form: CorrectionForm,
): void {
  // The form as the record stands, or again with what was typed and why it was refused: shown from the
  // request, not through a cookie, so nothing typed is lost, however long.
  const show = async (
    { request, reply, lang, file }: ShownTo,
    valuesFor: (profile: Profile) => Record<string, string>,
    errors: FieldErrors,
  ): Promise<FastifyReply> => {
    const profile = await registry.getProfile(file.personId, file.context);
    const subject = { personId: file.personId, name: `${profile.givenName} ${profile.familyName}` };
    const page = form.page(translator(lang), subject, valuesFor(profile), errors, request.csrfToken());
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    return sendPageAt(request, reply, lang, form.path, page, { params: { personId: file.personId }, status });
  };
  routes.page(app, 'GET', form.path, 'permission:client.act-on-behalf', async (request, reply, lang) => {
    const file = await openClientFile(request, reply);
    if (!file) return reply;
    return show({ request, reply, lang, file }, form.current, {});
  });
  routes.page(app, 'POST', form.path, 'permission:client.act-on-behalf', async (request, reply, lang) => {
    const file = await openClientFile(request, reply);
    if (!file) return reply;
    const values = typedValues(formBody(request));
    const reason = (values.reason ?? '').trim();
    const result = form.check(values);
    const reasonError = correctionReasonError(reason);
    if (!result.ok || reasonError) {
      const errors = { ...(result.ok ? {} : result.errors), ...(reasonError ? { reason: reasonError } : {}) };
      return show({ request, reply, lang, file }, () => values, errors);
    }
    await result.save(registry, file.personId, file.context, { correctionReason: reason });
    setFlash(reply, { notice: 'corrected' });
    return reply.redirect(pathFor(registryPaths.staffRecord, lang, { personId: file.personId }), 303);
  });
}

interface ShownTo {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly lang: Lang;
  readonly file: { personId: string; context: AccessContext };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { alternateFor, pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPage } from '../platform/http/pages.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { setFlash, takeFlash } from '../identity/flash.ts';
import { requireClientFileAccess } from '../identity/identity.guards.ts';
import type { MaritalStatus } from '../population/population.tables.ts';
import type { Profile } from './registry-profile.ts';
import type { ClientRecordServices } from './registry.module.ts';
import { registryPaths } from './registry.paths.ts';
import { checkAddress, checkContact, isIsoDate } from './registry.schemas.ts';
import type { FieldErrors } from './registry.schemas.ts';
import type { ChangeOptions, RegistryService } from './registry.service.ts';
import { formBody, staffContext, stringsOf } from './registry.http.ts';
import type { FormBody } from './registry.http.ts';
import type { ResidenceStatus } from './registry.tables.ts';
import type { AccessContext } from './registry.types.ts';
import { errorsFromFlash, errorsToFlash } from './views/form.views.ts';
import {
  CORRECTABLE,
  staffAddressCorrectionPage,
  staffContactCorrectionPage,
  staffRecordPage,
} from './views/staff.views.ts';

const MARITAL = ['single', 'married', 'common-law', 'separated', 'divorced', 'widowed'];
const RESIDENCE = ['citizen', 'permanent-resident', 'temporary-resident', 'protected-person', 'non-resident'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function openFile(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ personId: string; context: AccessContext; purpose: string } | null> {
  const { personId } = request.params as { personId: string };
  if (!UUID.test(personId)) {
    await reply.callNotFound();
    return null;
  }
  const access = await requireClientFileAccess(request, reply, personId);
  return access ? { personId, context: staffContext(request, access), purpose: access.purpose } : null;
}

export function registerStaffRecordRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: ClientRecordServices,
): void {
  const { registry, exchange } = services;
  routes.page(
    app,
    'GET',
    registryPaths.staffRecord,
    'permission:client.file.read',
    async (request, reply, lang) => {
      const file = await openFile(request, reply);
      if (!file) return reply;
      const permissions =
        request.identity?.kind === 'staff' ? request.identity.permissions : new Set<string>();
      // Field-level masking (ASVS 14.2.6): bank account digits only with the banking permission.
      const profile = await registry.getProfile(file.personId, file.context, {
        revealBanking: permissions.has('registry.banking.read'),
      });
      const view = {
        profile,
        changes: await registry.listChanges(file.personId),
        told: await exchange.service.whoWasTold(file.personId),
        purpose: file.purpose,
        canCorrect: permissions.has('client.act-on-behalf'),
      };
      const flash = takeFlash(request, reply);
      const page = staffRecordPage(
        translator(lang),
        view,
        flash.values,
        errorsFromFlash(flash.errors),
        request.csrfToken(),
        flash.notice,
      );
      return sendPage(
        request,
        reply,
        lang,
        alternateFor(request, registryPaths.staffRecord, lang, { personId: file.personId }),
        page,
      );
    },
  );
  routes.page(
    app,
    'POST',
    registryPaths.staffCorrect,
    'permission:client.act-on-behalf',
    async (request, reply, lang) => {
      const file = await openFile(request, reply);
      if (!file) return reply;
      const values = stringsOf(formBody(request));
      const errors = correctionErrors(values);
      const back = pathFor(registryPaths.staffRecord, lang, { personId: file.personId });
      if (Object.keys(errors).length > 0) {
        setFlash(reply, { errors: errorsToFlash(errors), values });
        return reply.redirect(`${back}#element`, 303);
      }
      await applyCorrection(services, file.personId, values, file.context);
      setFlash(reply, { notice: 'corrected' });
      return reply.redirect(back, 303);
    },
  );
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
  routes.page(app, 'GET', form.path, 'permission:client.act-on-behalf', async (request, reply, lang) => {
    const file = await openFile(request, reply);
    if (!file) return reply;
    const profile = await registry.getProfile(file.personId, file.context);
    const flash = takeFlash(request, reply);
    const subject = { personId: file.personId, name: `${profile.givenName} ${profile.familyName}` };
    const values = flash.errors.length > 0 ? flash.values : form.current(profile);
    const errors = errorsFromFlash(flash.errors);
    const page = form.page(translator(lang), subject, values, errors, request.csrfToken());
    const alternate = alternateFor(request, form.path, lang, { personId: file.personId });
    return sendPage(request, reply, lang, alternate, page);
  });
  routes.page(app, 'POST', form.path, 'permission:client.act-on-behalf', async (request, reply, lang) => {
    const file = await openFile(request, reply);
    if (!file) return reply;
    const values = typedValues(formBody(request));
    const reason = (values.reason ?? '').trim();
    const result = form.check(values);
    if (!result.ok || reason.length < 5) {
      const errors = {
        ...(result.ok ? {} : result.errors),
        ...(reason.length < 5 ? { reason: 'reason' } : {}),
      };
      setFlash(reply, { errors: errorsToFlash(errors), values });
      return reply.redirect(pathFor(form.path, lang, { personId: file.personId }), 303);
    }
    await result.save(registry, file.personId, file.context, { correctionReason: reason });
    setFlash(reply, { notice: 'corrected' });
    return reply.redirect(pathFor(registryPaths.staffRecord, lang, { personId: file.personId }), 303);
  });
}

function correctionErrors(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const value = (values.value ?? '').trim();
  const element = values.element ?? '';
  if (!(CORRECTABLE as readonly string[]).includes(element)) errors.element = 'element';
  else if (element === 'marital-status' && !MARITAL.includes(value)) errors.value = 'maritalStatus';
  else if (element === 'residence-status' && !RESIDENCE.includes(value)) errors.value = 'residenceStatus';
  else if (element === 'life-status' && !isIsoDate(value)) errors.value = 'date';
  if ((values.reason ?? '').trim().length < 5) errors.reason = 'reason';
  return errors;
}

async function applyCorrection(
  services: ClientRecordServices,
  personId: string,
  values: Record<string, string>,
  context: AccessContext,
): Promise<void> {
  const value = (values.value ?? '').trim();
  const options = { correctionReason: (values.reason ?? '').trim() };
  if (values.element === 'marital-status')
    await services.registry.changeMaritalStatus(personId, value as MaritalStatus, context, options);
  else if (values.element === 'residence-status')
    await services.registry.changeResidenceStatus(personId, value as ResidenceStatus, context, options);
  else await services.registry.recordDeath(personId, value, context, options);
}

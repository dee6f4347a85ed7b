import type { FastifyInstance } from 'fastify';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { setFlash, takeFlash } from '../identity/flash.ts';
import type { MaritalStatus } from '../population/population.tables.ts';
import type { ClientRecordServices } from './registry.module.ts';
import { registryPaths } from './registry.paths.ts';
import { isIsoDate } from './registry.schemas.ts';
import { formBody, correctionReasonError, openClientFile, stringsOf } from './registry.http.ts';
import { registerCorrectionForms } from './registry-staff-corrections.routes.ts';
import type { ResidenceStatus } from './registry.tables.ts';
import type { AccessContext } from './registry.types.ts';
import { errorsFromFlash, errorsToFlash } from './views/form.views.ts';
import { CORRECTABLE, staffRecordPage } from './views/staff.views.ts';

const MARITAL = ['single', 'married', 'common-law', 'separated', 'divorced', 'widowed'];
const RESIDENCE = ['citizen', 'permanent-resident', 'temporary-resident', 'protected-person', 'non-resident'];

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
      const file = await openClientFile(request, reply);
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
      return sendPageAt(request, reply, lang, registryPaths.staffRecord, page, {
        params: { personId: file.personId },
      });
    },
  );
  routes.page(
    app,
    'POST',
    registryPaths.staffCorrect,
    'permission:client.act-on-behalf',
    async (request, reply, lang) => {
      const file = await openClientFile(request, reply);
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
  registerCorrectionForms(app, routes, registry);
}

function correctionErrors(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const value = (values.value ?? '').trim();
  const element = values.element ?? '';
  if (!(CORRECTABLE as readonly string[]).includes(element)) errors.element = 'element';
  else if (element === 'marital-status' && !MARITAL.includes(value)) errors.value = 'maritalStatus';
  else if (element === 'residence-status' && !RESIDENCE.includes(value)) errors.value = 'residenceStatus';
  else if (element === 'life-status' && !isIsoDate(value)) errors.value = 'date';
  const reasonError = correctionReasonError(values.reason);
  if (reasonError) errors.reason = reasonError;
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

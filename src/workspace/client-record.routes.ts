import type { AccessContext } from '../platform/audit/access-context.ts';
import { formStrings } from '../platform/forms/form-body.ts';
import { formView } from '../platform/forms/form-view.ts';
import { staffOf } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { isIsoDate } from '../person/index.ts';
import type { MaritalStatus, PersonService, ResidenceStatus } from '../person/index.ts';
import type { ExchangeService } from '../exchange/index.ts';
import { correctionReasonError, openClientFile } from './client-file.ts';
import type { FileAccessService } from './file-access.service.ts';
import { workspaceNotices } from './workspace.routes.ts';
import { workspacePaths } from './workspace.paths.ts';
import { CORRECTABLE, MARITAL, RESIDENCE, staffRecordPage } from './views/client-record.views.ts';

export interface ClientRecordRouteDependencies {
  readonly person: PersonService;
  readonly sharing: Pick<ExchangeService, 'whoWasTold'>;
  readonly files: FileAccessService;
}

const codes = (list: readonly string[]) => list;

/** The date of death from its three fields (day, month, year), as YYYY-MM-DD; '' when incomplete. */
function deathDateOf(values: Record<string, string>): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) =>
    (values[`deathDate-${part}`] ?? '').trim(),
  );
  if (!day || !month || !year || !/^\d{4}$/.test(year)) return '';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
const correctForm = (personId: string) => `workspace.correct:${personId}`;

/** The client record as staff see it, and the inline correction of marital, residence or life status. */
export function registerClientRecordRoutes(routes: RouteTable, deps: ClientRecordRouteDependencies): void {
  routes.page(
    'GET',
    workspacePaths.clientRecord,
    'permission:client.file.read',
    async (request, reply, view) => {
      const file = await openClientFile(request, reply, view, deps.files);
      if (!file) return reply;
      const permissions = staffOf(request).permissions;
      // Field-level masking (ASVS 14.2.6): bank account digits only with the banking permission.
      const { profile, changes } = await deps.person.getProfileWithChanges(file.personId, file.context, {
        revealBanking: permissions.has('registry.banking.read'),
      });
      const record = {
        profile,
        changes,
        told: await deps.sharing.whoWasTold(file.personId),
        purpose: file.purpose,
        canCorrect: permissions.has('client.act-on-behalf'),
      };
      const form = formView(
        view.t,
        'workspace',
        request.csrfToken(),
        await view.recall(correctForm(file.personId)),
      );
      return view.send(staffRecordPage(form, record));
    },
  );
  routes.page(
    'POST',
    workspacePaths.correct,
    'permission:client.act-on-behalf',
    async (request, reply, view) => {
      const file = await openClientFile(request, reply, view, deps.files);
      if (!file) return reply;
      const values = formStrings(request);
      const errors = correctionErrors(values);
      const back = { target: workspacePaths.clientRecord, hash: 'element' };
      if (Object.keys(errors).length > 0)
        return view.refuse(correctForm(file.personId), { values, errors }, back);
      await applyCorrection(deps.person, file.personId, values, file.context);
      await view.accept(correctForm(file.personId));
      return view.redirect(workspacePaths.clientRecord, { notice: workspaceNotices.corrected });
    },
  );
}

function correctionErrors(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const value = (values.value ?? '').trim();
  const element = values.element ?? '';
  if (!(CORRECTABLE as readonly string[]).includes(element)) errors.element = 'element';
  else if (element === 'marital-status' && !codes(MARITAL).includes(value)) errors.value = 'maritalStatus';
  else if (element === 'residence-status' && !codes(RESIDENCE).includes(value))
    errors.value = 'residenceStatus';
  else if (element === 'life-status' && !isIsoDate(deathDateOf(values)))
    errors.deathDate = 'person.errors.date';
  const reasonError = correctionReasonError(values.reason);
  if (reasonError) errors.reason = reasonError;
  return errors;
}

async function applyCorrection(
  person: PersonService,
  personId: string,
  values: Record<string, string>,
  context: AccessContext,
): Promise<void> {
  const value = (values.value ?? '').trim();
  const options = { correctionReason: (values.reason ?? '').trim() };
  if (values.element === 'marital-status')
    await person.changeMaritalStatus(personId, value as MaritalStatus, context, options);
  else if (values.element === 'residence-status')
    await person.changeResidenceStatus(personId, value as ResidenceStatus, context, options);
  else await person.recordDeath(personId, deathDateOf(values), context, options);
}

import type { FastifyRequest } from 'fastify';
import type { RouteTable, BilingualPath } from '../platform/http/route-table.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import type { PaymentsModule } from './payments.module.ts';
import { paymentsPaths } from './payments.paths.ts';
import { runPage, runsPage } from './views/runs.views.ts';
import { myPaymentsPage } from './views/my-payments.views.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import type { ProgrammeName } from './views/runs.views.ts';
import { myPaymentsExtras } from './statements/statements.routes.ts';

export const paymentNotices = defineNotices('payments.notices', [
  'prepared',
  'joined',
  'released',
  'approvedNeedsSecond',
  'ownRun',
  'alreadyApproved',
  'notReady',
  'returnsLoaded',
  'cancelled',
  'alreadyCancelled',
  'notCancellable',
]);

export interface PaymentRouteDependencies {
  readonly payments: PaymentsModule;
  /** The programmes a run can pay, with their names. */
  readonly programmes: () => Promise<readonly ProgrammeName[]>;
  readonly staffHome: BilingualPath;
  readonly onBackgroundError: (error: unknown) => void;
}

const PREPARE_FORM = 'payments.prepare';
const runIdOf = (request: FastifyRequest) => parseUuid((request.params as { runId?: string }).runId);

export function staffContext(request: FastifyRequest): AccessContext {
  const staff = staffOf(request);
  return {
    actor: { type: 'staff', id: staff.staffId, role: staff.roles[0] ?? null, agencyId: staff.agencyId },
    channel: 'online',
    purpose: 'payment-run',
    correlationId: request.id,
  };
}

/** The payments office: prepare a run, watch it, release it (four eyes), download its bank files. */
export function registerPaymentRunRoutes(routes: RouteTable, deps: PaymentRouteDependencies): void {
  const { payments, staffHome } = deps;
  routes.page('GET', paymentsPaths.runs, 'permission:payments.read', async (request, _reply, view) => {
    const form = formView(view.t, 'payments', request.csrfToken(), await view.recall(PREPARE_FORM));
    return view.send(runsPage(form, await payments.runs.list(), await deps.programmes(), staffHome));
  });
  routes.page('POST', paymentsPaths.runs, 'permission:payments.prepare', async (request, _reply, view) => {
    const input = formStrings(request);
    const programmes = await deps.programmes();
    const errors: Record<string, string> = {};
    if (!programmes.some((p) => p.id === input.programmeId)) errors.programmeId = 'programmeRequired';
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period ?? '')) errors.period = 'periodInvalid';
    if (Object.keys(errors).length > 0)
      return view.refuse(PREPARE_FORM, { values: formValues(request), errors });
    const request_ = {
      programmeId: input.programmeId ?? '',
      period: input.period ?? '',
      preparedBy: staffOf(request).staffId,
    };
    const { run, joined } = await payments.runs.start(request_, staffContext(request));
    payments.runs.resumeInBackground(run.id, deps.onBackgroundError);
    await view.accept(PREPARE_FORM);
    const notice = joined ? paymentNotices.joined : paymentNotices.prepared;
    return view.redirect(paymentsPaths.run, { params: { runId: run.id }, notice });
  });
  routes.page('GET', paymentsPaths.run, 'permission:payments.read', async (request, reply, view) => {
    const runId = runIdOf(request);
    const run = runId ? await payments.runs.get(runId) : null;
    if (!run) return reply.callNotFound();
    const data = {
      run,
      byStatus: await payments.statusOf(run.id),
      files: await payments.files.list(run.id),
      programmes: await deps.programmes(),
      csrf: request.csrfToken(),
      canRelease: staffOf(request).permissions.has('payments.release'),
      canCancel: staffOf(request).permissions.has('payments.cancel'),
    };
    return view.send(runPage(view.t, data, staffHome));
  });
  routes.page('POST', paymentsPaths.release, 'permission:payments.release', async (request, reply, view) => {
    const runId = runIdOf(request);
    if (!runId) return reply.callNotFound();
    const decided = await payments.release.release(runId, staffOf(request).staffId, staffContext(request));
    if (decided.outcome === 'refused' && decided.reason === 'not-found') return reply.callNotFound();
    const notice =
      decided.outcome === 'released'
        ? paymentNotices.released
        : decided.outcome === 'approved-needs-second'
          ? paymentNotices.approvedNeedsSecond
          : {
              'own-run': paymentNotices.ownRun,
              'already-approved-by-you': paymentNotices.alreadyApproved,
              'not-ready': paymentNotices.notReady,
              'not-found': paymentNotices.notReady,
            }[decided.reason];
    return view.redirect(paymentsPaths.run, { params: { runId }, notice });
  });
  routes.page('POST', paymentsPaths.cancel, 'permission:payments.cancel', async (request, reply, view) => {
    const runId = runIdOf(request);
    if (!runId) return reply.callNotFound();
    const decided = await payments.cancel.cancel(runId, staffContext(request));
    if (decided.outcome === 'refused' && decided.reason === 'not-found') return reply.callNotFound();
    const notice =
      decided.outcome === 'cancelled'
        ? paymentNotices.cancelled
        : {
            'already-cancelled': paymentNotices.alreadyCancelled,
            'not-cancellable': paymentNotices.notCancellable,
            'not-found': paymentNotices.notCancellable,
          }[decided.reason];
    return view.redirect(paymentsPaths.run, { params: { runId }, notice });
  });
  routes.page('GET', paymentsPaths.file, 'permission:payments.read', async (request, reply) => {
    const runId = runIdOf(request);
    const format = (request.params as { format?: string }).format;
    if (!runId || (format !== 'cpa005' && format !== 'pain.001')) return reply.callNotFound();
    const opened = await payments.files.open(runId, format, staffOf(request).staffId, staffContext(request));
    if (!opened.ok) return reply.callNotFound();
    return reply
      .header('content-type', opened.file.contentType)
      .header('content-disposition', `attachment; filename="${opened.file.filename}"`)
      .header('cache-control', 'no-store')
      .send(opened.file.body);
  });
}

/** My payments: past, upcoming and returned payments, the account masked. */
export function registerMyPaymentsRoutes(
  routes: RouteTable,
  deps: Pick<PaymentRouteDependencies, 'payments' | 'programmes'> & {
    readonly crumbs: (t: {
      t(key: string): string;
      lang: 'en' | 'fr';
    }) => readonly { href: string; label: string }[];
    /** Where the person updates their direct deposit (a returned payment says to). */
    readonly directDeposit?: BilingualPath;
  },
): void {
  routes.page(
    'GET',
    paymentsPaths.myPayments,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const context = selfContext(request, personId);
      const payments = await deps.payments.mine.paymentsOf(personId, context);
      const programmes = await deps.programmes();
      const name = (id: string) => programmes.find((p) => p.id === id)?.name[view.t.lang] ?? id;
      const more = await myPaymentsExtras(deps.payments, view.t, personId, context, name);
      const deposit = deps.directDeposit ? view.path(deps.directDeposit) : null;
      return view.send(myPaymentsPage(view.t, payments, programmes, deps.crumbs(view.t), deposit, more));
    },
    { linkedPerson: true },
  );
}

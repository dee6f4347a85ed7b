import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteTable, BilingualPath } from '../platform/http/route-table.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings } from '../platform/forms/form-body.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { PaymentsModule } from './payments.module.ts';
import { paymentsPaths } from './payments.paths.ts';
import { paymentReturnsPaths } from './payment-returns.paths.ts';
import { staffContext } from './payments.routes.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { CLOSE_REASONS, followUpPage, loadPage, uploadPage } from './views/returns.views.ts';
import { reconciliationPage } from './views/reconciliation.views.ts';
import { reconciliationCsv } from './reconciliation/reconciliation.ts';
import { RETURNS_MAX_BYTES } from './returns/returns-upload.ts';
import type { ProgrammeName } from './views/runs.views.ts';
import { registerReturnMatchRoutes } from './return-match.routes.ts';

export interface PaymentReturnRouteDependencies {
  readonly payments: PaymentsModule;
  readonly programmes: () => Promise<readonly ProgrammeName[]>;
  readonly staffHome: BilingualPath;
  /** Staff members' display names by id (the identity module's, wired by the root), to say who proposed a match. */
  readonly staffNames: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** A client's file in the staff workspace, linked from the follow-up list for staff who may open it. */
  readonly clientFile?: { readonly path: BilingualPath; readonly permission: string };
}

/** A file part as the multipart body carries it (see `registerMultipart`). */
interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

export const paymentReturnNotices = defineNotices('payment-returns.notices', [
  'loaded',
  'closed',
  'notClosed',
  'chequesMissingAddress',
  'chequesNone',
]);

const UPLOAD_FORM = 'payments.returns-upload';

/** A multipart body no browser sends: the error handler answers it with the bilingual 400 page. */
class MalformedUploadError extends Error {
  readonly statusCode = 400;
  constructor() {
    super('The upload carries no file part');
    this.name = 'MalformedUploadError';
  }
}
const idOf = (request: FastifyRequest, name: string) =>
  parseUuid((request.params as Record<string, string | undefined>)[name]);

function download(reply: FastifyReply, file: { filename: string; contentType: string; body: unknown }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** The payments office's returns: upload a bank's returns file, see what it matched and held. */
export function registerPaymentReturnRoutes(routes: RouteTable, deps: PaymentReturnRouteDependencies): void {
  const { payments, staffHome } = deps;
  routes.page('GET', paymentsPaths.returns, 'permission:payments.returns.load', async (request, _r, view) => {
    const form = formView(view.t, 'payment-returns', request.csrfToken(), await view.recall(UPLOAD_FORM));
    const loads = await payments.returns.recentLoads();
    return view.send(uploadPage(form, loads, staffHome, RETURNS_MAX_BYTES / 1024 / 1024));
  });
  routes.page(
    'POST',
    paymentsPaths.returns,
    'permission:payments.returns.load',
    async (request, _reply, view) => {
      const file = ((request.body ?? {}) as Record<string, unknown>).file as UploadedFile | undefined;
      // A browser always sends the file part, empty when none was chosen: a body without one is malformed.
      if (file === null || typeof file !== 'object') throw new MalformedUploadError();
      const bytes = Buffer.isBuffer(file.bytes) ? file.bytes : undefined;
      const outcome = await payments.returns.upload(
        { filename: file.filename, bytes, truncated: file.truncated },
        staffOf(request).staffId,
        staffContext(request),
      );
      if (!outcome.ok) return view.refuse(UPLOAD_FORM, { values: {}, errors: { file: outcome.code } });
      await view.accept(UPLOAD_FORM);
      return view.redirect(paymentReturnsPaths.load, {
        params: { loadId: outcome.loadId },
        notice: paymentReturnNotices.loaded,
      });
    },
    { files: true },
  );
  routes.page(
    'GET',
    paymentReturnsPaths.load,
    'permission:payments.returns.load',
    async (request, reply, view) => {
      const loadId = idOf(request, 'loadId');
      const load = loadId ? await payments.returns.loadOf(loadId) : null;
      if (!load) return reply.callNotFound();
      return view.send(loadPage(view.t, load, await deps.programmes(), staffHome));
    },
  );
  registerFollowUp(routes, deps);
  registerReturnMatchRoutes(routes, deps);
  registerRunReports(routes, deps);
}

/** The agents' follow-up of returns: waiting for new banking details, or held because they matched nothing. */
function registerFollowUp(routes: RouteTable, deps: PaymentReturnRouteDependencies): void {
  const { payments, staffHome } = deps;
  const access = 'permission:payments.returns.follow-up' as const;
  routes.page('GET', paymentReturnsPaths.followUp, access, async (request, _reply, view) => {
    const staff = staffOf(request);
    const client = deps.clientFile;
    const data = {
      tasks: await payments.returns.tasks(),
      programmes: await deps.programmes(),
      csrf: request.csrfToken(),
      clientFile:
        client && staff.permissions.has(client.permission)
          ? (personId: string) => pathFor(client.path, view.lang, { personId })
          : null,
    };
    return view.send(followUpPage(view.t, data, staffHome));
  });
  routes.page('POST', paymentReturnsPaths.close, access, async (request, reply, view) => {
    const returnId = idOf(request, 'returnId');
    const reason = formStrings(request).reason ?? '';
    if (!returnId) return reply.callNotFound();
    if (!(CLOSE_REASONS as readonly string[]).includes(reason))
      return view.redirect(paymentReturnsPaths.followUp, { notice: paymentReturnNotices.notClosed });
    const closed = await payments.returns.close(
      returnId,
      reason,
      staffOf(request).staffId,
      staffContext(request),
    );
    const notice = closed ? paymentReturnNotices.closed : paymentReturnNotices.notClosed;
    return view.redirect(paymentReturnsPaths.followUp, { notice });
  });
}

const csvHeaders = (t: Translator) =>
  (['line', 'label', 'count', 'cents', 'amount'] as const).map((key) =>
    t.t(`payment-returns.reconciliation.csv.${key}`),
  ) as [string, string, string, string, string];

/** The run's reconciliation (page and CSV) and its cheque print file. */
function registerRunReports(routes: RouteTable, deps: PaymentReturnRouteDependencies): void {
  const { payments, staffHome } = deps;
  routes.page(
    'GET',
    paymentReturnsPaths.reconciliation,
    'permission:payments.read',
    async (request, reply, view) => {
      const runId = idOf(request, 'runId');
      const found = runId ? await payments.reconciliationOf(runId) : null;
      if (!found) return reply.callNotFound();
      const cheques = await payments.cheques.summaryOf(found.run.id);
      const data = { ...found, cheques, programmes: await deps.programmes() };
      return view.send(reconciliationPage(view.t, data, staffHome));
    },
  );
  routes.page(
    'GET',
    paymentReturnsPaths.reconciliationCsv,
    'permission:payments.read',
    async (request, reply, view) => {
      const runId = idOf(request, 'runId');
      const found = runId ? await payments.reconciliationOf(runId) : null;
      if (!found) return reply.callNotFound();
      const { t } = view;
      const body = reconciliationCsv(
        found.report,
        (line) => t.t(`payment-returns.reconciliation.lines.${line}`),
        csvHeaders(t),
      );
      const filename = `${found.run.programmeId}-${found.run.period}-reconciliation-${t.lang}.csv`;
      return download(reply, { filename, contentType: 'text/csv; charset=utf-8', body });
    },
  );
  routes.page(
    'GET',
    paymentReturnsPaths.cheques,
    'permission:payments.read',
    async (request, reply, view) => {
      const runId = idOf(request, 'runId');
      const file = (request.params as { file?: string }).file;
      if (!runId || (file !== 'pdf' && file !== 'manifest')) return reply.callNotFound();
      const opened = await payments.cheques.open(
        runId,
        file,
        await deps.programmes(),
        staffOf(request).staffId,
        staffContext(request),
      );
      if (opened.ok) return download(reply, opened);
      if (opened.reason === 'not-found') return reply.callNotFound();
      const notice =
        opened.reason === 'missing-address'
          ? paymentReturnNotices.chequesMissingAddress
          : paymentReturnNotices.chequesNone;
      return view.redirect(paymentReturnsPaths.reconciliation, { params: { runId }, notice });
    },
  );
}

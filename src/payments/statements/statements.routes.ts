import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { selfContext } from '../../platform/audit/access-context.ts';
import { linkedPersonId } from '../../platform/http/request-identity.ts';
import type { RouteTable, ViewContext } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Lang, Translator } from '../../platform/i18n/i18n.ts';
import type { PaymentsModule } from '../payments.module.ts';
import { paymentsPaths } from '../payments.paths.ts';
import { debtsSection, statementsSection } from '../views/debts.views.ts';
import { isSlipId } from './tax-slips.ts';

/** The staff client file, opened under a stated purpose (the root wires the workspace's own check). */
export type OpenClientFile = (
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
) => Promise<{ readonly personId: string; readonly context: AccessContext } | null>;

export interface StatementRouteDependencies {
  readonly payments: PaymentsModule;
  readonly openClientFile: OpenClientFile;
}

/** A year Guichet could have paid in: four digits, not in the future. */
function yearOf(request: FastifyRequest, now: Date): number | null {
  const raw = (request.params as { year?: string }).year ?? '';
  if (!/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= 2000 && year <= now.getUTCFullYear() ? year : null;
}

function sendPdf(reply: FastifyReply, name: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}.pdf"`)
    .header('cache-control', 'no-store')
    .send(body);
}

async function download(
  request: FastifyRequest,
  reply: FastifyReply,
  payments: PaymentsModule,
  who: { personId: string; context: AccessContext; lang: Lang },
  kind: 'statement' | 'slip',
): Promise<unknown> {
  const year = yearOf(request, new Date());
  if (year === null) return reply.callNotFound();
  if (kind === 'statement') {
    const pdf = await payments.statements.statementPdf(who.personId, year, who.lang, who.context);
    return pdf ? sendPdf(reply, `statement-${year}`, pdf) : reply.callNotFound();
  }
  const slip = (request.params as { slip?: string }).slip ?? '';
  if (!isSlipId(slip)) return reply.callNotFound();
  const pdf = await payments.statements.slipPdf(who.personId, year, slip, who.lang, who.context);
  return pdf ? sendPdf(reply, `${slip}-${year}`, pdf) : reply.callNotFound();
}

/** The person's statement and slips (My payments), and the same downloaded from the staff client file. */
export function registerStatementRoutes(routes: RouteTable, deps: StatementRouteDependencies): void {
  for (const [path, kind] of [
    [paymentsPaths.myStatement, 'statement'],
    [paymentsPaths.myTaxSlip, 'slip'],
  ] as const)
    routes.page(
      'GET',
      path,
      'signed-in',
      (request, reply, view) => {
        const personId = linkedPersonId(request);
        const who = { personId, context: selfContext(request, personId), lang: view.lang };
        return download(request, reply, deps.payments, who, kind);
      },
      { linkedPerson: true },
    );
  for (const [path, kind] of [
    [paymentsPaths.clientStatement, 'statement'],
    [paymentsPaths.clientTaxSlip, 'slip'],
  ] as const)
    routes.page('GET', path, 'permission:client.file.read', async (request, reply, view) => {
      const file = await deps.openClientFile(request, reply, view);
      if (!file) return reply;
      return download(request, reply, deps.payments, { ...file, lang: view.lang }, kind);
    });
}

/** What My payments adds below the payments: overpayments, then statements and tax slips. */
export async function myPaymentsExtras(
  payments: PaymentsModule,
  t: Translator,
  personId: string,
  context: AccessContext,
  names: (programmeId: string) => string,
): Promise<SafeHtml> {
  const [debts, years] = await Promise.all([
    payments.debts.debtsOf(personId, context),
    payments.statements.overview(personId, context),
  ]);
  return html`${debtsSection(t, debts, names)}${statementsSection(t, years, {
    statement: paymentsPaths.myStatement,
    slip: paymentsPaths.myTaxSlip,
  })}`;
}

/** The client file's payments section for staff: the last payments, overpayments, statements and slips. */
export function clientPaymentsSection(
  payments: PaymentsModule,
  programmeNames: (lang: Lang) => Promise<ReadonlyMap<string, string>>,
) {
  return async (
    personId: string,
    t: Translator,
    _csrf: string,
    context: AccessContext,
  ): Promise<SafeHtml> => {
    const names = await programmeNames(t.lang);
    const name = (id: string) => names.get(id) ?? id;
    const [recent, debts, years] = await Promise.all([
      payments.mine.paymentsOf(personId, context),
      payments.debts.debtsOf(personId, context),
      payments.statements.overview(personId, context),
    ]);
    const rows = recent.slice(0, 12);
    return html`<h2>${t.t('debts.staff.title')}</h2>
${
  rows.length === 0
    ? html`<p>${t.t('debts.staff.none')}</p>`
    : html`<table class="responsive"><caption>${t.t('debts.staff.caption')}</caption>
<thead><tr><th scope="col">${t.t('payments.runs.payDate')}</th><th scope="col">${t.t('payments.runs.programme')}</th><th scope="col">${t.t('payments.my.amount')}</th><th scope="col">${t.t('payments.runs.status')}</th></tr></thead>
<tbody>${rows.map(
        (p) => html`<tr><td data-label="${t.t('payments.runs.payDate')}">${t.date(p.payDate)}</td>
<td data-label="${t.t('payments.runs.programme')}">${name(p.programmeId)}${p.arrears ? html` ${t.t('payments.my.arrears', { period: t.month(p.period) })}` : ''}</td>
<td data-label="${t.t('payments.my.amount')}">${t.money(p.amountCents)}</td>
<td data-label="${t.t('payments.runs.status')}">${t.t(`payments.my.status.${p.upcoming ? 'upcoming' : p.status}`)}</td></tr>`,
      )}</tbody></table>`
}
${debts.length === 0 ? html`<p>${t.t('debts.staff.debtsNone')}</p>` : debtsSection(t, debts, name, 3)}
${statementsSection(t, years, { statement: paymentsPaths.clientStatement, slip: paymentsPaths.clientTaxSlip, params: { personId } }, 3)}`;
  };
}

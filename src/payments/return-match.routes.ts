import type { FastifyRequest } from 'fastify';
import type { RouteTable, BilingualPath } from '../platform/http/route-table.ts';
import { parseUuid, staffOf } from '../platform/http/request-identity.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import type { PaymentsModule } from './payments.module.ts';
import { paymentReturnsPaths } from './payment-returns.paths.ts';
import { staffContext } from './payments.routes.ts';
import type { CandidateSearch } from './returns/return-match.repository.ts';
import { matchesPage, matchPage } from './views/return-match.views.ts';
import type { ProgrammeName } from './views/runs.views.ts';

export interface ReturnMatchRouteDependencies {
  readonly payments: PaymentsModule;
  readonly programmes: () => Promise<readonly ProgrammeName[]>;
  readonly staffHome: BilingualPath;
  readonly staffNames: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

export const returnMatchNotices = defineNotices('payment-returns.match.notices', [
  'proposed',
  'notProposed',
  'matched',
  'ownProposal',
  'noProposal',
  'paymentChanged',
  'rejected',
]);

const PROPOSE_FORM = 'payments.return-match';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,7}(?:[.,]\d{1,2})?$/;

const stringsOf = (values: Readonly<Record<string, unknown>> | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

const returnIdOf = (request: FastifyRequest) =>
  parseUuid((request.params as Record<string, string | undefined>).returnId);

/** The search's criteria from the query, each checked; a wrong one is an error, never a 500. */
function searchOf(query: Record<string, string | undefined>) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const criteria: { -readonly [key in keyof CandidateSearch]?: CandidateSearch[key] } = {};
  for (const name of ['matchAmount', 'matchFrom', 'matchTo', 'matchReference'] as const)
    values[name] = (query[name] ?? '').trim().slice(0, 40);
  const amount = values.matchAmount ?? '';
  if (amount !== '') {
    if (AMOUNT.test(amount)) {
      const [dollars = '0', cents = ''] = amount.replace(',', '.').split('.');
      criteria.amountCents = Number(dollars) * 100 + Number(cents.padEnd(2, '0'));
    } else errors.matchAmount = 'matchAmountInvalid';
  }
  for (const [name, key] of [
    ['matchFrom', 'from'],
    ['matchTo', 'to'],
  ] as const) {
    const day = values[name] ?? '';
    if (day === '') continue;
    if (ISO_DAY.test(day) && !Number.isNaN(Date.parse(day))) criteria[key] = day;
    else errors[name] = 'matchDateInvalid';
  }
  if (values.matchReference) criteria.reference = values.matchReference.toUpperCase();
  return { values, errors, criteria };
}

/** Matching a held return to a payment by hand: a payments officer proposes, a supervisor confirms. */
export function registerReturnMatchRoutes(routes: RouteTable, deps: ReturnMatchRouteDependencies): void {
  const { payments } = deps;
  routes.page(
    'GET',
    paymentReturnsPaths.matches,
    'permission:payments.release',
    async (_request, _reply, view) => {
      const proposed = await payments.returnMatches.proposed();
      const names = await deps.staffNames(proposed.flatMap((held) => held.proposal?.proposedBy ?? []));
      return view.send(matchesPage(view.t, proposed, names, deps.staffHome));
    },
  );
  routes.page('GET', paymentReturnsPaths.match, 'permission:payments.read', async (request, reply, view) => {
    const returnId = returnIdOf(request);
    const held = returnId ? await payments.returnMatches.heldReturn(returnId) : null;
    if (!held) return reply.callNotFound();
    const staff = staffOf(request);
    const csrf = request.csrfToken();
    const kept = await view.recall(PROPOSE_FORM);
    // A refused proposal comes back to the search it was made from (carried in the form's hidden fields).
    const query = request.query as Record<string, string | undefined>;
    const given = Object.values(query).some((value) => value) ? query : stringsOf(kept?.values);
    const search = searchOf(given);
    const canPropose = staff.permissions.has('payments.returns.load');
    const searching = canPropose && held.status === 'held' && !held.proposal;
    const candidates =
      searching && Object.keys(search.errors).length === 0
        ? await payments.returnMatches.search(held, search.criteria)
        : null;
    const data = {
      held,
      programmes: await deps.programmes(),
      search: { t: view.t, ns: 'payment-returns', csrf, values: search.values, errors: search.errors },
      proposal: formView(view.t, 'payment-returns', csrf, kept),
      candidates,
      staffId: staff.staffId,
      proposerName: held.proposal
        ? ((await deps.staffNames([held.proposal.proposedBy])).get(held.proposal.proposedBy) ?? null)
        : null,
      canPropose,
      canConfirm: staff.permissions.has('payments.release'),
    };
    return view.send(matchPage(view.t, data, deps.staffHome));
  });
  routes.page(
    'POST',
    paymentReturnsPaths.match,
    'permission:payments.returns.load',
    async (request, reply, view) => {
      const returnId = returnIdOf(request);
      if (!returnId) return reply.callNotFound();
      const input = formStrings(request);
      const paymentId = parseUuid(input.payment);
      const reason = (input.matchReason ?? '').trim();
      const errors: Record<string, string> = {};
      if (!paymentId) errors.payment = 'matchPaymentRequired';
      if (reason.length < 10 || reason.length > 500) errors.matchReason = 'matchReasonRequired';
      if (!paymentId || Object.keys(errors).length > 0)
        return view.refuse(PROPOSE_FORM, { values: formValues(request), errors });
      const staff = staffOf(request);
      const outcome = await payments.returnMatches.propose(
        returnId,
        paymentId,
        reason,
        staff.staffId,
        staffContext(request),
      );
      if (outcome === 'proposed') await view.accept(PROPOSE_FORM);
      const notice = outcome === 'proposed' ? returnMatchNotices.proposed : returnMatchNotices.notProposed;
      return view.redirect(paymentReturnsPaths.match, { params: { returnId }, notice });
    },
  );
  routes.page(
    'POST',
    paymentReturnsPaths.matchConfirm,
    'permission:payments.release',
    async (request, reply, view) => {
      const returnId = returnIdOf(request);
      if (!returnId) return reply.callNotFound();
      const outcome = await payments.returnMatches.confirm(
        returnId,
        staffOf(request).staffId,
        staffContext(request),
      );
      const notice = {
        matched: returnMatchNotices.matched,
        'own-proposal': returnMatchNotices.ownProposal,
        'no-proposal': returnMatchNotices.noProposal,
        'payment-changed': returnMatchNotices.paymentChanged,
      }[outcome];
      return view.redirect(paymentReturnsPaths.match, { params: { returnId }, notice });
    },
  );
  routes.page(
    'POST',
    paymentReturnsPaths.matchReject,
    'permission:payments.release',
    async (request, reply, view) => {
      const returnId = returnIdOf(request);
      if (!returnId) return reply.callNotFound();
      const rejected = await payments.returnMatches.reject(
        returnId,
        staffOf(request).staffId,
        staffContext(request),
      );
      const notice = rejected ? returnMatchNotices.rejected : returnMatchNotices.noProposal;
      return view.redirect(paymentReturnsPaths.match, { params: { returnId }, notice });
    },
  );
}

import type { RouteTable } from '../platform/http/route-table.ts';
import { linkedPersonId, parseUuid } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import { formStrings } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { FieldErrors } from '../platform/forms/form-memory.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import { checkConsentChoice, consentFormValues } from './consent.schemas.ts';
import { ConsentDurationError, ConsentNotApplicableError, ConsentNotFoundError } from './consent.service.ts';
import type { Exchange } from './exchange.service.ts';
import { exchangePaths } from './exchange.paths.ts';
import { giveConsentPage } from './views/consent.views.ts';
import { consentsPage, revokeConsentPage, whoWasToldPage } from './views/exchange.views.ts';
import type { Crumb } from './views/exchange.views.ts';

export const exchangeNotices = defineNotices('exchange.notices', ['consentRevoked', 'consentGiven']);

export interface ExchangeRouteDependencies {
  readonly exchange: Pick<Exchange, 'service' | 'consents'>;
  /** Where these pages sit in the site, given by the root (the person's signed-in home). */
  readonly crumbs: (t: Translator) => readonly Crumb[];
}

const LINKED = { linkedPerson: true } as const;
const GIVE_FORM = 'exchange.consent-give';

/** The person's pages about sharing: who was told of a change, their consents, giving and withdrawing one. */
export function registerExchangeRoutes(routes: RouteTable, deps: ExchangeRouteDependencies): void {
  const { exchange, crumbs } = deps;
  routes.page(
    'GET',
    exchangePaths.whoWasTold,
    'signed-in',
    async (request, _reply, view) => {
      const rows = await exchange.service.whoWasTold(linkedPersonId(request));
      return view.send(whoWasToldPage(view.t, rows, crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'GET',
    exchangePaths.consents,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const [consents, offers] = await Promise.all([
        exchange.consents.list(personId),
        exchange.consents.available(personId),
      ]);
      return view.send(consentsPage(view.t, consents, request.csrfToken(), offers.length, crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'GET',
    exchangePaths.consentGive,
    'signed-in',
    async (request, _reply, view) => {
      const offers = await exchange.consents.available(linkedPersonId(request));
      const form = formView(view.t, 'exchange', request.csrfToken(), await view.recall(GIVE_FORM));
      return view.send(giveConsentPage(form, offers, crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'POST',
    exchangePaths.consentGive,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const values = consentFormValues(formStrings(request));
      const result = checkConsentChoice(values);
      if (!result.ok) return view.refuse(GIVE_FORM, { values, errors: result.errors });
      const { agreementId, duration: period } = result.value;
      try {
        await exchange.consents.give(personId, agreementId, period, selfContext(request, personId));
      } catch (error) {
        const errors = refusal(error);
        if (!errors) throw error;
        return view.refuse(GIVE_FORM, { values, errors });
      }
      await view.accept(GIVE_FORM);
      return view.redirect(exchangePaths.consents, { notice: exchangeNotices.consentGiven });
    },
    LINKED,
  );

  routes.page(
    'GET',
    exchangePaths.consentRevoke,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const consentId = parseUuid((request.params as { consentId: string }).consentId);
      const consent = (await exchange.consents.list(personId)).find(
        (entry) => entry.id === consentId && entry.state === 'active',
      );
      if (!consent) return reply.callNotFound();
      return view.send(revokeConsentPage(view.t, consent, request.csrfToken(), crumbs(view.t)));
    },
    LINKED,
  );
  routes.page(
    'POST',
    exchangePaths.consentRevoke,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const consentId = parseUuid((request.params as { consentId: string }).consentId);
      try {
        if (!consentId) throw new ConsentNotFoundError();
        await exchange.consents.revoke(personId, consentId, selfContext(request, personId));
      } catch (error) {
        // Another person's consent, or none: the same answer as for a consent that does not exist (IDOR).
        if (!(error instanceof ConsentNotFoundError)) throw error;
        return reply.callNotFound();
      }
      return view.redirect(exchangePaths.consents, { notice: exchangeNotices.consentRevoked });
    },
    LINKED,
  );
}

/** A refused consent as field errors. Unknown, not consent-based or already given: one answer, nothing leaks. */
function refusal(error: unknown): FieldErrors | null {
  if (error instanceof ConsentNotApplicableError) return { agreement: 'consentAgreement' };
  if (error instanceof ConsentDurationError) return { until: error.problem };
  return null;
}

import type { FastifyInstance } from 'fastify';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { setFlash, takeFlash } from '../identity/flash.ts';
import type { ClientRecordServices } from '../registry/registry.module.ts';
import { registryPaths } from '../registry/registry.paths.ts';
import { formBody, linkedPersonId, selfContext, stringsOf } from '../registry/registry.http.ts';
import { errorsFromFlash, errorsToFlash } from '../registry/views/form.views.ts';
import type { FormErrors } from '../registry/views/form.views.ts';
import { checkConsentChoice } from './consent.schemas.ts';
import { ConsentDurationError, ConsentNotApplicableError, ConsentNotFoundError } from './consent.service.ts';
import { giveConsentPage } from './views/consent.views.ts';
import { consentsPage, deliveryQueuePage, whoWasToldPage } from './views/exchange.views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerExchangeRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: ClientRecordServices,
): void {
  const { exchange } = services;
  routes.page(app, 'GET', registryPaths.whoWasTold, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const page = whoWasToldPage(
      translator(lang),
      await exchange.service.whoWasTold(personId),
      takeFlash(request, reply).notice,
    );
    return sendPageAt(request, reply, lang, registryPaths.whoWasTold, page);
  });
  routes.page(app, 'GET', registryPaths.consents, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const page = consentsPage(
      translator(lang),
      await exchange.consents.list(personId),
      request.csrfToken(),
      takeFlash(request, reply).notice,
      (await exchange.consents.available(personId)).length,
    );
    return sendPageAt(request, reply, lang, registryPaths.consents, page);
  });
  routes.page(app, 'GET', registryPaths.consentGive, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const flash = takeFlash(request, reply);
    const page = giveConsentPage(
      translator(lang),
      await exchange.consents.available(personId),
      flash.values,
      errorsFromFlash(flash.errors),
      request.csrfToken(),
    );
    return sendPageAt(request, reply, lang, registryPaths.consentGive, page);
  });
  routes.page(app, 'POST', registryPaths.consentGive, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const { agreement = '', duration = '', until = '' } = stringsOf(formBody(request));
    const values = { agreement, duration, until };
    const back = pathFor(registryPaths.consentGive, lang);
    const result = checkConsentChoice(values);
    if (!result.ok) {
      setFlash(reply, { errors: errorsToFlash(result.errors), values });
      return reply.redirect(back, 303);
    }
    const { agreementId, duration: period } = result.value;
    try {
      await exchange.consents.give(personId, agreementId, period, selfContext(request, personId));
    } catch (error) {
      const errors = refusal(error);
      if (!errors) throw error;
      setFlash(reply, { errors: errorsToFlash(errors), values });
      return reply.redirect(back, 303);
    }
    setFlash(reply, { notice: 'consentGiven' });
    return reply.redirect(pathFor(registryPaths.consents, lang), 303);
  });
  routes.page(app, 'POST', registryPaths.consentRevoke, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const { consentId } = request.params as { consentId: string };
    try {
      await exchange.consents.revoke(personId, consentId, selfContext(request, personId));
      setFlash(reply, { notice: 'consentRevoked' });
    } catch (error) {
      // Another person's consent, or none: the same answer as for a consent that does not exist (IDOR).
      if (!(error instanceof ConsentNotFoundError) && !/invalid input syntax/.test(String(error)))
        throw error;
      return reply.code(404).type('text/plain').send('Not found');
    }
    return reply.redirect(pathFor(registryPaths.consents, lang), 303);
  });
  routes.page(
    app,
    'GET',
    registryPaths.staffDeliveries,
    'permission:staff.workspace',
    async (request, reply, lang) => {
      const page = deliveryQueuePage(
        translator(lang),
        await exchange.service.queue(200),
        request.csrfToken(),
      );
      return sendPageAt(request, reply, lang, registryPaths.staffDeliveries, page);
    },
  );
  routes.page(
    app,
    'POST',
    registryPaths.staffDeliveryRetry,
    'permission:staff.workspace',
    async (request, reply, lang) => {
      const { deliveryId } = request.params as { deliveryId: string };
      if (UUID.test(deliveryId)) await exchange.service.retryNow(deliveryId);
      exchange.dispatcher.wake();
      return reply.redirect(pathFor(registryPaths.staffDeliveries, lang), 303);
    },
  );
}

/** A refused consent as field errors. Unknown, not consent-based or already given: one answer, nothing leaks. */
function refusal(error: unknown): FormErrors | null {
  if (error instanceof ConsentNotApplicableError) return { agreement: 'consentAgreement' };
  if (error instanceof ConsentDurationError) return { until: error.problem };
  return null;
}

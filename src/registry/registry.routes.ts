import type { FastifyInstance } from 'fastify';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { registerLocales, translator } from '../platform/i18n/i18n.ts';
import { setFlash, takeFlash } from '../identity/flash.ts';
import { requireStepUp } from '../identity/identity.guards.ts';
import { registerExchangeRoutes } from '../exchange/exchange.routes.ts';
import { registerPrivacyRoutes } from '../privacy/privacy.routes.ts';
import { registerStaffRecordRoutes } from './registry-staff.routes.ts';
import type { ClientRecordServices } from './registry.module.ts';
import { registryPaths } from './registry.paths.ts';
import { checkAddress, checkBankAccount, checkContact } from './registry.schemas.ts';
import { formBody, isoToday, linkedPersonId, selfContext, stringsOf } from './registry.http.ts';
import { addressPage, contactPage, directDepositPage } from './views/edit.views.ts';
import { profilePage } from './views/profile.views.ts';

registerLocales(new URL('./locales/', import.meta.url));

/** Pages for the client record: My profile, who was told, consents, access log, download; staff views. */
export function registerClientRecordRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: ClientRecordServices,
  clock: () => Date,
): void {
  app.addHook('onReady', async () => {
    services.exchange.dispatcher.start();
  });
  app.addHook('onClose', async () => {
    await services.exchange.dispatcher.stop();
    await services.exchange.transport.close();
  });
  registerProfileRoutes(app, routes, services, clock);
  registerExchangeRoutes(app, routes, services);
  registerPrivacyRoutes(app, routes, services);
  registerStaffRecordRoutes(app, routes, services);
}

function registerProfileRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: ClientRecordServices,
  clock: () => Date,
): void {
  const { registry } = services;
  routes.page(app, 'GET', registryPaths.profile, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const [profile, changes] = await Promise.all([
      registry.getProfile(personId, selfContext(request, personId)),
      registry.listChanges(personId),
    ]);
    const page = profilePage(translator(lang), profile, changes, takeFlash(request, reply).notice);
    return sendPageAt(request, reply, lang, registryPaths.profile, page);
  });

  routes.page(app, 'GET', registryPaths.address, 'signed-in', (request, reply, lang) => {
    if (!linkedPersonId(request, reply, lang)) return reply;
    const page = addressPage(translator(lang), {}, {}, request.csrfToken(), isoToday(clock));
    return sendPageAt(request, reply, lang, registryPaths.address, page);
  });
  routes.page(app, 'POST', registryPaths.address, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const result = checkAddress(stringsOf(formBody(request)));
    if (!result.ok) {
      // Shown again from this request, not through a cookie: nothing typed is lost, however long (GC Design System).
      const page = addressPage(
        translator(lang),
        result.values,
        result.errors,
        request.csrfToken(),
        isoToday(clock),
      );
      return sendPageAt(request, reply, lang, registryPaths.address, page, { status: 400 });
    }
    await registry.changeAddress(personId, result.value, selfContext(request, personId));
    setFlash(reply, { notice: 'addressChanged' });
    return reply.redirect(pathFor(registryPaths.whoWasTold, lang), 303);
  });

  routes.page(app, 'GET', registryPaths.contact, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const profile = await registry.getProfile(personId, selfContext(request, personId));
    const current = {
      email: profile.contact.email ?? '',
      phone: profile.contact.phone ?? '',
      preferredLanguage: profile.preferredLanguage,
      preferredChannel: profile.contact.preferredChannel,
      accessibilityNeeds: profile.contact.accessibilityNeeds ?? '',
    };
    const page = contactPage(
      translator(lang),
      current,
      {},
      request.csrfToken(),
      profile.contact.alternateFormats,
    );
    return sendPageAt(request, reply, lang, registryPaths.contact, page);
  });
  routes.page(app, 'POST', registryPaths.contact, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    // Checklist 10: email and phone are where security notices go, so changing them needs a fresh second factor.
    if (!personId || !requireStepUp(request, reply, { level: 2 })) return reply;
    const body = formBody(request);
    const formats = ([] as string[]).concat(body.alternateFormats ?? []);
    const result = checkContact({ ...stringsOf(body), alternateFormats: formats });
    if (!result.ok) {
      const page = contactPage(translator(lang), result.values, result.errors, request.csrfToken(), formats);
      return sendPageAt(request, reply, lang, registryPaths.contact, page, { status: 400 });
    }
    await registry.changeContact(personId, result.value, selfContext(request, personId));
    setFlash(reply, { notice: 'contactChanged' });
    return reply.redirect(pathFor(registryPaths.profile, lang), 303);
  });

  routes.page(app, 'GET', registryPaths.directDeposit, 'signed-in', (request, reply, lang) => {
    if (!linkedPersonId(request, reply, lang) || !requireStepUp(request, reply, { level: 2 })) return reply;
    const page = directDepositPage(translator(lang), {}, {}, request.csrfToken());
    return sendPageAt(request, reply, lang, registryPaths.directDeposit, page);
  });
  routes.page(app, 'POST', registryPaths.directDeposit, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId || !requireStepUp(request, reply, { level: 2 })) return reply;
    const result = checkBankAccount(stringsOf(formBody(request)));
    if (!result.ok) {
      // Bank numbers are never put in a cookie to survive a redirect (ASVS 14.3.3): the form is shown again here.
      const page = directDepositPage(translator(lang), result.values, result.errors, request.csrfToken());
      return sendPageAt(request, reply, lang, registryPaths.directDeposit, page, { status: 400 });
    }
    await registry.changeDirectDeposit(personId, result.value, selfContext(request, personId));
    setFlash(reply, { notice: 'depositChanged' });
    return reply.redirect(pathFor(registryPaths.profile, lang), 303);
  });
}

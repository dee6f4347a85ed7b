import { readFileSync } from 'node:fs';
import { constants as zlibConstants } from 'node:zlib';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { createI18n, PLATFORM_LOCALES } from './platform/i18n/i18n.ts';
import type { I18n } from './platform/i18n/i18n.ts';
import { createLogger } from './platform/observability/logger.ts';
import { createMetrics, registerMetricsRoute } from './platform/observability/metrics.ts';
import type { Metrics } from './platform/observability/metrics.ts';
import { registerPublicOpsRoutes } from './platform/observability/ops.ts';
import type { OpsEndpoints } from './platform/observability/ops.ts';
import { registerSecurityHeaders } from './platform/security/security-headers.ts';
import { registerCsrf } from './platform/security/csrf.ts';
import { registerControlCharacterCheck } from './platform/http/control-characters.ts';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import { createCookieSealer } from './platform/security/sealed-cookie.ts';
import { registerErrorHandling } from './platform/http/error-handling.ts';
import { registerAssets } from './platform/http/assets.ts';
import { OpenApiRegistry } from './platform/http/openapi.ts';
import { registerOpenApiRoutes } from './platform/http/openapi.routes.ts';
import { createPageRenderer } from './platform/http/pages.ts';
import type { PageRenderer } from './platform/http/pages.ts';
import { pathFor, RouteTable } from './platform/http/route-table.ts';
import { registerAuditRoutes } from './platform/audit/audit.routes.ts';
import { createFormMemory } from './platform/forms/form-memory.ts';
import { createNoticeFlash } from './platform/forms/notices.ts';
import { catalogueLocales, cataloguePaths, registerCatalogueRoutes } from './catalogue/index.ts';
import { siteLocales, registerSiteRoutes } from './site/site.routes.ts';
import { registerEligibilityApi } from './eligibility/index.ts';
import { finderLocales, registerFinderRoutes } from './finder/index.ts';
import { policyLocales, registerPolicyRoutes } from './policy/index.ts';
import {
  identityLocales,
  registerIdentityGuards,
  registerIdentityRoutes,
  signedInMenu,
} from './identity/index.ts';
import { personLocales, registerPartnerEventsApi } from './person/index.ts';
import { exchangeLocales, exchangePaths, registerExchangeRoutes } from './exchange/index.ts';
import type { Crumb } from './exchange/index.ts';
import { privacyLocales, registerPrivacyRoutes } from './privacy/index.ts';
import { portalLocales, portalPaths, registerPortalHome, registerProfileRoutes } from './portal/index.ts';
import { openClientFile, registerWorkspace, workspaceLocales, workspacePaths } from './workspace/index.ts';
import { idpLocales } from './stand-ins/identity-providers/index.ts';
import {
  inboxLocales,
  registerInboxRoutes,
  registerDeliveryRoutes,
  clientDeliveriesSection,
  registerMessageRoutes,
  registerNotifyReceipts,
} from './inbox/index.ts';
import type { RepresentationPort } from './inbox/index.ts';
import { helpLocales, helpPaths, registerHelpRoutes } from './help/index.ts';
import { nextPaymentDate } from './payments/index.ts';
import type { ScheduleId } from './payments/index.ts';
import { closeServices, createServices, portalCards, staffCards } from './app.services.ts';
import {
  applicationsLocales,
  applicationsPaths,
  clientApplications,
  registerApplicationRoutes,
  registerMultipart,
  registerEmploymentApi,
  registerRepresentativeRoutes,
  registerStaffRoutes,
} from './applications/index.ts';
import { createFinderCarryOver } from './finder/index.ts';
import { clientBenefitsSection, decisionsLocales, registerDecisionRoutes } from './decisions/index.ts';
import type { ServiceDependencies, Services } from './app.services.ts';
import { opsEndpoints } from './app.health.ts';
import {
  clientPaymentsSection,
  paymentsLocales,
  PAYABLE_PROGRAMMES,
  registerMyPaymentsRoutes,
  registerPaymentReturnRoutes,
  registerPaymentRunRoutes,
  registerStatementRoutes,
} from './payments/index.ts';

export type { Services } from './app.services.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Every module's translation catalogues, in one place: the i18n tests check exactly these. */
export const LOCALE_DIRS: readonly URL[] = [
  PLATFORM_LOCALES,
  siteLocales,
  catalogueLocales,
  finderLocales,
  policyLocales,
  personLocales,
  identityLocales,
  exchangeLocales,
  privacyLocales,
  portalLocales,
  workspaceLocales,
  inboxLocales,
  idpLocales,
  helpLocales,
  applicationsLocales,
  decisionsLocales,
  paymentsLocales,
];

export interface AppDependencies {
  config: Config;
  database: Database;
  logger?: Logger;
  clock?: () => Date;
  /** Tests put entitlements and payees in (until decisions' table is wired, ADR 0020). */
  payments?: ServiceDependencies['payments'];
}

export interface GuichetApp {
  app: FastifyInstance;
  services: Services;
  routes: RouteTable;
  openapi: OpenApiRegistry;
  metrics: Metrics;
  i18n: I18n;
  /** Health checks and metrics, for the operators' listener when `OPS_PORT` is set. */
  ops: OpsEndpoints;
}

/** The one composition root: repositories → services → routes. `npm start` and every test call it. */
export async function buildApp({
  config,
  database,
  logger,
  clock = () => new Date(),
  payments,
}: AppDependencies): Promise<GuichetApp> {
  const metrics = createMetrics();
  const services = await createServices({
    config,
    db: database.db,
    metrics,
    clock,
    ...(payments ? { payments } : {}),
  });
  const app = fastify({
    loggerInstance: logger ?? createLogger(config),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: (request) => correlationIdFrom(request.headers['x-request-id']),
    requestIdHeader: false,
    // Requests are validated exactly as their published schemas say: nothing unknown dropped, nothing coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }) as unknown as FastifyInstance; // pino's Logger type is narrower than Fastify's base logger type

  const i18n = createI18n(LOCALE_DIRS);
  const homes = { person: portalPaths.home, staff: workspacePaths.home };
  const timing = {
    warningSeconds: config.identity.idleWarningSeconds,
    idleSeconds: config.identity.idleTimeoutSeconds,
    homes,
  };
  const renderer = createPageRenderer(i18n, [(request, t) => signedInMenu(request, t, timing)]);
  const sealer = (salt: string, info: string) =>
    createCookieSealer(config.sessionSecret, { salt, info }, clock);
  const routes = new RouteTable(app, {
    renderer,
    forms: createFormMemory({
      db: database.db,
      cipher: services.crypto.cipher,
      sealer: sealer('guichet-form', 'form-v1'),
      clock,
    }),
    notices: createNoticeFlash(sealer('guichet-flash', 'flash-v1')),
  });
  const openapi = new OpenApiRegistry(VERSION, config.publicUrl);

  await registerPlatform(app, config, metrics, renderer, database);
  registerIdentityGuards(app, routes, {
    config: config.identity,
    sessions: services.identity.sessions,
    audit: services.audit,
    renderer,
    clock,
  });
  const ops = opsEndpoints(config, database, services.nats, metrics, VERSION);
  registerPublicOpsRoutes(app, config.ops, ops);
  registerOpenApiRoutes(app, openapi);
  registerAuditRoutes(app, routes, openapi, services.audit); // audit log: tree heads and proofs (ADR 0002)
  await registerAssets(app);
  registerModules({ app, routes, openapi, renderer, services, config, clock, homes });
  registerLifecycle(app, services, config.backgroundWork);
  for (const path of ['/health', '/ready', '/metrics', '/api/openapi.json', '/api/docs'])
    routes.record('GET', path, 'public');
  return { app, services, routes, openapi, metrics, i18n, ops };
}

interface ModuleWiring {
  readonly app: FastifyInstance;
  readonly routes: RouteTable;
  readonly openapi: OpenApiRegistry;
  readonly renderer: PageRenderer;
  readonly services: Services;
  readonly config: Config;
  readonly clock: () => Date;
  readonly homes: { person: typeof portalPaths.home; staff: typeof workspacePaths.home };
}

/** Every capability's pages and APIs, each given only what it needs. */
function registerModules(wiring: ModuleWiring): void {
  const { app, routes, renderer, services, config, clock, homes } = wiring;
  registerSiteRoutes(app, routes, renderer);
  registerCatalogueRoutes(routes, services.catalogue, renderer, {
    nextPayments: upcomingPayments,
    helpLinks: { contact: helpPaths.contact, offices: helpPaths.offices },
    clock,
  });
  registerEligibilityApi(app, routes, wiring.openapi, clock);
  registerFinderRoutes(routes, {
    catalogue: services.catalogue,
    secret: config.sessionSecret,
    renderer,
    clock,
    applyHref: (programmeId, lang) =>
      services.applications.applications.form(programmeId)
        ? pathFor(applicationsPaths.apply, lang, { programme: programmeId })
        : null,
  });
  registerIdentityRoutes(routes, { app, services: services.identity, config, renderer, homes });
  registerPolicyRoutes(routes, { policy: services.policy, catalogue: services.catalogue, clock });
  const cards = portalCards();
  const crumbs = (t: { t(key: string): string; lang: 'en' | 'fr' }): readonly Crumb[] => [
    { href: homes.person[t.lang], label: t.t('portal.my.title') },
  ];
  registerPortalHome(routes, { account: accountPort(services), cards });
  registerProfileRoutes(routes, {
    person: services.person.record,
    afterAddressChange: exchangePaths.whoWasTold,
    related: cards.filter((card) => card.path !== portalPaths.profile),
    clock,
  });
  registerExchangeRoutes(routes, { exchange: services.exchange, crumbs });
  registerPrivacyRoutes(routes, { privacy: services.privacy, crumbs });
  registerInboxRoutes(routes, { inbox: services.inbox, crumbs, addressPath: portalPaths.address });
  registerMessageRoutes(routes, {
    messages: services.messages,
    representation: representationOf(services),
    crumbs,
    staffHome: homes.staff,
    clock,
  });
  registerNotifyReceipts(app, routes, wiring.openapi, {
    sender: services.noticeSender,
    bearerToken: config.notify.callbackBearerToken,
  });
  registerApplications(wiring);
  registerPartnerEventsApi(app, routes, wiring.openapi, {
    events: services.person.partnerEvents,
    vitalStatistics: config.vitalStatistics,
    cra: config.cra,
    clock,
  });
  registerDecisionRoutes(routes, {
    decisions: services.decisions,
    programmeNames: async (lang) =>
      new Map(
        (await services.catalogue.listProgrammes()).map((p) => [p.id, lang === 'fr' ? p.name_fr : p.name_en]),
      ),
    adjudicators: async () =>
      (await services.identity.staff.listWithRoles())
        .filter((staff) => staff.roles.includes('adjudicator'))
        .map((staff) => ({ id: staff.id, name: staff.display_name })),
    crumbs,
    staffHome: homes.staff,
    clock,
  });
  const payableProgrammes = async () =>
    (await services.catalogue.listProgrammes())
      .filter((programme) => PAYABLE_PROGRAMMES.includes(programme.id))
      .map((programme) => ({ id: programme.id, name: { en: programme.name_en, fr: programme.name_fr } }));
  registerMyPaymentsRoutes(routes, {
    payments: services.payments,
    programmes: payableProgrammes,
    crumbs,
    directDeposit: portalPaths.directDeposit,
  });
  registerPaymentReturnRoutes(routes, {
    payments: services.payments,
    programmes: payableProgrammes,
    staffHome: homes.staff,
    staffNames: (ids) => services.identity.staff.namesOf(ids),
    clientFile: { path: workspacePaths.clientFile, permission: 'client.file.read' },
  });
  registerStatementRoutes(routes, {
    payments: services.payments,
    openClientFile: (request, reply, view) => openClientFile(request, reply, view, services.files),
  });
  registerDeliveryRoutes(routes, {
    deliveries: services.deliveries,
    held: services.heldLetters,
    openClientFile: (request, reply, view) => openClientFile(request, reply, view, services.files),
    staffHome: homes.staff,
    clientFile: workspacePaths.clientFile,
  });
  registerPaymentRunRoutes(routes, {
    payments: services.payments,
    programmes: payableProgrammes,
    staffHome: homes.staff,
    onBackgroundError: (error) => app.log.error({ err: error }, 'payment run stopped'),
  });
  registerWorkspace(routes, {
    cards: staffCards(),
    clientSections: [
      clientApplications({
        applications: services.applications.applications,
        programmeNames: programmeNamesOf(services),
      }),
      async (personId, t, _csrf, context) => {
        const names = new Map(
          (await services.catalogue.listProgrammes()).map((p) => [
            p.id,
            t.lang === 'fr' ? p.name_fr : p.name_en,
          ]),
        );
        const benefits = await services.decisions.benefitsOf(personId, context);
        return clientBenefitsSection(t, benefits, (id) => names.get(id) ?? id);
      },
      clientDeliveriesSection(),
      clientPaymentsSection(
        services.payments,
        async (lang) =>
          new Map(
            (await services.catalogue.listProgrammes()).map((p) => [
              p.id,
              lang === 'fr' ? p.name_fr : p.name_en,
            ]),
          ),
      ),
    ],
    staff: services.identity.staff,
    files: services.files,
    people: services.person.directory,
    person: services.person.record,
    sharing: services.exchange.service,
    exchange: services.exchange,
  });
  registerHelpRoutes(routes, {
    help: services.help,
    programmes: async () =>
      (await services.catalogue.listProgrammes()).map((programme) => ({
        id: programme.id,
        name: { en: programme.name_en, fr: programme.name_fr },
        href: {
          en: pathFor(cataloguePaths.programme, 'en', { slug: programme.slug_en }),
          fr: pathFor(cataloguePaths.programme, 'fr', { slug: programme.slug_fr }),
        },
      })),
    staffHome: homes.staff,
  });
}

/** The next `count` payment dates of a schedule after a day; none for a schedule paid from a claim's start. */
function upcomingPayments(schedule: string, after: string, count: number): string[] {
  const dates: string[] = [];
  try {
    for (let day = after; dates.length < count;) {
      day = nextPaymentDate(schedule as ScheduleId, day).date;
      dates.push(day);
    }
  } catch {
    // EI is paid every two weeks from the claim's own start, and a schedule may end where dates are published.
  }
  return dates;
}

function registerApplications({ app, routes, openapi, services, config, clock, homes }: ModuleWiring): void {
  const { applications, evidence, representatives } = services.applications;
  registerEmploymentApi(app, routes, openapi, {
    employment: services.applications.employment,
    employers: config.employers,
  });
  const deps = {
    applications,
    evidence,
    programmeNames: programmeNamesOf(services),
    nameOf: async (personId: string) => {
      const name = await services.person.directory.nameOf(personId);
      return name ? `${name.givenName} ${name.familyName}` : null;
    },
    finderAnswers: createFinderCarryOver(config.sessionSecret, clock),
    home: homes.person,
  };
  registerApplicationRoutes(routes, {
    ...deps,
    jurisdictions: {
      ofProgrammes: async () =>
        new Map((await services.catalogue.listProgrammes()).map((p) => [p.id, p.jurisdiction_code])),
      provinceOf: (personId) => services.residence.provinceOf(personId),
    },
  });
  registerRepresentativeRoutes(routes, { ...deps, representatives, audit: services.audit, clock });
  registerStaffRoutes(routes, {
    ...deps,
    representatives,
    directory: services.person.directory,
    households: services.applications.households,
    audit: services.audit,
    staffHome: homes.staff,
    clientFile: workspacePaths.clientFile,
  });
}

function programmeNamesOf(services: Services) {
  return async () =>
    new Map((await services.catalogue.listProgrammes()).map((p) => [p.id, { en: p.name_en, fr: p.name_fr }]));
}

/** Who a representative may write for (applications' authorisations in force), for secure messages. */
function representationOf(services: Services): RepresentationPort {
  return {
    representedBy: async (representativeId) =>
      (await services.applications.representatives.held(representativeId)).map((held) => ({
        personId: held.personId,
        name: held.name,
        until: held.endsOn,
        mayView: held.scope === 'apply-and-view',
      })),
  };
}

function accountPort(services: Services) {
  return {
    listLogins: (personId: string) => services.identity.linking.listLogins(personId),
    provider: (id: string) => services.identity.signIn.provider(id),
  };
}

/**
 * Background work that lives with the server: tell-us-once delivery, the inbox's notices, decisions and
 * reminders (unless this process only answers requests, BACKGROUND_WORK=false), the crypto workers.
 */
function registerLifecycle(app: FastifyInstance, services: Services, backgroundWork: boolean): void {
  const pollers = [
    services.exchange.dispatcher,
    services.noticeSender,
    services.securityNotices,
    services.decisions,
    services.reminders,
  ];
  if (backgroundWork) app.addHook('onReady', async () => pollers.forEach((poller) => poller.start()));
  app.addHook('onClose', async () => {
    await services.payments.runs.drain();
    if (backgroundWork) for (const poller of pollers) await poller.stop();
    await closeServices(services);
  });
}

async function registerPlatform(
  app: FastifyInstance,
  config: Config,
  metrics: Metrics,
  renderer: PageRenderer,
  database: Database,
): Promise<void> {
  await app.register(fastifyCookie);
  // Only where a route asks (`reply.compress`): pages carry CSRF tokens and are never compressed (BREACH).
  await app.register(fastifyCompress, { global: false, ...COMPRESSION });
  await app.register(fastifyFormbody, { bodyLimit: 262_144 });
  await registerMultipart(app); // evidence uploads (ADR 0016)
  // Counted in the database, so every process shares one limit (ADR 0013); a database error lets the request
  // through rather than refusing every page.
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    store: databaseRateLimitStore({ db: database.db }),
    skipOnError: true,
  });
  registerSecurityHeaders(app);
  registerCsrf(app, config.sessionSecret);
  registerControlCharacterCheck(app); // after the CSRF check: only this site's forms are shown back
  registerErrorHandling(app, renderer);
  registerMetricsRoute(app, metrics);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // Pages may show personal information; nothing HTML is cached by browsers or intermediaries (ASVS 14.3.2).
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * Compression of the API's JSON answers, tuned for CPU (issue #12): a couple's untraced evaluation (about 11 KB)
 * is compressed in one synchronous call rather than through a stream (the plugin's default cut-off on two
 * cores is 8 KiB), at the fastest levels, which cost a third of the defaults' CPU for about 10 % more bytes.
 * A traced answer (about 80 KB) still streams.
 */
const COMPRESSION = {
  syncThreshold: 65_536,
  zlibOptions: { level: 1 },
  brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } },
} as const;

function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : crypto.randomUUID();
}

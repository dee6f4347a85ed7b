import { readFileSync } from 'node:fs';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { registerLocales } from './platform/i18n/i18n.ts';
import { createLogger } from './platform/observability/logger.ts';
import { createMetrics, registerMetricsRoute } from './platform/observability/metrics.ts';
import type { Metrics } from './platform/observability/metrics.ts';
import { registerHealthRoute } from './platform/observability/health.ts';
import { registerSecurityHeaders } from './platform/security/security-headers.ts';
import { registerCsrf } from './platform/security/csrf.ts';
import { registerFlash } from './identity/flash.ts';
import { registerErrorHandling } from './platform/http/error-handling.ts';
import { registerAssets } from './platform/http/assets.ts';
import { OpenApiRegistry } from './platform/http/openapi.ts';
import { registerOpenApiRoutes } from './platform/http/openapi.routes.ts';
import { RouteTable } from './platform/http/route-table.ts';
import { createAuditService } from './platform/audit/audit.service.ts';
import { registerAuditRoutes } from './platform/audit/audit.routes.ts';
import type { AuditService } from './platform/audit/audit.service.ts';
import { createCatalogueService } from './catalogue/catalogue.service.ts';
import type { CatalogueService } from './catalogue/catalogue.service.ts';
import { registerCatalogueRoutes } from './catalogue/catalogue.routes.ts';
import { registerSiteRoutes } from './site/site.routes.ts';
import { registerEligibilityApi } from './eligibility/eligibility.api.ts';
import { registerFinderRoutes } from './finder/finder.routes.ts';
import { createIdentityServices } from './identity/identity.services.ts';
import type { IdentityServices } from './identity/identity.services.ts';
import { registerIdentity } from './identity/identity.module.ts';
import { createClientRecordServices } from './registry/registry.module.ts';
import type { ClientRecordServices } from './registry/registry.module.ts';
import { registerClientRecordRoutes } from './registry/registry.routes.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

for (const domain of ['catalogue', 'site', 'finder'])
  registerLocales(new URL(`./${domain}/locales/`, import.meta.url));

export interface AppDependencies {
  config: Config;
  database: Database;
  logger?: Logger;
  clock?: () => Date;
}

export interface Services {
  audit: AuditService;
  catalogue: CatalogueService;
  identity: IdentityServices;
  /** Registry, tell-us-once exchange and privacy (issue #5). */
  clientRecord: ClientRecordServices;
}

export interface GuichetApp {
  app: FastifyInstance;
  services: Services;
  routes: RouteTable;
  openapi: OpenApiRegistry;
  metrics: Metrics;
}

/** The one composition root: repositories → services → routes. `npm start` and every test call it. */
export async function buildApp({
  config,
  database,
  logger,
  clock = () => new Date(),
}: AppDependencies): Promise<GuichetApp> {
  const metrics = createMetrics();
  const audit = createAuditService(database.db, metrics, clock, config.audit);
  const services: Services = {
    audit,
    catalogue: createCatalogueService(database.db),
    identity: createIdentityServices(database.db, config, audit, clock),
    clientRecord: await createClientRecordServices(database.db, config, audit, metrics, clock),
  };
  const app = fastify({
    loggerInstance: logger ?? createLogger(config),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: (request) => correlationIdFrom(request.headers['x-request-id']),
    requestIdHeader: false,
  }) as unknown as FastifyInstance; // pino's Logger type is narrower than Fastify's base logger type

  const routes = new RouteTable();
  const openapi = new OpenApiRegistry(VERSION, config.publicUrl);

  await registerPlatform(app, config, metrics, clock);
  registerIdentity(app, routes, services.identity, config, clock);
  registerHealthRoute(app, database, VERSION);
  registerOpenApiRoutes(app, openapi);
  registerAuditRoutes(app, routes, openapi, services.audit); // audit log: tree heads and proofs (ADR 0002)
  await registerAssets(app);
  registerSiteRoutes(app, routes);
  registerCatalogueRoutes(app, routes, services.catalogue);
  registerEligibilityApi(app, routes, openapi, clock);
  registerFinderRoutes(app, routes, { catalogue: services.catalogue, secret: config.sessionSecret, clock });
  registerClientRecordRoutes(app, routes, services.clientRecord, clock);
  for (const path of ['/health', '/metrics', '/api/openapi.json', '/api/docs'])
    routes.record('GET', path, 'public');
  return { app, services, routes, openapi, metrics };
}

async function registerPlatform(
  app: FastifyInstance,
  config: Config,
  metrics: Metrics,
  clock: () => Date,
): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 262_144 });
  await app.register(fastifyRateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  registerSecurityHeaders(app);
  registerCsrf(app, config.sessionSecret);
  registerFlash(app, config.sessionSecret, clock);
  registerErrorHandling(app);
  registerMetricsRoute(app, metrics);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Pages may show personal information; nothing HTML is cached by browsers or intermediaries (ASVS 14.3.2).
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      reply.header('cache-control', 'no-store');
  });
}

function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : crypto.randomUUID();
}

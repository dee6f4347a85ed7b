import { timingSafeEqual, createHash } from 'node:crypto';
import fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpsConfig } from '../config/ops-config.ts';
import { healthReport } from './health.ts';
import type { HealthCheck } from './health.ts';
import type { Metrics } from './metrics.ts';

export interface OpsEndpoints {
  readonly checks: readonly HealthCheck[];
  /** Checks that decide readiness: the service cannot answer anyone without them (the database). */
  readonly readiness: readonly HealthCheck[];
  readonly metrics: Metrics;
  readonly version: string;
}

/**
 * On the public listener: `/ready` for load balancers and `/health` with the status only. `/metrics` and the
 * detailed `/health` need `Authorization: Bearer <OPS_TOKEN>`; with `OPS_PORT` set, `/metrics` is served there
 * and not here at all. With neither (development, tests) both are open.
 */
export function registerPublicOpsRoutes(app: FastifyInstance, ops: OpsConfig, endpoints: OpsEndpoints): void {
  const open = ops.token === null && ops.port === null;
  const authorised = (request: FastifyRequest) => open || bearerMatches(request, ops.token);
  app.get('/ready', (_request, reply) => sendReady(reply, endpoints));
  app.get('/health', async (request, reply) => {
    const report = await healthReport(endpoints.checks, endpoints.version);
    return sendHealth(reply, authorised(request) ? report : { ...report, checks: undefined });
  });
  if (ops.port !== null && ops.token === null) return;
  app.get('/metrics', async (request, reply) => {
    if (!authorised(request))
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="guichet-ops"')
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Unauthorized', status: 401 });
    return sendMetrics(reply, endpoints.metrics);
  });
}

/** The operators' listener (`OPS_PORT`): metrics, detailed health and readiness, on an internal interface. */
export async function startOpsServer(
  ops: OpsConfig & { port: number },
  endpoints: OpsEndpoints,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = fastify({ logger: false });
  server.get('/ready', (_request, reply) => sendReady(reply, endpoints));
  server.get('/health', async (_request, reply) =>
    sendHealth(reply, await healthReport(endpoints.checks, endpoints.version)),
  );
  server.get('/metrics', (_request, reply) => sendMetrics(reply, endpoints.metrics));
  const url = await server.listen({ port: ops.port, host: ops.host });
  return { url, close: () => server.close() };
}

async function sendReady(reply: FastifyReply, endpoints: OpsEndpoints) {
  const report = await healthReport(endpoints.readiness, endpoints.version);
  const ready = report.status !== 'fail';
  return reply
    .code(ready ? 200 : 503)
    .header('cache-control', 'no-store')
    .type('application/health+json')
    .send({ status: ready ? 'pass' : 'fail' });
}

function sendHealth(reply: FastifyReply, report: Awaited<ReturnType<typeof healthReport>>) {
  return reply
    .code(report.status === 'fail' ? 503 : 200)
    .header('cache-control', 'no-store')
    .type('application/health+json')
    .send(report);
}

async function sendMetrics(reply: FastifyReply, metrics: Metrics) {
  return reply
    .header('cache-control', 'no-store')
    .type(metrics.registry.contentType)
    .send(await metrics.registry.metrics());
}

function bearerMatches(request: FastifyRequest, token: string | null): boolean {
  const header = request.headers.authorization;
  if (token === null || !header?.startsWith('Bearer ')) return false;
  // Equal-length digests: the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

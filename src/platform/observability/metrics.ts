import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';

/** One Prometheus registry per application instance, so tests can build several apps in one process. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly auditEvents: Counter<'action' | 'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Default metrics keep their standard names (`process_*`, `nodejs_*`): dashboards and alerts expect them.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'guichet_http_request_duration_seconds',
      help: 'HTTP request duration by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    auditEvents: new Counter({
      name: 'guichet_audit_events_total',
      help: 'Audit events recorded',
      labelNames: ['action', 'outcome'],
      registers: [registry],
    }),
  };
}

/** Times every request; `/metrics` itself is served by `observability/ops.ts` (token or separate port). */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    // Route templates, not raw URLs: bounded label cardinality and no identifiers in metrics.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

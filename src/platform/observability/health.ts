import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';

type Status = 'pass' | 'warn' | 'fail';

export interface HealthCheck {
  readonly name: string;
  readonly componentType: string;
  check(): Promise<{ status: Status; observedValue?: number; observedUnit?: string; output?: string }>;
}

/** `/health` in the IETF health-check format (application/health+json); 503 when any check fails. */
export function registerHealthRoute(
  app: FastifyInstance,
  database: Database,
  version: string,
  extra: HealthCheck[] = [],
): void {
  const checks: HealthCheck[] = [databaseCheck(database), ...extra];
  app.get('/health', async (_request, reply) => {
    const results = await Promise.all(checks.map(async (check) => ({ check, result: await safely(check) })));
    const status: Status = results.some((r) => r.result.status === 'fail')
      ? 'fail'
      : results.some((r) => r.result.status === 'warn')
        ? 'warn'
        : 'pass';
    const time = new Date().toISOString();
    const body = {
      status,
      version,
      serviceId: 'guichet',
      checks: Object.fromEntries(
        results.map(({ check, result }) => [
          check.name,
          [{ componentType: check.componentType, ...result, time }],
        ]),
      ),
    };
    return reply
      .code(status === 'fail' ? 503 : 200)
      .header('cache-control', 'no-store')
      .type('application/health+json')
      .send(body);
  });
}

async function safely(check: HealthCheck): ReturnType<HealthCheck['check']> {
  try {
    return await check.check();
  } catch {
    return { status: 'fail', output: `${check.name} unavailable` };
  }
}

function databaseCheck(database: Database): HealthCheck {
  return {
    name: 'database:responseTime',
    componentType: 'datastore',
    async check() {
      const started = performance.now();
      await sql`select 1`.execute(database.db);
      return {
        status: 'pass',
        observedValue: Math.round((performance.now() - started) * 100) / 100,
        observedUnit: 'ms',
      };
    },
  };
}

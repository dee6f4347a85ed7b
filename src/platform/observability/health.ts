import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type HealthStatus = 'pass' | 'warn' | 'fail';

export interface HealthCheckResult {
  readonly status: HealthStatus;
  readonly observedValue?: number;
  readonly observedUnit?: string;
  /** A short reason, never an address, a credential or personal information. */
  readonly output?: string;
}

/** One dependency as the IETF health-check draft names it: `component:measurement`. */
export interface HealthCheck {
  readonly name: string;
  readonly componentType: string;
  check(): Promise<HealthCheckResult>;
}

export interface HealthReport {
  readonly status: HealthStatus;
  readonly version: string;
  readonly serviceId: 'guichet';
  readonly checks?: Record<string, (HealthCheckResult & { componentType: string; time: string })[]>;
}

/** Runs every check; the worst status is the service's (the application/health+json format). */
export async function healthReport(checks: readonly HealthCheck[], version: string): Promise<HealthReport> {
  const results = await Promise.all(checks.map(async (check) => ({ check, result: await safely(check) })));
  const statuses = results.map(({ result }) => result.status);
  const status: HealthStatus = statuses.includes('fail')
    ? 'fail'
    : statuses.includes('warn')
      ? 'warn'
      : 'pass';
  const time = new Date().toISOString();
  return {
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
}

async function safely(check: HealthCheck): Promise<HealthCheckResult> {
  try {
    return await check.check();
  } catch {
    return { status: 'fail', output: `${check.name} unavailable` };
  }
}

/** The database answers: without it nothing works (`fail`). */
export function databaseCheck(db: Kysely<DB>): HealthCheck {
  return {
    name: 'database:responseTime',
    componentType: 'datastore',
    async check() {
      const started = performance.now();
      await sql`select 1`.execute(db);
      return {
        status: 'pass',
        observedValue: Math.round((performance.now() - started) * 100) / 100,
        observedUnit: 'ms',
      };
    },
  };
}

/**
 * An OpenID Connect provider publishes its discovery document: when it does not, people who sign in with it
 * cannot, but everyone else can (`warn`). Cached, so a busy `/health` does not become load on the provider.
 */
export function openIdProviderCheck(
  id: string,
  issuer: string,
  options: { timeoutMs?: number; cacheMs?: number } = {},
): HealthCheck {
  const { timeoutMs = 2_000, cacheMs = 15_000 } = options;
  let cached: { at: number; result: HealthCheckResult } | null = null;
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  return {
    name: `identity-provider:${id}`,
    componentType: 'component',
    async check() {
      if (cached && Date.now() - cached.at < cacheMs) return cached.result;
      const started = performance.now();
      let result: HealthCheckResult;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        result = response.ok
          ? { status: 'pass', observedValue: Math.round(performance.now() - started), observedUnit: 'ms' }
          : { status: 'warn', output: `discovery answered ${response.status}` };
      } catch {
        result = { status: 'warn', output: 'discovery unreachable' };
      }
      cached = { at: Date.now(), result };
      return result;
    },
  };
}

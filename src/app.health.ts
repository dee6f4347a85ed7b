import type { Config } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { databaseCheck, openIdProviderCheck } from './platform/observability/health.ts';
import type { HealthCheck } from './platform/observability/health.ts';
import type { Metrics } from './platform/observability/metrics.ts';
import type { OpsEndpoints } from './platform/observability/ops.ts';
import type { NatsLink } from './exchange/index.ts';

/**
 * What `/health` reports, one check per dependency: the database (`fail` without it), NATS when configured
 * (`warn` while down: tell-us-once deliveries wait in the outbox) and each identity provider (`warn` while its
 * discovery document cannot be read: only the people who sign in with it are affected). Only the database
 * decides readiness.
 */
export function opsEndpoints(
  config: Config,
  database: Database,
  nats: NatsLink | null,
  metrics: Metrics,
  version: string,
): OpsEndpoints {
  const database_ = databaseCheck(database.db);
  const providers = config.identity.providers.map((provider) =>
    openIdProviderCheck(provider.id, provider.issuer),
  );
  return {
    checks: [database_, ...(nats ? [natsCheck(nats)] : []), ...providers],
    readiness: [database_],
    metrics,
    version,
  };
}

function natsCheck(nats: NatsLink): HealthCheck {
  return {
    name: 'nats:connection',
    componentType: 'component',
    async check() {
      const state = nats.state();
      if (state === 'connected') return { status: 'pass' };
      return { status: 'warn', output: `${state}: tell-us-once deliveries wait in the outbox` };
    },
  };
}

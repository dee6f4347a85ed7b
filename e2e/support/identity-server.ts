import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.ts';
import type { GuichetApp } from '../../src/app.ts';
import { loadReferenceData } from '../../src/catalogue/reference-data.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import type { Config } from '../../src/platform/config/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemoPopulation, seedIdentityDemo } from '../../src/population/index.ts';
import { startBuiltInProviders } from '../../src/stand-ins/identity-providers/provider-server.ts';
import type { RunningProvider } from '../../src/stand-ins/identity-providers/provider-server.ts';

export interface IdentityTestServer {
  /** `localhost`, so Chromium keeps our Secure, __Host- cookies over plain HTTP. */
  readonly baseUrl: string;
  readonly guichet: GuichetApp;
  readonly providers: readonly RunningProvider[];
  /** The server's database, for a journey's set-up (what earlier steps of the service would have recorded). */
  readonly database: Database;
  readonly config: Config;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Guichet and the four built-in providers, all real servers on 127.0.0.1, as `npm start` runs them. */
export async function startIdentityTestServer(
  options: { demoPeople?: number } = {},
): Promise<IdentityTestServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateToLatest(database.db);
  const running = await startBuiltInProviders({ rpBaseUrl: baseUrl, portBase: 0, db: database.db });
  const base = testConfig({ publicUrl: baseUrl, rateLimitPerMinute: 100_000 });
  const config = {
    ...base,
    identity: { ...base.identity, builtInProviders: true, providers: running.providers.map((p) => p.rp) },
  };
  const guichet = await buildApp({ config, database });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  // As `npm start` does: the population first (it fills an empty register only), then the demo sign-ins' people.
  if (options.demoPeople) await seedDemoPopulation(database, config, options.demoPeople);
  await seedIdentityDemo(database, config);
  await guichet.app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl,
    guichet,
    providers: running.providers,
    database,
    config,
    async stop() {
      await guichet.app.close();
      await running.close();
      await database.close();
    },
  };
}

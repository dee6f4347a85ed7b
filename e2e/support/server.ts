import type { AddressInfo } from 'node:net';
import type { GuichetApp } from '../../src/app.ts';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/app.ts';

export interface TestServer {
  /** Uses `localhost` so browsers accept our Secure, __Host- cookies over plain HTTP. */
  readonly baseUrl: string;
  readonly guichet: GuichetApp;
  stop(): Promise<void>;
}

/** The real application on an ephemeral port over a fresh in-memory database. */
export async function startTestServer(clock?: () => Date): Promise<TestServer> {
  const database: TestDatabase = await openTestDatabase('pglite');
  const guichet = await buildTestApp(database.database, { rateLimitPerMinute: 100_000 }, clock);
  await guichet.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = guichet.app.server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    guichet,
    async stop() {
      await guichet.app.close();
      await database.dispose();
    },
  };
}

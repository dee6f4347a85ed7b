import { buildApp } from '../../src/app.ts';
import type { GuichetApp } from '../../src/app.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import type { Config } from '../../src/platform/config/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { loadReferenceData } from '../../src/catalogue/reference-data.ts';

/** Builds the real application on a test database, with the Canadian reference data loaded. */
export async function buildTestApp(database: Database, overrides: Partial<Config> = {}, clock?: () => Date): Promise<GuichetApp> {
  const guichet = await buildApp({ config: testConfig(overrides), database, ...(clock ? { clock } : {}) });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  await guichet.app.ready();
  return guichet;
}

/** Pulls the CSRF cookie and form token out of a rendered page response, for form posts in tests. */
export function csrfFrom(response: { headers: Record<string, unknown>; body: string }): { cookie: string; token: string } {
  const setCookie = ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('__Host-guichet-csrf=')) ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { cookie, token };
}

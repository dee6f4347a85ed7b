import { buildApp } from '../../src/app.ts';
import type { GuichetApp } from '../../src/app.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import type { Config } from '../../src/platform/config/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { loadReferenceData } from '../../src/catalogue/reference-data.ts';

/** Builds the real application on a test database, with the Canadian reference data loaded. */
export async function buildTestApp(
  database: Database,
  overrides: Partial<Config> = {},
  clock?: () => Date,
): Promise<GuichetApp> {
  const guichet = await buildApp({ config: testConfig(overrides), database, ...(clock ? { clock } : {}) });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  await guichet.app.ready();
  return guichet;
}

/** Pulls the CSRF cookie and form token out of a rendered page response, for form posts in tests. */
export function csrfFrom(response: { headers: Record<string, unknown>; body: string }): {
  cookie: string;
  token: string;
} {
  const setCookie = ([] as string[]).concat(
    (response.headers['set-cookie'] as string | string[] | undefined) ?? [],
  );
  const cookie =
    setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('__Host-guichet-csrf=')) ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { cookie, token };
}

/** Keeps cookies between injected requests, like a browser would. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(response: { headers: Record<string, unknown> }): void {
    for (const line of ([] as string[]).concat(
      (response.headers['set-cookie'] as string | string[] | undefined) ?? [],
    )) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** GET or POST through inject as one browser would: the jar's cookies go out, the response's come back in. */
export async function requestWithJar(
  guichet: GuichetApp,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
) {
  const response = await guichet.app.inject({
    method,
    url,
    headers: {
      cookie: jar.header(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
  });
  jar.store(response);
  return response;
}

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

/**
 * States a purpose for opening a client's file (a phone call), as an agent does before the file opens; returns
 * the answer to the form's post (a 303 when the purpose is taken).
 */
export async function statePurpose(
  guichet: GuichetApp,
  staffCookie: string,
  personId: string,
): Promise<{ statusCode: number }> {
  const url = `/en/staff/clients/${personId}/purpose`;
  const csrf = csrfFrom(await guichet.app.inject({ method: 'GET', url, headers: { cookie: staffCookie } }));
  return guichet.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: `${staffCookie}; ${csrf.cookie}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ purpose: 'phone-call', _csrf: csrf.token }).toString(),
  });
}

/** Keeps cookies between injected requests, like a browser would. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps the cookies a response sets, and forgets those it expires. */
  store(response: { headers: Record<string, unknown> }): void {
    this.storeLines(
      ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? []),
    );
  }

  /** The same, from `Set-Cookie` header lines (e.g. `fetch`'s `headers.getSetCookie()`). */
  storeLines(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
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

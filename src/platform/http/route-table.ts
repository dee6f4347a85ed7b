import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { otherLang } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/i18n.ts';

/** A page's address in both official languages, e.g. `{ en: '/en/programmes/:slug', fr: '/fr/programmes/:slug' }`. */
export interface BilingualPath {
  readonly en: string;
  readonly fr: string;
}

/**
 * Who may use a route. `public` needs nothing; other values are permission names checked by the identity
 * module's guard. Every registered route declares one, so an authorisation test can enumerate them all.
 */
export type RouteAccess = 'public' | `permission:${string}` | 'signed-in';

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  readonly lang: Lang | null;
  readonly access: RouteAccess;
}

export type PageHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
) => Promise<unknown> | unknown;

/** Every route registered through these helpers, for the authorisation matrix and the sitemap. */
export class RouteTable {
  readonly entries: RouteEntry[] = [];

  page(
    app: FastifyInstance,
    method: 'GET' | 'POST',
    path: BilingualPath,
    access: RouteAccess,
    handler: PageHandler,
  ): void {
    for (const lang of ['en', 'fr'] as const) {
      this.entries.push({ method, path: path[lang], lang, access });
      app.route({ method, url: path[lang], handler: (request, reply) => handler(request, reply, lang) });
    }
  }

  /** Records a route registered directly (APIs, assets, health). */
  record(method: string, path: string, access: RouteAccess): void {
    this.entries.push({ method, path, lang: null, access });
  }
}

/** Fills `:name` segments; values are URL-encoded. */
export function pathFor(path: BilingualPath, lang: Lang, params: Record<string, string> = {}): string {
  return path[lang].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `:${name}`));
}

/** The same page in the other language, keeping the query string (where in-progress answers live). */
export function alternateFor(
  request: FastifyRequest,
  path: BilingualPath,
  lang: Lang,
  params: Record<string, string> = {},
): string {
  const other = otherLang(lang);
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  return pathFor(path, other, params) + query;
}

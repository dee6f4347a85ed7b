import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { otherLang } from '../i18n/i18n.ts';
import type { Lang, Translator } from '../i18n/i18n.ts';
import type { Page } from '../views/layout.ts';
import type { FormMemory, KeptForm } from '../forms/form-memory.ts';
import type { NoticeFlash, NoticeKey } from '../forms/notices.ts';
import type { PageRenderer } from './pages.ts';

/** A page's address in both official languages, e.g. `{ en: '/en/programmes/:slug', fr: '/fr/programmes/:slug' }`. */
export interface BilingualPath {
  readonly en: string;
  readonly fr: string;
}

/**
 * Who may use a route. `public` needs nothing; `signed-in` a person's session; `permission:<name>` a staff
 * member holding that permission. Every registered route declares one, so the authorisation test can
 * enumerate them all; the identity module's guard enforces them.
 */
export type RouteAccess = 'public' | `permission:${string}` | 'signed-in';

/** What a signed-in person's route needs beyond its access rule, enforced by the identity guard. */
export interface RouteRequirements {
  /** The sign-in is linked to a person of the register (else: to the linking page). */
  readonly linkedPerson?: boolean;
  /** A sensitive action: this assurance level and a second factor used recently (else: to re-authentication). */
  readonly stepUp?: { readonly level: 1 | 2 | 3; readonly maxAgeSeconds?: number };
  /** An upload form: its POST may also be sent as multipart/form-data (file parts checked by the handler). */
  readonly files?: boolean;
}

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  readonly lang: Lang | null;
  readonly access: RouteAccess;
  readonly requires: RouteRequirements;
}

/** Where a redirect goes: a bilingual path (with its parameters) or a path already built. */
export type Target = BilingualPath | string;

/** What a page handler is given to answer in the route's language. */
export interface ViewContext {
  readonly lang: Lang;
  readonly t: Translator;
  /** A page's address in this language. */
  path(target: BilingualPath, params?: Record<string, string>): string;
  /**
   * Sends the page in the layout, with any notice carried from the request before. The language toggle
   * leads to this route in the other language, with the same parameters and query, unless `alternateUrl`.
   */
  send(page: Page, options?: { status?: number; alternateUrl?: string }): FastifyReply;
  /** 303 See Other, with a notice for the next page to show. */
  redirect(
    target: Target,
    options?: { params?: Record<string, string>; hash?: string; notice?: NoticeKey },
  ): FastifyReply;
  /** What a refused submission of this form kept, if any (see `refuse`). */
  recall(formId: string): Promise<KeptForm | undefined>;
  /** Post/Redirect/Get on a refused form: keeps what was typed and why, then 303 back to the form. */
  refuse(
    formId: string,
    kept: KeptForm,
    back?: { target?: Target; params?: Record<string, string>; hash?: string },
  ): Promise<FastifyReply>;
  /** The form was accepted: what a refused submission kept for it is forgotten. */
  accept(formId: string): Promise<void>;
}

export type PageHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
) => Promise<unknown> | unknown;

/** What every page needs from the platform, built once by the composition root. */
export interface PageKit {
  readonly renderer: PageRenderer;
  readonly forms: FormMemory;
  readonly notices: NoticeFlash;
}

/** Every route registered through these helpers, for the guard, the authorisation matrix and the sitemap. */
export class RouteTable {
  readonly entries: RouteEntry[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly kit: PageKit,
  ) {}

  /** A page in both languages, e.g. `routes.page('GET', portalPaths.profile, 'signed-in', handler)`. */
  page(
    method: 'GET' | 'POST',
    path: BilingualPath,
    access: RouteAccess,
    handler: PageHandler,
    requires: RouteRequirements = {},
  ): void {
    for (const lang of ['en', 'fr'] as const) {
      this.entries.push({ method, path: path[lang], lang, access, requires });
      this.app.route({
        method,
        url: path[lang],
        ...(method === 'POST' ? { preValidation: requireFormBody(requires.files === true) } : {}),
        handler: (request, reply) => handler(request, reply, this.viewContext(request, reply, path, lang)),
      });
    }
  }

  /** Records a route registered directly (APIs, assets, health). */
  record(method: string, path: string, access: RouteAccess): void {
    this.entries.push({ method, path, lang: null, access, requires: {} });
  }

  private viewContext(
    request: FastifyRequest,
    reply: FastifyReply,
    route: BilingualPath,
    lang: Lang,
  ): ViewContext {
    const { renderer, forms, notices } = this.kit;
    const t = renderer.i18n.translator(lang);
    const params = (request.params ?? {}) as Record<string, string>;
    const here = (target: Target | undefined, values: Record<string, string> = params) =>
      typeof target === 'string' ? target : pathFor(target ?? route, lang, values);
    return {
      lang,
      t,
      path: (target, values = {}) => pathFor(target, lang, values),
      send(page, { status = 200, alternateUrl } = {}) {
        const notice = notices.take(request, reply);
        return renderer.send(request, reply, t, page, {
          status,
          alternateUrl: alternateUrl ?? alternateFor(request, route, lang, params),
          ...(notice && t.has(notice) ? { notice: t.t(notice) } : {}),
        });
      },
      redirect(target, { params: values, hash, notice } = {}) {
        const path = here(target, values);
        if (notice) notices.set(reply, notice, path);
        return reply.redirect(`${path}${hash ? `#${hash}` : ''}`, 303);
      },
      recall: (formId) => forms.recall(request, formId),
      async refuse(formId, kept, back = {}) {
        await forms.keep(request, reply, formId, kept);
        const hash = back.hash ? `#${back.hash}` : '';
        return reply.redirect(`${here(back.target, back.params ?? params)}${hash}`, 303);
      },
      accept: (formId) => forms.forget(request, reply, formId),
    };
  }
}

/** A page's form is sent as a form: JSON or anything else a handler would misread is refused (415). */
export class UnsupportedFormTypeError extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  constructor() {
    super('A page accepts only application/x-www-form-urlencoded');
    this.name = 'UnsupportedFormTypeError';
  }
}

function requireFormBody(files: boolean) {
  const accepted = files
    ? ['application/x-www-form-urlencoded', 'multipart/form-data']
    : ['application/x-www-form-urlencoded'];
  return async (request: FastifyRequest): Promise<void> => {
    const type = request.headers['content-type'];
    const empty = type === undefined && (request.body === undefined || request.body === null);
    const given = String(type).toLowerCase();
    if (!empty && !accepted.some((form) => given.startsWith(form))) throw new UnsupportedFormTypeError();
  };
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

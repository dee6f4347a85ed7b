import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSealer } from '../security/sealed-cookie.ts';

declare const noticeBrand: unique symbol;

/** A confirmation shown on the page after a form is accepted: a translation key declared by its module. */
export type NoticeKey = string & { readonly [noticeBrand]: true };

/**
 * A module's confirmations, as translation keys under its namespace: `defineNotices('portal.notices',
 * ['addressChanged'])`. Only keys declared this way can be carried (the i18n test checks each is in both
 * catalogues); a notice is bound to the page the redirect leads to and shown there only, so it can never
 * land on another page (a sign-in in between, another tab).
 */
export function defineNotices<const K extends string>(
  namespace: string,
  keys: readonly K[],
): Readonly<Record<K, NoticeKey>> {
  return Object.fromEntries(keys.map((key) => [key, `${namespace}.${key}` as NoticeKey])) as Record<
    K,
    NoticeKey
  >;
}

/** Carries one notice across a redirect, in a sealed cookie read once. */
export interface NoticeFlash {
  /** Carries `notice` to the page at `page` (a path, without query or fragment). */
  set(reply: FastifyReply, notice: NoticeKey, page: string): void;
  /** The notice carried to this page, if any; read once, whichever page reads it. */
  take(request: FastifyRequest, reply: FastifyReply): NoticeKey | undefined;
}

const NOTICE_COOKIE = '__Host-guichet-flash';
const LIFETIME_SECONDS = 120;
const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function createNoticeFlash(sealer: CookieSealer): NoticeFlash {
  return {
    set(reply, notice, page) {
      const sealed = sealer.seal({ notice, page: pathOnly(page) }, LIFETIME_SECONDS * 1000);
      void reply.setCookie(NOTICE_COOKIE, sealed, {
        ...COOKIE_OPTIONS,
        maxAge: LIFETIME_SECONDS,
      });
    },
    take(request, reply) {
      const raw = request.cookies[NOTICE_COOKIE];
      if (!raw) return undefined;
      void reply.clearCookie(NOTICE_COOKIE, COOKIE_OPTIONS);
      const { notice, page } = (sealer.open(raw) as { notice?: unknown; page?: unknown } | undefined) ?? {};
      if (page !== pathOnly(request.url)) return undefined;
      return typeof notice === 'string' && /^[\w.-]{1,80}$/.test(notice) ? (notice as NoticeKey) : undefined;
    },
  };
}

function pathOnly(url: string): string {
  return url.split(/[?#]/)[0] ?? '';
}

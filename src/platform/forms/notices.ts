import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSealer } from '../security/sealed-cookie.ts';

declare const noticeBrand: unique symbol;

/** A confirmation shown on the page after a form is accepted: a translation key declared by its module. */
export type NoticeKey = string & { readonly [noticeBrand]: true };

/**
 * A module's confirmations, as translation keys under its namespace: `defineNotices('portal.notices',
 * ['addressChanged'])`. Only keys declared this way can be carried, and the layout shows any of them on any
 * page, so a notice can never land on a page that cannot show it.
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
  set(reply: FastifyReply, notice: NoticeKey): void;
  take(request: FastifyRequest, reply: FastifyReply): NoticeKey | undefined;
}

const NOTICE_COOKIE = '__Host-guichet-flash';
const LIFETIME_SECONDS = 120;
const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function createNoticeFlash(sealer: CookieSealer): NoticeFlash {
  return {
    set(reply, notice) {
      void reply.setCookie(NOTICE_COOKIE, sealer.seal({ notice }, LIFETIME_SECONDS * 1000), {
        ...COOKIE_OPTIONS,
        maxAge: LIFETIME_SECONDS,
      });
    },
    take(request, reply) {
      const raw = request.cookies[NOTICE_COOKIE];
      if (!raw) return undefined;
      void reply.clearCookie(NOTICE_COOKIE, COOKIE_OPTIONS);
      const notice = (sealer.open(raw) as { notice?: unknown } | undefined)?.notice;
      return typeof notice === 'string' && /^[\w.-]{1,80}$/.test(notice) ? (notice as NoticeKey) : undefined;
    },
  };
}

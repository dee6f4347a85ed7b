import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCookieSealer } from '../platform/security/sealed-cookie.ts';
import type { CookieSealer } from '../platform/security/sealed-cookie.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Seals the flash cookie (see `registerFlash`). */
    flashSealer: CookieSealer;
  }
}

const FLASH_COOKIE = '__Host-guichet-flash';
const LIFETIME_SECONDS = 120;

/**
 * Errors and typed values carried across POST-redirect-GET: in the browser's own cookie, never in the URL,
 * and sealed (AES-256-GCM), since what was typed may be personal information (a date of birth, a client's
 * marital status in a correction): the cookie can be neither read nor forged.
 */
export interface Flash {
  readonly errors: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly notice?: string;
}

const EMPTY: Flash = { errors: [], values: {} };
// Above every field's own limit (500 characters at most), so a value refused as too long still comes
// back to be shortened; forms with long free text show their errors without a redirect instead.
const MAX_VALUE_LENGTH = 1_000;

export function registerFlash(app: FastifyInstance, secret: string, clock: () => Date): void {
  app.decorate('flashSealer', createCookieSealer(secret, { salt: 'guichet-flash', info: 'flash-v1' }, clock));
}

export function setFlash(reply: FastifyReply, flash: Partial<Flash>): void {
  const value = reply.server.flashSealer.seal(
    { errors: flash.errors ?? [], values: flash.values ?? {}, notice: flash.notice },
    LIFETIME_SECONDS * 1000,
  );
  void reply.setCookie(FLASH_COOKIE, value, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: LIFETIME_SECONDS,
  });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return EMPTY;
  void reply.clearCookie(FLASH_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
  const parsed = request.server.flashSealer.open(raw) as Partial<Flash> | undefined;
  if (parsed === undefined) return EMPTY;
  return checked(parsed);
}

// Sealed by this server, so well formed; checked all the same before any of it reaches a page.
function checked(parsed: Partial<Flash>): Flash {
  const code = (value: unknown): value is string => typeof value === 'string' && /^[\w.-]{1,60}$/.test(value);
  const errors = Array.isArray(parsed.errors) ? parsed.errors.filter(code) : [];
  const values =
    parsed.values && typeof parsed.values === 'object'
      ? Object.fromEntries(
          Object.entries(parsed.values).filter(
            ([, v]) => typeof v === 'string' && v.length <= MAX_VALUE_LENGTH,
          ),
        )
      : {};
  return { errors, values, ...(code(parsed.notice) ? { notice: parsed.notice } : {}) };
}

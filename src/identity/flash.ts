import type { FastifyReply, FastifyRequest } from 'fastify';

const FLASH_COOKIE = '__Host-guichet-flash';

/** Errors and typed values carried across POST-redirect-GET; kept in the browser's own cookie, never in the URL. */
export interface Flash {
  readonly errors: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly notice?: string;
}

const EMPTY: Flash = { errors: [], values: {} };
// Above every field's own limit (500 characters at most), so a value refused as too long still comes
// back to be shortened; forms with long free text show their errors without a redirect instead.
const MAX_VALUE_LENGTH = 1_000;

export function setFlash(reply: FastifyReply, flash: Partial<Flash>): void {
  const value = Buffer.from(
    JSON.stringify({ errors: flash.errors ?? [], values: flash.values ?? {}, notice: flash.notice }),
  ).toString('base64url');
  void reply.setCookie(FLASH_COOKIE, value, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: 120,
  });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return EMPTY;
  void reply.clearCookie(FLASH_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flash>;
    const errors = Array.isArray(parsed.errors)
      ? parsed.errors.filter((e): e is string => typeof e === 'string' && /^[\w.-]{1,60}$/.test(e))
      : [];
    const values =
      parsed.values && typeof parsed.values === 'object'
        ? Object.fromEntries(
            Object.entries(parsed.values).filter(
              ([, v]) => typeof v === 'string' && v.length <= MAX_VALUE_LENGTH,
            ),
          )
        : {};
    const notice =
      typeof parsed.notice === 'string' && /^[\w.-]{1,60}$/.test(parsed.notice) ? parsed.notice : undefined;
    return { errors, values, ...(notice ? { notice } : {}) };
  } catch {
    return EMPTY;
  }
}

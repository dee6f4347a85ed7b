import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A value kept in the visitor's own browser, encrypted and authenticated (AES-256-GCM): the server stores
 * nothing, the visitor cannot read it from the cookie, and a cookie altered, forged or past its time opens
 * as nothing. Each use derives its own key from the session secret (HKDF-SHA-256 with its own salt and
 * info), so a cookie of one kind never opens as another.
 */
export interface CookieSealer {
  seal(value: unknown, lifetimeMs: number): string;
  /** The sealed value, or undefined when the cookie is absent, altered, forged, expired or sealed for another use. */
  open(cookie: string | undefined): unknown;
}

export interface SealerUse {
  readonly salt: string;
  readonly info: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createCookieSealer(secret: string, use: SealerUse, clock: () => Date): CookieSealer {
  const key = Buffer.from(hkdfSync('sha256', secret, use.salt, use.info, 32));
  return {
    seal(value, lifetimeMs) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = JSON.stringify({ value, expires: clock().getTime() + lifetimeMs });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(cookie) {
      if (!cookie) return undefined;
      try {
        const raw = Buffer.from(cookie, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const body = raw.subarray(IV_BYTES + TAG_BYTES);
        const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        const { value, expires } = JSON.parse(plain) as { value: unknown; expires: number };
        return expires > clock().getTime() ? value : undefined;
      } catch {
        return undefined; // altered, forged, or sealed under another key
      }
    },
  };
}

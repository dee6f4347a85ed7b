import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FinderAnswers } from './finder.answers.ts';

/** What one question page needs after a failed answer: the errors and exactly what was typed. */
export interface FinderFlash {
  readonly question: string;
  readonly errors: readonly { readonly field: string; readonly code: string }[];
  readonly values: Readonly<Record<string, string>>;
}

export interface FinderSession {
  readonly answers: FinderAnswers;
  readonly flash?: FinderFlash;
}

export const FINDER_COOKIE = '__Host-guichet-finder';
// Answers last for the visit: a browser-session cookie, and never more than an hour after the last answer.
const LIFETIME_MS = 60 * 60 * 1000;

/**
 * The finder keeps answers only in the visitor's browser, encrypted and authenticated (AES-256-GCM), so the
 * server stores nothing and a visitor cannot tamper with another's answers or read them from the cookie.
 */
export function createFinderState(secret: string, clock: () => Date) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'guichet-finder', 'finder-answers-v1', 32));
  return {
    seal(session: FinderSession): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = JSON.stringify({ ...session, expires: clock().getTime() + LIFETIME_MS });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(cookie: string | undefined): FinderSession {
      if (!cookie) return { answers: {} };
      try {
        const raw = Buffer.from(cookie, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        const { expires, ...session } = JSON.parse(plain) as FinderSession & { expires: number };
        return expires > clock().getTime() ? session : { answers: {} };
      } catch {
        return { answers: {} }; // tampered, expired key or garbage: start afresh rather than fail
      }
    },
  };
}

export type FinderState = ReturnType<typeof createFinderState>;

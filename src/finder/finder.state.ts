import { createCookieSealer } from '../platform/security/sealed-cookie.ts';
import type { FinderAnswers } from './finder.answers.ts';

export interface FinderSession {
  readonly answers: FinderAnswers;
}

export const FINDER_COOKIE = '__Host-guichet-finder';
// Answers last for the visit: a browser-session cookie, and never more than an hour after the last answer.
const LIFETIME_MS = 60 * 60 * 1000;

/**
 * The finder keeps answers only in the visitor's browser, encrypted and authenticated (a sealed cookie), so
 * the server stores nothing and a visitor cannot tamper with another's answers or read them from the cookie.
 */
export function createFinderState(secret: string, clock: () => Date) {
  const sealer = createCookieSealer(secret, { salt: 'guichet-finder', info: 'finder-answers-v1' }, clock);
  return {
    seal: (session: FinderSession): string => sealer.seal(session, LIFETIME_MS),
    // Tampered, expired or garbage: start afresh rather than fail.
    open: (cookie: string | undefined): FinderSession =>
      (sealer.open(cookie) as FinderSession | undefined) ?? { answers: {} },
  };
}

export type FinderState = ReturnType<typeof createFinderState>;

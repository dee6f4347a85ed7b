import type { FastifyReply } from 'fastify';
import { AUTH_REQUEST_COOKIE, SESSION_COOKIE } from './identity.paths.ts';

// ASVS 3.3.1–3.3.4: __Host- prefix, Secure, HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET).
const BASE = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function setSessionCookie(reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, BASE);
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, BASE);
}

export function setAuthRequestCookie(reply: FastifyReply, token: string): void {
  void reply.setCookie(AUTH_REQUEST_COOKIE, token, { ...BASE, maxAge: 600 });
}

export function clearAuthRequestCookie(reply: FastifyReply): void {
  void reply.clearCookie(AUTH_REQUEST_COOKIE, BASE);
}

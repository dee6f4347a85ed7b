/**
 * Who is making a request. The identity module fills `request.identity` from the server-side session;
 * every other module only reads it (and uses the identity module's guards to require a level or permission).
 */
export type AssuranceLevel = 1 | 2 | 3;

export type StaffRole =
  'agent' | 'adjudicator' | 'supervisor' | 'tribunal-member' | 'analyst' | 'administrator';

export interface PersonIdentity {
  readonly kind: 'person';
  readonly sessionId: string;
  /** The login (issuer + subject) used for this session. */
  readonly loginId: string;
  readonly issuer: string;
  readonly subject: string;
  readonly providerId: string;
  /** The registry person this login is linked to; null until identity is proven once. */
  readonly personId: string | null;
  /** That person's name as the register has it now, for the page header; null until linked. */
  readonly displayName: string | null;
  readonly assuranceLevel: AssuranceLevel;
  /** When the person last authenticated (step-up refreshes it). */
  readonly authTime: Date;
  /** When a second factor was last used, for step-up on sensitive actions. */
  readonly secondFactorAt: Date | null;
}

export interface StaffIdentity {
  readonly kind: 'staff';
  readonly sessionId: string;
  readonly staffId: string;
  readonly displayName: string;
  readonly agencyId: string;
  readonly roles: readonly StaffRole[];
  readonly permissions: ReadonlySet<string>;
  readonly authTime: Date;
}

export type Identity = PersonIdentity | StaffIdentity;

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
  }
}

import { SERVICE_TIME_ZONE } from '../i18n/time-zones.ts';

/**
 * Who is making a request. The identity module fills `request.identity` from the server-side session;
 * every other module only reads it (and uses the identity module's guards to require a level or permission).
 */
export type AssuranceLevel = 1 | 2 | 3;

export type StaffRole =
  | 'agent'
  | 'adjudicator'
  | 'supervisor'
  | 'tribunal-member'
  | 'analyst'
  | 'administrator'
  | 'policy-analyst'
  | 'payments-officer';

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
  /** The IANA zone of the province or territory of their home address, Eastern until linked or unknown. */
  readonly timeZone: string;
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
  /** Staff pages show times in Eastern time, the zone named. */
  readonly timeZone: string;
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

/** The zone to show times in to whoever is signed in (Eastern when no one is), the zone named beside them. */
export function readerTimeZone(request: { identity: Identity | null }): string {
  return request.identity?.timeZone ?? SERVICE_TIME_ZONE;
}

/**
 * The person a linked sign-in stands for. Only for routes declared with `{ linkedPerson: true }`: the
 * identity guard has already sent anyone else to sign in or to link their sign-in first.
 */
export function linkedPersonId(request: { identity: Identity | null }): string {
  const identity = request.identity;
  if (identity?.kind !== 'person' || identity.personId === null)
    throw new Error('a linked-person route was reached without a linked person');
  return identity.personId;
}

/** The staff member behind a `permission:` route (the guard has checked the permission). */
export function staffOf(request: { identity: Identity | null }): StaffIdentity {
  if (request.identity?.kind !== 'staff')
    throw new Error('a staff route was reached without a staff identity');
  return request.identity;
}

/** The person signed in on a `signed-in` route (linked or not). */
export function personOf(request: { identity: Identity | null }): PersonIdentity {
  if (request.identity?.kind !== 'person') throw new Error('a signed-in route was reached without a person');
  return request.identity;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An identifier from a path or form, lower-cased, or null when it is not a UUID (the route answers 404). */
export function parseUuid(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { IdentityProviderConfig } from '../platform/config/identity-config.ts';
import type { LookupHasher } from '../platform/crypto/lookup-hash.ts';
import type { AssuranceLevel } from '../platform/http/request-identity.ts';
import { checkSin } from '../person/index.ts';
import type { PersonDirectory } from '../person/index.ts';
import {
  countLinkCodeFailure,
  findActiveLinkCode,
  insertLetter,
  insertLinkCode,
  markLinkCodeUsed,
} from './linking.repository.ts';
import { findLoginById, linkLogin, listLoginsForPerson, unlinkLogin } from './login.repository.ts';
import type { LoginRow } from './login.repository.ts';
import { clearFailures, isThrottled, recordFailure } from './throttle.repository.ts';
import type { SessionService } from './session.service.ts';

// Identity-verification attempts: Login.gov `idv_max_attempts: 5` per 6 hours.
const PROOFING_POLICY = { limit: 5, windowSeconds: 6 * 3600, lockSeconds: 6 * 3600 };
// ASVS 6.5.x: a mailed code is single-use; 10 wrong entries end it (Login.gov OTP maximum).
const CODE_MAX_FAILURES = 10;
const CODE_VALID_DAYS = 30;

export type ProofingResult = 'letter-sent-if-match' | 'invalid' | 'locked';
export type CodeResult =
  { status: 'linked'; personId: string } | { status: 'wrong' } | { status: 'no-code' } | { status: 'locked' };

export interface LinkingService {
  linkFromProvincialClaims(
    loginId: string,
    provider: IdentityProviderConfig,
    level: AssuranceLevel,
    claims: Readonly<Record<string, unknown>>,
    correlationId: string,
  ): Promise<string | null>;
  /** Same answer whether or not the SIN and birth date match someone (ASVS 6.3.8). */
  requestLetter(
    loginId: string,
    sin: string,
    birthDate: string,
    correlationId: string,
  ): Promise<ProofingResult>;
  confirmCode(loginId: string, code: string, correlationId: string): Promise<CodeResult>;
  hasPendingCode(loginId: string): Promise<boolean>;
  listLogins(personId: string): Promise<LoginRow[]>;
  removeLogin(personId: string, loginId: string, correlationId: string): Promise<boolean>;
}

export interface LinkingDeps {
  readonly db: Kysely<DB>;
  /** Codes are kept as keyed hashes only. */
  readonly hasher: LookupHasher;
  /** Proving who someone is means finding them in the register: by SIN, or by name and birth date. */
  readonly people: Pick<PersonDirectory, 'findBySin' | 'findByNameAndBirthDate'>;
  readonly audit: AuditService;
  readonly sessions: SessionService;
  readonly clock: () => Date;
}

export function createLinkingService(deps: LinkingDeps): LinkingService {
  const { db, clock } = deps;
  const audit = (
    action: string,
    outcome: 'success' | 'failure' | 'denied',
    loginId: string,
    correlationId: string,
    personId: string | null = null,
    details: Record<string, unknown> = {},
  ) =>
    deps.audit.record({
      actor: { type: 'person', id: loginId },
      subjectPersonId: personId,
      action,
      purpose: 'self-service',
      channel: 'online',
      outcome,
      correlationId,
      details,
    });

  return {
    async linkFromProvincialClaims(loginId, provider, level, claims, correlationId) {
      if (!provider.assertsVerifiedIdentity || level < 2 || claims.identity_verified !== true) return null;
      const { given_name: given, family_name: family, birthdate } = claims;
      if (
        typeof given !== 'string' ||
        typeof family !== 'string' ||
        typeof birthdate !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(birthdate)
      )
        return null;
      const matches = await deps.people.findByNameAndBirthDate(
        given.normalize('NFC').trim(),
        family.normalize('NFC').trim(),
        birthdate,
      );
      const match = matches.length === 1 ? matches[0] : undefined;
      if (!match) {
        await audit('identity.link', 'failure', loginId, correlationId, null, {
          method: 'provincial-match',
          matches: matches.length,
        });
        return null;
      }
      await linkLogin(db, loginId, match.personId, 'provincial-match', clock());
      await audit('identity.link', 'success', loginId, correlationId, match.personId, {
        method: 'provincial-match',
        provider: provider.id,
      });
      return match.personId;
    },
    async requestLetter(loginId, sinInput, birthDate, correlationId) {
      const key = `proofing:${loginId}`;
      if (await isThrottled(db, key, clock())) return 'locked';
      const sin = checkSin(sinInput);
      if (!sin.ok || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return 'invalid';
      const person = await deps.people.findBySin(sin.sin);
      if (!person || person.birthDate !== birthDate) {
        await recordFailure(db, key, PROOFING_POLICY, clock());
        await audit('identity.proofing.letter-requested', 'failure', loginId, correlationId, null, {
          reason: 'no-match',
        });
        return 'letter-sent-if-match';
      }
      await sendAccessCode(deps, loginId, person.personId);
      await audit('identity.proofing.letter-requested', 'success', loginId, correlationId, person.personId);
      return 'letter-sent-if-match';
    },
    async confirmCode(loginId, code, correlationId) {
      const active = await findActiveLinkCode(db, loginId, clock());
      if (!active) return { status: 'no-code' };
      if (active.failed_attempts >= CODE_MAX_FAILURES) return { status: 'locked' };
      if (deps.hasher.hash(`access-code:${normaliseCode(code)}`) !== active.code_hash) {
        const failures = await countLinkCodeFailure(db, active.id);
        await audit('identity.link', 'failure', loginId, correlationId, active.person_id, {
          method: 'letter-code',
          failures,
        });
        return failures >= CODE_MAX_FAILURES ? { status: 'locked' } : { status: 'wrong' };
      }
      await markLinkCodeUsed(db, active.id, clock());
      await linkLogin(db, loginId, active.person_id, 'letter-code', clock());
      await clearFailures(db, `proofing:${loginId}`);
      await audit('identity.link', 'success', loginId, correlationId, active.person_id, {
        method: 'letter-code',
      });
      return { status: 'linked', personId: active.person_id };
    },
    hasPendingCode: async (loginId) => (await findActiveLinkCode(db, loginId, clock())) !== undefined,
    listLogins: (personId) => listLoginsForPerson(db, personId),
    async removeLogin(personId, loginId, correlationId) {
      const login = await findLoginById(db, loginId);
      if (!login || login.person_id !== personId) {
        await audit('identity.login.remove', 'denied', loginId, correlationId, personId);
        return false;
      }
      await unlinkLogin(db, loginId, personId);
      await deps.sessions.endForLogins([loginId], 'login-removed');
      await audit('identity.login.remove', 'success', loginId, correlationId, personId, {
        provider: login.provider_id,
      });
      return true;
    },
  };
}

async function sendAccessCode(deps: LinkingDeps, loginId: string, personId: string): Promise<void> {
  const now = deps.clock();
  // 10 digits ≈ 33 bits of entropy (ASVS 6.5.4 asks ≥ 20), read easily from paper.
  const code = Array.from({ length: 10 }, () => randomInt(10)).join('');
  await insertLinkCode(deps.db, {
    id: randomUUID(),
    login_id: loginId,
    person_id: personId,
    code_hash: deps.hasher.hash(`access-code:${code}`),
    created_at: now,
    expires_at: new Date(now.getTime() + CODE_VALID_DAYS * 86_400_000),
    failed_attempts: 0,
    used_at: null,
  });
  await insertLetter(deps.db, {
    id: randomUUID(),
    person_id: personId,
    kind: 'personal-access-code',
    access_code: code,
    created_at: now,
  });
}

function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

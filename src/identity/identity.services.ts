import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { Config } from '../platform/config/config.ts';
import { createLookupHasher } from '../platform/crypto/lookup-hash.ts';
import { createBackchannelService } from './backchannel.service.ts';
import type { BackchannelService } from './backchannel.service.ts';
import { CALLBACK_PATH } from './identity.paths.ts';
import { createLinkingService } from './linking.service.ts';
import type { LinkingService } from './linking.service.ts';
import { listLetters } from './linking.repository.ts';
import { findPersonName } from './login.repository.ts';
import { RelyingParty } from './relying-party.ts';
import { createSessionService } from './session.service.ts';
import type { SessionService } from './session.service.ts';
import { createSignInService } from './sign-in.service.ts';
import type { SignInService } from './sign-in.service.ts';
import { createStaffService } from './staff.service.ts';
import type { StaffService } from './staff.service.ts';

export interface IdentityServices {
  readonly sessions: SessionService;
  readonly signIn: SignInService;
  readonly linking: LinkingService;
  readonly staff: StaffService;
  readonly backchannel: BackchannelService;
  readonly audit: AuditService;
  readonly people: {
    nameOf(personId: string): Promise<{ given_name: string; family_name: string } | undefined>;
    /** Development mailbox: letters waiting for the mail house. */
    letters(limit: number): ReturnType<typeof listLetters>;
  };
}

export function createIdentityServices(
  db: Kysely<DB>,
  config: Config,
  audit: AuditService,
  clock: () => Date,
): IdentityServices {
  const rp = new RelyingParty(`${config.publicUrl}${CALLBACK_PATH}`, config.identity.clockSkewSeconds);
  const sessions = createSessionService(db, config.identity, clock);
  const linking = createLinkingService({
    db,
    hasher: createLookupHasher(config.lookupHashKey),
    audit,
    sessions,
    clock,
  });
  return {
    sessions,
    linking,
    audit,
    signIn: createSignInService({ db, config: config.identity, rp, sessions, linking, audit, clock }),
    staff: createStaffService(db, audit, clock),
    backchannel: createBackchannelService({ db, config: config.identity, rp, sessions, audit, clock }),
    people: {
      nameOf: (personId) => findPersonName(db, personId),
      letters: (limit) => listLetters(db, limit),
    },
  };
}

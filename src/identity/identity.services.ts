import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { Config } from '../platform/config/config.ts';
import type { LookupHasher } from '../platform/crypto/lookup-hash.ts';
import type { PersonDirectory } from '../person/index.ts';
import { createBackchannelService } from './backchannel.service.ts';
import type { BackchannelService } from './backchannel.service.ts';
import { CALLBACK_PATH } from './identity.paths.ts';
import { createLinkingService } from './linking.service.ts';
import type { LinkingService } from './linking.service.ts';
import { listLetters } from './linking.repository.ts';
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
  /** Development mailbox: letters waiting for the mail house, with the addressee's name. */
  letters(limit: number): Promise<(Awaited<ReturnType<typeof listLetters>>[number] & { name: string })[]>;
}

export interface IdentityDependencies {
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly audit: AuditService;
  readonly hasher: LookupHasher;
  /** The register of people, through the person module's narrow directory. */
  readonly people: PersonDirectory;
  readonly clock: () => Date;
}

export function createIdentityServices(deps: IdentityDependencies): IdentityServices {
  const { db, config, audit, people, clock } = deps;
  const rp = new RelyingParty(`${config.publicUrl}${CALLBACK_PATH}`, config.identity.clockSkewSeconds);
  const nameOf = async (personId: string) => {
    const name = await people.nameOf(personId);
    return name ? `${name.givenName} ${name.familyName}` : null;
  };
  const sessions = createSessionService(db, config.identity, clock);
  const linking = createLinkingService({ db, hasher: deps.hasher, people, audit, sessions, clock });
  return {
    sessions,
    linking,
    audit,
    signIn: createSignInService({ db, config: config.identity, rp, sessions, linking, audit, clock }),
    staff: createStaffService(db, audit, clock),
    backchannel: createBackchannelService({ db, config: config.identity, rp, sessions, audit, clock }),
    async letters(limit) {
      const letters = await listLetters(db, limit);
      return Promise.all(letters.map(async (l) => ({ ...l, name: (await nameOf(l.person_id)) ?? '' })));
    },
  };
}

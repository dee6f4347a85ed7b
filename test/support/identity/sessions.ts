import { randomUUID } from 'node:crypto';
import type { GuichetApp } from '../../../src/app.ts';
import type { Database } from '../../../src/platform/db/database.ts';
import type { StaffRole } from '../../../src/platform/http/request-identity.ts';
import { grantRole, linkLogin, upsertLogin, upsertStaff } from '../../../src/identity/login.repository.ts';

/** Mints a real server-side session for a person login (optionally linked) without going through a provider. */
export async function personSession(
  guichet: GuichetApp,
  database: Database,
  personId: string | null,
  subject = randomUUID(),
): Promise<string> {
  const now = new Date();
  const login = await upsertLogin(
    database.db,
    { id: randomUUID(), provider_id: 'test', issuer: 'https://test.example', subject },
    now,
  );
  if (personId) await linkLogin(database.db, login.id, personId, 'letter-code', now);
  return guichet.services.identity.sessions.create({
    kind: 'person',
    loginId: login.id,
    providerId: 'test',
    providerSid: null,
    level: 2,
    authTime: now,
    secondFactorAt: now,
  });
}

export async function staffSession(
  guichet: GuichetApp,
  database: Database,
  roles: readonly StaffRole[],
): Promise<string> {
  const now = new Date();
  const { staff } = await upsertStaff(
    database.db,
    {
      id: randomUUID(),
      issuer: 'https://staff.test.example',
      subject: randomUUID(),
      display_name: `Test ${roles.join(' ')}`,
      agency_id: 'esdc',
    },
    now,
  );
  for (const role of roles) await grantRole(database.db, staff.id, role, null, now);
  return guichet.services.identity.sessions.create({
    kind: 'staff',
    staffId: staff.id,
    providerId: 'test-staff',
    providerSid: null,
    level: 2,
    authTime: now,
    secondFactorAt: null,
  });
}

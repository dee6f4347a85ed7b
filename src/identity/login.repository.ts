import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { StaffRole } from '../platform/http/request-identity.ts';
import type { IdentityLoginTable, IdentityStaffTable } from './identity.tables.ts';

export type LoginRow = IdentityLoginTable;
export type StaffRow = IdentityStaffTable;

export async function upsertLogin(
  db: DbExecutor,
  row: Pick<LoginRow, 'id' | 'provider_id' | 'issuer' | 'subject'>,
  now: Date,
): Promise<LoginRow> {
  return db
    .insertInto('identity_login')
    .values({
      ...row,
      person_id: null,
      link_method: null,
      linked_at: null,
      created_at: now,
      last_sign_in_at: now,
    })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet({ last_sign_in_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLoginById(db: DbExecutor, id: string): Promise<LoginRow | undefined> {
  return db.selectFrom('identity_login').selectAll().where('id', '=', id).executeTakeFirst();
}

const loginsForPerson = prepareQuery('identity.logins-for-person', (q, personId: string) =>
  q.selectFrom('identity_login').selectAll().where('person_id', '=', personId).orderBy('linked_at'),
);

export async function listLoginsForPerson(db: DbExecutor, personId: string): Promise<LoginRow[]> {
  return loginsForPerson.execute(db, personId);
}

export async function linkLogin(
  db: DbExecutor,
  loginId: string,
  personId: string,
  method: 'letter-code' | 'provincial-match',
  now: Date,
): Promise<void> {
  await db
    .updateTable('identity_login')
    .set({ person_id: personId, link_method: method, linked_at: now })
    .where('id', '=', loginId)
    .where('person_id', 'is', null)
    .execute();
}

/** Unlinks one of a person's logins; the where clause on person_id keeps A from touching B's logins. */
export async function unlinkLogin(db: DbExecutor, loginId: string, personId: string): Promise<number> {
  const result = await db
    .updateTable('identity_login')
    .set({ person_id: null, link_method: null, linked_at: null })
    .where('id', '=', loginId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function upsertStaff(
  db: DbExecutor,
  row: Pick<StaffRow, 'id' | 'issuer' | 'subject' | 'display_name' | 'agency_id'>,
  now: Date,
): Promise<{ staff: StaffRow; created: boolean }> {
  const existing = await db
    .selectFrom('identity_staff')
    .selectAll()
    .where('issuer', '=', row.issuer)
    .where('subject', '=', row.subject)
    .executeTakeFirst();
  if (existing) return { staff: existing, created: false };
  const staff = await db
    .insertInto('identity_staff')
    .values({ ...row, disabled_at: null, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { staff, created: true };
}

export async function findStaff(db: DbExecutor, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('identity_staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Staff members' names by id, for pages that say who did something (unknown ids are left out). */
export async function findStaffNames(db: DbExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('identity_staff')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function listStaff(db: DbExecutor): Promise<StaffRow[]> {
  return db.selectFrom('identity_staff').selectAll().orderBy('display_name').execute();
}

export async function rolesOf(db: DbExecutor, staffId: string): Promise<StaffRole[]> {
  const rows = await db
    .selectFrom('identity_staff_role')
    .select('role')
    .where('staff_id', '=', staffId)
    .orderBy('role')
    .execute();
  return rows.map((row) => row.role);
}

export async function grantRole(
  db: DbExecutor,
  staffId: string,
  role: StaffRole,
  grantedBy: string | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('identity_staff_role')
    .values({ staff_id: staffId, role, granted_by: grantedBy, granted_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function revokeRole(db: DbExecutor, staffId: string, role: StaffRole): Promise<void> {
  await db
    .deleteFrom('identity_staff_role')
    .where('staff_id', '=', staffId)
    .where('role', '=', role)
    .execute();
}

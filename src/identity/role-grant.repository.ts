import type { DbExecutor } from '../platform/db/schema.ts';
import type { IdentityRoleGrantRequestTable } from './role-grant.tables.ts';

export interface PendingGrantRow extends IdentityRoleGrantRequestTable {
  staff_name: string;
  requested_by_name: string;
}

/** Files the request; a second request for the same person and role is the same request. */
export async function requestGrant(db: DbExecutor, row: IdentityRoleGrantRequestTable): Promise<void> {
  await db
    .insertInto('identity_role_grant_request')
    .values(row)
    .onConflict((oc) => oc.columns(['staff_id', 'role']).doNothing())
    .execute();
}

export async function listPendingGrants(db: DbExecutor): Promise<PendingGrantRow[]> {
  return db
    .selectFrom('identity_role_grant_request as g')
    .innerJoin('identity_staff as s', 's.id', 'g.staff_id')
    .innerJoin('identity_staff as r', 'r.id', 'g.requested_by')
    .selectAll('g')
    .select(['s.display_name as staff_name', 'r.display_name as requested_by_name'])
    .orderBy('g.requested_at')
    .execute();
}

export async function findPendingGrant(
  db: DbExecutor,
  id: string,
): Promise<IdentityRoleGrantRequestTable | undefined> {
  return db
    .selectFrom('identity_role_grant_request')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function deletePendingGrant(db: DbExecutor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('identity_role_grant_request').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

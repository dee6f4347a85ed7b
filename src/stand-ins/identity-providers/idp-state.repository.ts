import { sql } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import './idp.tables.ts';

/** One stored oidc-provider model instance (or one of the providers' own interaction records). */
export interface StoredState {
  readonly payload: Record<string, unknown>;
  readonly expiresAt: Date | null;
}

export interface StateKey {
  readonly provider: string;
  readonly model: string;
}

export async function upsertState(
  db: DbExecutor,
  key: StateKey,
  id: string,
  payload: Record<string, unknown>,
  expiresAt: Date | null,
): Promise<void> {
  const row = {
    ...key,
    id,
    payload: JSON.stringify(payload),
    grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
    uid: typeof payload.uid === 'string' ? payload.uid : null,
    user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
    expires_at: expiresAt,
  };
  await db
    .insertInto('idp_oidc_state')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['provider', 'model', 'id']).doUpdateSet({
        payload: row.payload,
        grant_id: row.grant_id,
        uid: row.uid,
        user_code: row.user_code,
        expires_at: row.expires_at,
      }),
    )
    .execute();
}

/** The payload, unless it has expired. */
export async function findState(
  db: DbExecutor,
  key: StateKey,
  by: { id: string } | { uid: string } | { userCode: string },
  now: Date,
): Promise<Record<string, unknown> | undefined> {
  let query = db
    .selectFrom('idp_oidc_state')
    .select('payload')
    .where('provider', '=', key.provider)
    .where('model', '=', key.model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  if ('id' in by) query = query.where('id', '=', by.id);
  else if ('uid' in by) query = query.where('uid', '=', by.uid);
  else query = query.where('user_code', '=', by.userCode);
  const row = await query.executeTakeFirst();
  return row ? (parsed(row.payload) as Record<string, unknown>) : undefined;
}

/** Marks a model instance (an authorization code, say) as used, as oidc-provider's `consume` asks. */
export async function consumeState(db: DbExecutor, key: StateKey, id: string, at: Date): Promise<void> {
  const consumed = Math.floor(at.getTime() / 1000);
  await sql`UPDATE idp_oidc_state SET payload = jsonb_set(payload, '{consumed}', to_jsonb(${consumed}::int))
    WHERE provider = ${key.provider} AND model = ${key.model} AND id = ${id}`.execute(db);
}

export async function deleteState(db: DbExecutor, key: StateKey, id: string): Promise<void> {
  await db
    .deleteFrom('idp_oidc_state')
    .where('provider', '=', key.provider)
    .where('model', '=', key.model)
    .where('id', '=', id)
    .execute();
}

/** Every token issued under a grant, whatever its model (oidc-provider's `revokeByGrantId`). */
export async function deleteByGrant(db: DbExecutor, provider: string, grantId: string): Promise<void> {
  await db
    .deleteFrom('idp_oidc_state')
    .where('provider', '=', provider)
    .where('grant_id', '=', grantId)
    .execute();
}

export async function purgeExpiredState(db: DbExecutor, now: Date): Promise<number> {
  const result = await db.deleteFrom('idp_oidc_state').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The provider's keys: those already stored, else made now (and stored by whichever process comes first). */
export async function providerMaterial<T>(
  db: DbExecutor,
  provider: string,
  make: () => Promise<T>,
  now: Date,
): Promise<T> {
  const read = () =>
    db
      .selectFrom('idp_provider_material')
      .select('material')
      .where('provider', '=', provider)
      .executeTakeFirst();
  const stored = await read();
  if (stored) return parsed(stored.material) as T;
  await db
    .insertInto('idp_provider_material')
    .values({ provider, material: JSON.stringify(await make()), created_at: now })
    .onConflict((oc) => oc.column('provider').doNothing())
    .execute();
  const row = await read();
  if (!row) throw new Error(`no keys stored for the ${provider} provider`);
  return parsed(row.material) as T;
}

/** jsonb comes back parsed from PostgreSQL and PGlite alike; a string only if stored as one. */
function parsed(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

export interface FailureRule {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
}

/** Counts one failure in one statement (two processes failing at once both count) and locks at the limit. */
export async function recordFailure(
  db: DbExecutor,
  at: { provider: string; counter: string; key: string },
  rule: FailureRule,
  now: Date,
): Promise<void> {
  const windowFrom = new Date(now.getTime() - rule.windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + rule.lockSeconds * 1000);
  const first = rule.limit <= 1 ? lockUntil : null;
  await sql`INSERT INTO idp_failure AS f (provider, counter, key, window_start, failures, locked_until)
    VALUES (${at.provider}, ${at.counter}, ${at.key}, ${now}, 1, ${first})
    ON CONFLICT (provider, counter, key) DO UPDATE SET
      window_start = CASE WHEN f.window_start < ${windowFrom} THEN ${now} ELSE f.window_start END,
      failures = CASE WHEN f.window_start < ${windowFrom} THEN 1 ELSE f.failures + 1 END,
      locked_until = CASE
        WHEN (CASE WHEN f.window_start < ${windowFrom} THEN 1 ELSE f.failures + 1 END) >= ${rule.limit}
        THEN ${lockUntil}::timestamptz
        WHEN f.window_start < ${windowFrom} THEN NULL
        ELSE f.locked_until END`.execute(db);
}

export async function isLockedOut(
  db: DbExecutor,
  at: { provider: string; counter: string; key: string },
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('idp_failure')
    .select('locked_until')
    .where('provider', '=', at.provider)
    .where('counter', '=', at.counter)
    .where('key', '=', at.key)
    .executeTakeFirst();
  return row?.locked_until != null && new Date(row.locked_until).getTime() > now.getTime();
}

export async function clearFailures(
  db: DbExecutor,
  at: { provider: string; counter: string; key: string },
): Promise<void> {
  await db
    .deleteFrom('idp_failure')
    .where('provider', '=', at.provider)
    .where('counter', '=', at.counter)
    .where('key', '=', at.key)
    .execute();
}

import { createHash } from 'node:crypto';

import type { DbExecutor } from '../platform/db/schema.ts';

export interface ThrottlePolicy {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
}

const keyOf = (key: string) => createHash('sha256').update(key).digest('base64url');

export async function isThrottled(db: DbExecutor, key: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('identity_throttle')
    .select('locked_until')
    .where('key', '=', keyOf(key))
    .executeTakeFirst();
  return row?.locked_until != null && new Date(row.locked_until) > now;
}

/** Counts one failure; locks the key once `limit` failures fall within the window. */
export async function recordFailure(
  db: DbExecutor,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  const hashed = keyOf(key);
  const row = await db
    .selectFrom('identity_throttle')
    .selectAll()
    .where('key', '=', hashed)
    .executeTakeFirst();
  const fresh = !row || now.getTime() - new Date(row.window_start).getTime() > policy.windowSeconds * 1000;
  const failures = fresh ? 1 : (row?.failures ?? 0) + 1;
  const values = {
    window_start: fresh ? now : new Date(row?.window_start ?? now),
    failures,
    locked_until: failures >= policy.limit ? new Date(now.getTime() + policy.lockSeconds * 1000) : null,
  };
  await db
    .insertInto('identity_throttle')
    .values({ key: hashed, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function clearFailures(db: DbExecutor, key: string): Promise<void> {
  await db.deleteFrom('identity_throttle').where('key', '=', keyOf(key)).execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AUTH_REQUEST_MAX_AGE_SECONDS } from './sign-in.service.ts';

/**
 * How long sign-in state is kept once it can no longer be used. Expired state is of no use to the service and a
 * liability to keep (Privacy Act s. 6(3): dispose of what is no longer needed). Ended sessions, with the purposes
 * staff stated in them, stay 90 days so a security investigation can see who was signed in when; the audit log
 * keeps every access for good.
 */
export const SIGN_IN_STATE_RETENTION = {
  /** Authorization requests (state, nonce, PKCE verifier) cannot be used after this anyway. */
  authRequestSeconds: AUTH_REQUEST_MAX_AGE_SECONDS,
  /** Failure counters whose window started this long ago and whose lock, if any, has passed. */
  throttleSeconds: 86_400,
  /** Personal access codes, once used or expired. */
  linkCodeDays: 30,
  /** Sessions, once ended or past their absolute timeout. */
  sessionDays: 90,
} as const;

export interface SignInStatePurge {
  readonly dryRun: boolean;
  readonly authRequests: number;
  readonly throttles: number;
  readonly linkCodes: number;
  readonly sessions: number;
}

const DAY_MS = 86_400_000;

class DryRun extends Error {}

/**
 * Deletes sign-in state past its retention, in one transaction. With `dryRun` the same deletes run and are
 * rolled back, so the counts are exactly what a real run would remove.
 */
export async function purgeSignInState(
  db: Kysely<DB>,
  now: Date,
  absoluteTimeoutSeconds: number,
  { dryRun = false } = {},
): Promise<SignInStatePurge> {
  let counts = { authRequests: 0, throttles: 0, linkCodes: 0, sessions: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      counts = await deleteExpired(trx, now, absoluteTimeoutSeconds);
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { dryRun, ...counts };
}

async function deleteExpired(trx: Transaction<DB>, now: Date, absoluteTimeoutSeconds: number) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const kept = SIGN_IN_STATE_RETENTION;
  const count = (result: { numDeletedRows: bigint }[]) => Number(result[0]?.numDeletedRows ?? 0);
  const authRequests = await trx
    .deleteFrom('identity_auth_request')
    .where('created_at', '<', before(kept.authRequestSeconds * 1000))
    .execute();
  const throttles = await trx
    .deleteFrom('identity_throttle')
    .where('window_start', '<', before(kept.throttleSeconds * 1000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  const codeCutoff = before(kept.linkCodeDays * DAY_MS);
  const linkCodes = await trx
    .deleteFrom('identity_link_code')
    .where((eb) => eb.or([eb('used_at', '<', codeCutoff), eb('expires_at', '<', codeCutoff)]))
    .execute();
  const sessionCutoff = before(kept.sessionDays * DAY_MS);
  const sessions = await trx
    .deleteFrom('identity_session')
    .where((eb) =>
      eb.or([
        eb('ended_at', '<', sessionCutoff),
        eb('created_at', '<', new Date(sessionCutoff.getTime() - absoluteTimeoutSeconds * 1000)),
      ]),
    )
    .execute();
  return {
    authRequests: count(authRequests),
    throttles: count(throttles),
    linkCodes: count(linkCodes),
    sessions: count(sessions),
  };
}

const PURGE_EVERY_MS = 3_600_000;

/** Purges once an hour while the service runs; returns how to stop. A failed run is logged and tried again. */
export function schedulePurge(
  db: Kysely<DB>,
  absoluteTimeoutSeconds: number,
  log: (report: SignInStatePurge | { error: string }) => void,
): () => void {
  const timer = setInterval(() => {
    purgeSignInState(db, new Date(), absoluteTimeoutSeconds).then(log, (error: unknown) =>
      log({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, PURGE_EVERY_MS);
  timer.unref(); // never keeps a stopping process alive
  return () => clearInterval(timer);
}

import type { DbExecutor } from '../../platform/db/schema.ts';
import { clearFailures, isLockedOut, recordFailure } from './idp-state.repository.ts';
import type { FailureRule } from './idp-state.repository.ts';

/**
 * Failure counters for the built-in providers (ASVS 6.3.1; Login.gov defaults): a key is locked for
 * `lockSeconds` once it has failed `limit` times within `windowSeconds`. Kept in the database, so a lock holds
 * whichever process answers next (ADR 0013).
 */
export class FailureCounter {
  private readonly rule: FailureRule;

  constructor(
    private readonly db: DbExecutor,
    private readonly scope: { provider: string; counter: string },
    limit: number,
    windowSeconds: number,
    lockSeconds: number,
    private readonly clock: () => Date,
  ) {
    this.rule = { limit, windowSeconds, lockSeconds };
  }

  isLocked(key: string): Promise<boolean> {
    return isLockedOut(this.db, { ...this.scope, key }, this.clock());
  }

  fail(key: string): Promise<void> {
    return recordFailure(this.db, { ...this.scope, key }, this.rule, this.clock());
  }

  reset(key: string): Promise<void> {
    return clearFailures(this.db, { ...this.scope, key });
  }
}

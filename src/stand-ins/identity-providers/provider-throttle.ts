/**
 * In-memory failure counters for the built-in providers (ASVS 6.3.1; Login.gov defaults): a key is
 * locked for `lockSeconds` once it has failed `limit` times within `windowSeconds`.
 */
export class FailureCounter {
  private readonly entries = new Map<
    string,
    { windowStart: number; failures: number; lockedUntil: number }
  >();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly lockSeconds: number,
    private readonly clock: () => Date,
  ) {}

  isLocked(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.lockedUntil > this.clock().getTime();
  }

  fail(key: string): void {
    const now = this.clock().getTime();
    const entry = this.entries.get(key);
    const fresh = !entry || now - entry.windowStart > this.windowSeconds * 1000;
    const next = fresh
      ? { windowStart: now, failures: 1, lockedUntil: 0 }
      : { ...entry, failures: entry.failures + 1 };
    if (next.failures >= this.limit) next.lockedUntil = now + this.lockSeconds * 1000;
    this.entries.set(key, next);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Five retries waiting at most 1 + 2 + 4 + 8 + 16 = 31 s in all; after that the durable queue takes over. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** Why an attempt failed: no answer at all (refused, reset, timed out), or an HTTP status with GC Notify's error names. */
export type AttemptFailure =
  | { readonly kind: 'network' }
  | { readonly kind: 'http'; readonly status: number; readonly errors: readonly string[] };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Whether trying again can help. GC Notify answers 429 for two reasons: `RateLimitError` (1,000 requests a
 * minute, rolling) passes in seconds; `TooManyRequestsError` (the daily send limit) does not pass today, so
 * retrying now would only burn requests. Other 4xx answers are the request's fault and will not change.
 */
export function isRetryable(failure: AttemptFailure): boolean {
  if (failure.kind === 'network') return true;
  if (failure.errors.includes('TooManyRequestsError')) return false;
  return RETRYABLE_STATUSES.has(failure.status);
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or null to give up: exponential back-off with full
 * jitter (a random wait up to base × 2^(attempt−1), capped), so that many clients failing at once do not
 * retry in step. `random` returns a number in [0, 1).
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  failure: AttemptFailure,
  random: () => number = Math.random,
): number | null {
  if (attempt >= policy.maxAttempts || !isRetryable(failure)) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

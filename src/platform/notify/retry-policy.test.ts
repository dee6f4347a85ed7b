import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelay } from './retry-policy.ts';
import type { AttemptFailure } from './retry-policy.ts';

const http = (status: number, ...errors: string[]): AttemptFailure => ({ kind: 'http', status, errors });
const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('retry policy for GC Notify', () => {
  it('retries network faults, the per-minute rate limit and server errors', () => {
    for (const failure of [
      { kind: 'network' } as const,
      http(429, 'RateLimitError'),
      http(500, 'Exception'),
      http(502),
      http(503),
      http(504),
    ]) {
      assert.equal(isRetryable(failure), true, JSON.stringify(failure));
    }
  });

  it('does not retry the daily send limit or the request’s own faults', () => {
    for (const failure of [
      http(429, 'TooManyRequestsError'),
      http(400, 'BadRequestError'),
      http(403, 'AuthError'),
      http(404),
      http(401),
    ]) {
      assert.equal(isRetryable(failure), false, JSON.stringify(failure));
      assert.equal(retryDelay(policy, 1, failure), null);
    }
  });

  it('backs off exponentially up to a cap, with the full range of jitter', () => {
    const top = () => 0.999_999;
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelay(policy, attempt, http(503), top)),
      [99, 199, 399, 799],
    );
    assert.equal(retryDelay({ ...policy, maxAttempts: 10 }, 8, http(503), top), 999, 'capped at maxDelayMs');
    assert.equal(
      retryDelay(policy, 3, http(503), () => 0),
      0,
    );
  });

  it('gives up after the last attempt', () => {
    assert.equal(
      retryDelay(policy, 4, { kind: 'network' }, () => 0.5),
      400,
    );
    assert.equal(
      retryDelay(policy, 5, { kind: 'network' }, () => 0.5),
      null,
    );
  });

  it('always waits between 0 and the cap, never longer than the policy allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: DEFAULT_RETRY_POLICY.maxAttempts - 1 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, random) => {
          const delay = retryDelay(DEFAULT_RETRY_POLICY, attempt, http(503), () => random);
          return (
            delay !== null &&
            delay >= 0 &&
            delay <=
              Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1))
          );
        },
      ),
    );
  });
});

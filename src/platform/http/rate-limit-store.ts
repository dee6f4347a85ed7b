import { sql } from 'kysely';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { DbExecutor } from '../db/schema.ts';

/**
 * `@fastify/rate-limit`'s counters shared by every Guichet process (ADR 0013), in the database.
 *
 * A process does not write on every request: it reserves a block of requests for a client key in the current
 * fixed window (one upsert on `platform_rate_limit` that never takes the window's total past the limit), then
 * counts requests against its block in memory and reserves again when the block is spent. A block is an
 * eighth of what is left, at least one, so a quiet client costs one write a window per process, and blocks
 * shrink to single requests as the limit nears. All processes together never let through more than the limit
 * in a window; a block still unspent when the window ends (at most one per process and key) is lost, so they
 * may let through a little fewer. Once the limit is reached a process refuses that key for the rest of the
 * window without asking the database again.
 */
export interface RateLimitStoreOptions {
  readonly db: DbExecutor;
  readonly now?: () => number;
}

interface Block {
  readonly windowStart: number;
  /** The window's total once this block is spent, and how many of the block are left. */
  readonly last: number;
  left: number;
}

/** What `incr` answers: the request's place in the window (over `max` means refused) and the time left. */
interface Hit {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result: Hit) => void;

const BLOCK_DIVISOR = 8;
/** Keys held in memory; forgetting one only costs its unspent block. */
const MAX_KEYS = 10_000;

export function databaseRateLimitStore(options: RateLimitStoreOptions): FastifyRateLimitStoreCtor {
  const now = options.now ?? Date.now;
  const blocks = new Map<string, Block>();
  const reserving = new Map<string, Promise<void>>();
  let purgedWindow = 0;

  async function reserve(key: string, windowStart: number, max: number): Promise<void> {
    const at = new Date(windowStart);
    if (purgedWindow !== windowStart) {
      purgedWindow = windowStart;
      await sql`DELETE FROM platform_rate_limit WHERE window_start < ${at}`.execute(options.db);
    }
    // Both SET expressions read the row as it was, so `last_grant` is exactly what this reservation took.
    const { rows } = await sql<{ reserved: number; last_grant: number }>`
      INSERT INTO platform_rate_limit AS r (key, window_start, reserved, last_grant)
      VALUES (${key}, ${at}, least(${max}::int, greatest(1, ${max}::int / ${BLOCK_DIVISOR})),
              least(${max}::int, greatest(1, ${max}::int / ${BLOCK_DIVISOR})))
      ON CONFLICT (key, window_start) DO UPDATE SET
        reserved = r.reserved + least(${max}::int - r.reserved, greatest(1, (${max}::int - r.reserved) / ${BLOCK_DIVISOR})),
        last_grant = greatest(0, least(${max}::int - r.reserved, greatest(1, (${max}::int - r.reserved) / ${BLOCK_DIVISOR})))
      RETURNING reserved, last_grant`.execute(options.db);
    const row = rows[0];
    if (blocks.size >= MAX_KEYS && !blocks.has(key)) blocks.delete(blocks.keys().next().value as string);
    blocks.set(key, {
      windowStart,
      last: Number(row?.reserved ?? max),
      left: Math.max(0, Number(row?.last_grant ?? 0)),
    });
  }

  /** The request's place in the window, from the key's block; null when the block is spent or stale. */
  function takeLocally(key: string, windowStart: number, max: number): number | null {
    const block = blocks.get(key);
    if (!block || block.windowStart !== windowStart) return null;
    if (block.left > 0) return block.last - --block.left;
    // A spent block of a full window: refused without asking again.
    return block.last >= max ? max + 1 : null;
  }

  async function take(key: string, timeWindow: number, max: number): Promise<Hit> {
    for (;;) {
      const at = now();
      const windowStart = Math.floor(at / timeWindow) * timeWindow;
      const ttl = windowStart + timeWindow - at;
      const current = takeLocally(key, windowStart, max);
      if (current !== null) return { current, ttl };
      // One reservation per key at a time; requests arriving meanwhile wait for it, then take from it.
      let pending = reserving.get(key);
      if (!pending) {
        pending = reserve(key, windowStart, max).finally(() => reserving.delete(key));
        reserving.set(key, pending);
      }
      await pending;
    }
  }

  class DatabaseRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      // The usual case answers at once from the block in memory.
      const at = now();
      const windowStart = Math.floor(at / timeWindow) * timeWindow;
      const current = takeLocally(key, windowStart, max);
      if (current !== null) return callback(null, { current, ttl: windowStart + timeWindow - at });
      take(key, timeWindow, max).then(
        (hit) => callback(null, hit),
        (error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), { current: 0, ttl: 0 }),
      );
    }

    child(): DatabaseRateLimitStore {
      return this;
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

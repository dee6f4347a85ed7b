import assert from 'node:assert/strict';
import { it } from 'node:test';
import fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { DbExecutor } from '../db/schema.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

const MINUTE = 60_000;

/** One "process": its own Fastify and its own store (nothing in memory shared), the same database. */
async function server(db: DbExecutor, max: number, now: () => number): Promise<FastifyInstance> {
  const app = fastify();
  await app.register(fastifyRateLimit, {
    max,
    timeWindow: MINUTE,
    store: databaseRateLimitStore({ db, now }),
  });
  app.get('/', async () => 'ok');
  await app.ready();
  return app;
}

async function statuses(app: FastifyInstance, count: number, ip: string): Promise<number[]> {
  const answers = await Promise.all(
    Array.from({ length: count }, () => app.inject({ method: 'GET', url: '/', remoteAddress: ip })),
  );
  return answers.map((answer) => answer.statusCode);
}

const accepted = (codes: number[]) => codes.filter((code) => code === 200).length;

describeOnBothDatabases('the rate limit shared by several processes', (database) => {
  let clock = Date.UTC(2026, 11, 3, 7, 0, 0);
  const now = () => clock;

  it('lets through exactly the limit in a window across two processes, then refuses on both', async () => {
    const [a, b] = [await server(database().db, 20, now), await server(database().db, 20, now)];
    const codes = { a: [] as number[], b: [] as number[] };
    // Turns, with requests in flight at once on each, as two busy processes would see them.
    for (let round = 0; round < 6; round++) {
      codes.a.push(...(await statuses(a, 4, '10.0.0.1')));
      codes.b.push(...(await statuses(b, 3, '10.0.0.1')));
    }
    assert.equal(accepted(codes.a) + accepted(codes.b), 20, JSON.stringify(codes));
    assert.ok(accepted(codes.a) > 0 && accepted(codes.b) > 0, 'both processes served the client');
    assert.ok(
      codes.a.includes(429) && codes.b.includes(429),
      'both processes refuse it once the limit is reached',
    );
    assert.deepEqual(await statuses(a, 1, '10.0.0.2'), [200], 'another client has its own count');
    clock += MINUTE;
    assert.deepEqual(await statuses(b, 2, '10.0.0.1'), [200, 200], 'the next window starts again');
    await a.close();
    await b.close();
  });

  it('never lets through more than the limit when both processes take at once', async () => {
    clock += 10 * MINUTE;
    const [a, b] = [await server(database().db, 30, now), await server(database().db, 30, now)];
    const [fromA, fromB] = await Promise.all([statuses(a, 40, '10.0.0.3'), statuses(b, 40, '10.0.0.3')]);
    assert.ok(accepted(fromA) + accepted(fromB) <= 30, `${accepted(fromA)} + ${accepted(fromB)}`);
    // Blocks still unspent in the other process are the only ones not used: asking again spends them.
    const [moreA, moreB] = [await statuses(a, 30, '10.0.0.3'), await statuses(b, 30, '10.0.0.3')];
    assert.equal(accepted([...fromA, ...fromB, ...moreA, ...moreB]), 30);
    await a.close();
    await b.close();
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scheduleSealing } from './audit-sealer.ts';

test('the sealing loop reports a repeated failure once, and again after a success', async () => {
  const outcomes = ['fail', 'fail', 'fail', 'ok', 'fail', 'fail'];
  let calls = 0;
  const reported: string[] = [];
  const stop = scheduleSealing(
    () => {
      const outcome = outcomes[calls] ?? 'ok';
      calls += 1;
      return outcome === 'ok' ? Promise.resolve() : Promise.reject(new Error('tampered'));
    },
    { intervalMs: 5, onError: (error) => reported.push((error as Error).message) },
  );
  while (calls < outcomes.length) await new Promise((resolve) => setTimeout(resolve, 5));
  await stop();
  assert.deepEqual(reported, ['tampered', 'tampered']);
  assert.ok(calls > outcomes.length, 'stopping seals once more');
});

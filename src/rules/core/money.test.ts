import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divideRounded, multiplyRate } from './money.ts';

test('divideRounded rounds as asked', () => {
  assert.deepEqual(
    [divideRounded(25, 10, 'half-up'), divideRounded(24, 10, 'half-up'), divideRounded(-25, 10, 'half-up')],
    [3, 2, -2],
  );
  assert.deepEqual(
    [divideRounded(29, 10, 'floor'), divideRounded(21, 10, 'ceil'), divideRounded(20, 10, 'ceil')],
    [2, 3, 2],
  );
});

test('multiplyRate is exact at half-cent boundaries where floating point is not', () => {
  // 1.005 × 100 = 100.49999999999999 in binary floating point
  assert.equal(multiplyRate(100, 1.005, 'half-up'), 101);
  assert.equal(multiplyRate(4258500, 0.07, 'half-up'), 298095);
  assert.equal(multiplyRate(595_00, 0.135, 'half-up'), 80_33);
});

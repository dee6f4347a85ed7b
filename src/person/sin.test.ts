import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkSin,
  createFictitiousSinSequence,
  formatSin,
  isValidSin,
  maskSin,
  MAX_FICTITIOUS_SINS,
  normaliseSin,
} from './sin.ts';

describe('SIN validation', () => {
  const cases: { name: string; input: string; expected: ReturnType<typeof checkSin> }[] = [
    {
      name: "ESDC's sample SIN",
      input: '046 454 286',
      expected: { ok: true, sin: '046454286', kind: 'fictitious' },
    },
    { name: 'hyphens', input: '046-454-286', expected: { ok: true, sin: '046454286', kind: 'fictitious' } },
    {
      name: 'an Ontario number',
      input: '130692544',
      expected: { ok: true, sin: '130692544', kind: 'issued' },
    },
    {
      name: 'a temporary resident',
      input: '900000001',
      expected: { ok: true, sin: '900000001', kind: 'temporary-resident' },
    },
    { name: 'all zeros', input: '000 000 000', expected: { ok: false, problem: 'not-issued-to-people' } },
    {
      name: 'the reserved 8 range',
      input: '800000002',
      expected: { ok: false, problem: 'not-issued-to-people' },
    },
    { name: 'a wrong check digit', input: '046 454 287', expected: { ok: false, problem: 'checksum' } },
    { name: 'too short', input: '04645428', expected: { ok: false, problem: 'format' } },
    { name: 'letters', input: '046 454 28A', expected: { ok: false, problem: 'format' } },
    { name: 'empty', input: '', expected: { ok: false, problem: 'format' } },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => assert.deepEqual(checkSin(input), expected));
  }

  it('refuses fictitious numbers where only real ones make sense', () => {
    assert.deepEqual(checkSin('046454286', { allowFictitious: false }), {
      ok: false,
      problem: 'fictitious-not-allowed',
    });
    assert.equal(isValidSin('130 692 544', { allowFictitious: false }), true);
  });
});

describe('SIN presentation', () => {
  it('normalises, formats and masks', () => {
    assert.equal(normaliseSin(' 046-454 286 '), '046454286');
    assert.equal(normaliseSin('46454286'), null);
    assert.equal(formatSin('046454286'), '046 454 286');
    assert.equal(maskSin('046 454 286'), '*** *** 286');
    assert.throws(() => maskSin('12345'), RangeError);
  });
});

describe('fictitious SIN sequence', () => {
  it('is deterministic, valid, 0-prefixed and unique', () => {
    const sinFor = createFictitiousSinSequence(42);
    const again = createFictitiousSinSequence(42);
    const seen = new Set<string>();
    for (let index = 0; index < 200_000; index++) {
      const sin = sinFor(index);
      assert.equal(sin, again(index));
      assert.equal(sin[0], '0');
      seen.add(sin);
    }
    assert.equal(seen.size, 200_000);
    for (const sin of [...seen].slice(0, 5_000))
      assert.deepEqual(checkSin(sin), { ok: true, sin, kind: 'fictitious' });
  });

  it('differs by seed, never yields the all-zero SIN and stops at its ceiling', () => {
    assert.notEqual(createFictitiousSinSequence(1)(0), createFictitiousSinSequence(2)(0));
    // Seed 0 has no offset, so index 0 is the one the permutation sends to the all-zero body.
    const sinFor = createFictitiousSinSequence(0);
    const first = sinFor(0);
    assert.notEqual(first, '000000000');
    assert.ok(isValidSin(first));
    for (let index = 1; index < 10_000; index++) assert.notEqual(sinFor(index), first);
    assert.throws(() => sinFor(MAX_FICTITIOUS_SINS), RangeError);
    assert.throws(() => sinFor(-1), RangeError);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { controlCharacterPointers, holdsControlCharacter } from './control-characters.ts';

test('a control character is found in a nested value, a property name or an array item', () => {
  assert.equal(holdsControlCharacter({ a: { b: ['ok', 'bad\u0000'] } }), true);
  assert.equal(holdsControlCharacter({ ['key\u0007']: 'fine' }), true);
  assert.equal(holdsControlCharacter({ note: 'line\nbreak\ttab\rreturn', n: 3, none: null }), false);
  assert.equal(holdsControlCharacter('\u0085'), true);
});

test('the quick check agrees with the pointers for any JSON value', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'é', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u009f', ' '),
  });
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.constant(null),
      tie('array'),
      tie('object'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  })).value;
  fc.assert(
    fc.property(json, (value) => holdsControlCharacter(value) === controlCharacterPointers(value).length > 0),
    { numRuns: 500 },
  );
});

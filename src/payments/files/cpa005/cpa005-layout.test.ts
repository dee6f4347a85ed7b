import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileLayout, FieldOverflowError, renderFields, SEGMENT } from './cpa005-layout.ts';

const digits = (max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^\\d{0,${max}}$`));
const ascii = (max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(..."AZaz09 .,'&/()#-"), maxLength: max });
const segmentValues = fc.record({
  transactionCode: digits(3),
  amount: fc.integer({ min: 0, max: 9_999_999_999 }),
  date: digits(6),
  institutionId: digits(9),
  account: ascii(12),
  payeeName: ascii(30),
  crossReference: ascii(19),
  originatorShortName: ascii(15),
  returnAccount: ascii(12),
});

describe('CPA 005 layout: the byte template writes what the field table renders', () => {
  it('for any values, with some fields constant (property)', () => {
    fc.assert(
      fc.property(segmentValues, fc.integer({ min: 0, max: 100 }), (values, offset) => {
        const { originatorShortName, returnAccount, ...variable } = values;
        const write = compileLayout(SEGMENT, { originatorShortName, returnAccount });
        const target = Buffer.alloc(offset + 240, 'x');
        write(target, offset, variable);
        assert.equal(target.subarray(offset).toString('latin1'), renderFields(SEGMENT, values));
      }),
    );
  });
  it('refuses a value too long, a number too large, letters in a number and a character outside ASCII', () => {
    const write = compileLayout(SEGMENT, {});
    const target = Buffer.alloc(240);
    assert.throws(() => write(target, 0, { account: '1234567890123' }), FieldOverflowError);
    assert.throws(() => write(target, 0, { amount: 10_000_000_000 }), FieldOverflowError);
    assert.throws(() => write(target, 0, { amount: -1 }), FieldOverflowError);
    assert.throws(() => write(target, 0, { institutionId: '00031234X' }), FieldOverflowError);
    assert.throws(() => write(target, 0, { payeeName: 'Élise' }), FieldOverflowError);
  });
});

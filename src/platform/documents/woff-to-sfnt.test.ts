import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { woffToSfnt, WoffError } from './woff-to-sfnt.ts';

const require = createRequire(import.meta.url);
const fontsDir = join(dirname(require.resolve('@gcds-core/fonts/package.json')), 'fonts', 'noto-sans');
const woff = readFileSync(join(fontsDir, 'gcds-noto-sans-regular.woff'));

describe('WOFF to TrueType', () => {
  const sfnt = woffToSfnt(woff);
  const count = sfnt.readUInt16BE(4);

  it('rebuilds the font at exactly the size the WOFF header announces, with its flavour and tables', () => {
    assert.equal(sfnt.length, woff.readUInt32BE(16), 'totalSfntSize');
    assert.equal(sfnt.readUInt32BE(0), 0x00010000, 'TrueType outlines');
    assert.equal(count, woff.readUInt16BE(12));
    assert.equal(sfnt.readUInt16BE(6), 16 * 16, 'searchRange for 18 tables');
  });

  it('inflates every table to its original length and checksum, on 4-byte boundaries', () => {
    for (let index = 0; index < count; index += 1) {
      const [tag, checksum, offset, length] = [0, 4, 8, 12].map((field) =>
        sfnt.readUInt32BE(12 + index * 16 + field),
      );
      const woffEntry = 44 + index * 20;
      assert.equal(tag, woff.readUInt32BE(woffEntry));
      assert.equal(length, woff.readUInt32BE(woffEntry + 12));
      assert.equal(checksum, woff.readUInt32BE(woffEntry + 16));
      assert.equal((offset ?? 1) % 4, 0);
      if (tag !== 0x68656164)
        assert.equal(
          tableChecksum(sfnt.subarray(offset, (offset ?? 0) + (length ?? 0))),
          checksum,
          'checksum',
        );
    }
  });

  it('refuses what is not a WOFF font, or is cut short', () => {
    assert.throws(() => woffToSfnt(sfnt), WoffError);
    assert.throws(() => woffToSfnt(woff.subarray(0, 2_000)), WoffError);
  });
});

/** OpenType table checksum (the `head` table is left out: its checksum skips checkSumAdjustment). */
function tableChecksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + padded.readUInt32BE(offset)) >>> 0;
  return sum;
}

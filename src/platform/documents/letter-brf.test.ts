import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { BRF_CELLS, BRF_LINES } from './brf-pages.ts';
import { letterToBrf } from './letter-brf.ts';
import { BRAILLE_TABLES, BrailleTranslatorMissingError, isBrailleTranslatorInstalled } from './liblouis.ts';
import { renderLetter } from './render-letter.ts';
import { sampleLetter } from '../../../test/support/documents/sample-letters.ts';

const installed = isBrailleTranslatorInstalled();
const SKIP = installed
  ? false
  : 'lou_translate is not installed (Debian packages liblouis-bin and liblouis-data)';
if (SKIP) console.log(`# BRF tests skipped: ${SKIP}`);

/** liblouis's own translation, straight from the command line. */
function louTranslate(text: string, table: string): string {
  return execFileSync('lou_translate', ['--forward', `en-us-brf.dis,${table}`], { input: `${text}\n` })
    .toString()
    .trimEnd();
}

/** The braille with its layout undone: lines joined, indents and page numbers gone. */
function flowing(brf: string): string {
  return brf
    .split('\f')
    .flatMap((page) => page.split('\r\n').slice(0, BRF_LINES - 1))
    .map((line) => line.trim())
    .join(' ');
}

describe('braille-ready file', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(
      `(${lang}) holds pages of at most 40 cells × 25 lines in ASCII braille, closed by form feeds`,
      { skip: SKIP },
      async () => {
        const brf = await renderLetter(sampleLetter(lang), 'brf');
        const pages = brf.split('\f');
        assert.equal(pages.pop(), '');
        assert.ok(pages.length >= 1);
        for (const page of pages) {
          const lines = page.split('\r\n');
          assert.equal(lines.pop(), '');
          assert.equal(lines.length, BRF_LINES);
          for (const line of lines) assert.ok(line.length <= BRF_CELLS, `${line.length} cells: ${line}`);
        }
        assert.match(brf, /^[\x20-\x5f\r\n\f]*$/, 'only North American ASCII braille characters');
      },
    );

    it(`(${lang}) translates a known sentence exactly as liblouis does`, { skip: SKIP }, async () => {
      const letter = sampleLetter(lang);
      const sentence = letter.sections[0]?.blocks[0];
      assert.ok(sentence?.kind === 'paragraph');
      const expected = louTranslate(sentence.text, BRAILLE_TABLES[lang]);
      assert.ok(flowing(await letterToBrf(letter)).includes(expected), `missing ${expected}`);
    });
  }

  it('is contracted (grade 2) English braille', { skip: SKIP }, async () => {
    // UEB grade 2: "for" is = and "the" is !, capitals are marked with a comma.
    assert.ok(flowing(await letterToBrf(sampleLetter('en'))).includes(',YR APPLICA;N = ! ,CANADA'));
  });

  it('numbers its pages in braille', { skip: SKIP }, async () => {
    const firstPage = (await letterToBrf(sampleLetter('en'))).split('\f')[0]?.split('\r\n');
    assert.equal(firstPage?.[BRF_LINES - 1]?.trim(), louTranslate('1', BRAILLE_TABLES.en));
  });

  it('says clearly which packages to install when liblouis is missing', async () => {
    const missing = letterToBrf(sampleLetter('en'), { command: 'lou_translate_not_installed' });
    await assert.rejects(missing, (error: unknown) => {
      assert.ok(error instanceof BrailleTranslatorMissingError);
      assert.match(error.message, /liblouis-bin and liblouis-data/);
      return true;
    });
  });
});

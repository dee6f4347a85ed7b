import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRF_CELLS, BRF_LINES, brfPageCount, layOutBraille, paginateBrf } from './brf-pages.ts';

const WORDS = Array.from({ length: 60 }, (_, index) => `W${index}`).join(' ');

describe('braille page layout', () => {
  it('wraps at 40 cells with the BANA indents: paragraph 3-1, item 1-3, heading 5-5, centred', () => {
    const [first, second] = layOutBraille([{ layout: 'paragraph', braille: WORDS }]);
    assert.ok(first?.startsWith('  W0 ') && second?.startsWith('W'));
    const item = layOutBraille([{ layout: 'item', braille: WORDS }]);
    assert.ok(item[0]?.startsWith('W0') && item[1]?.startsWith('  W'));
    assert.ok(layOutBraille([{ layout: 'heading', braille: ',HEAD' }])[0] === '    ,HEAD');
    assert.equal(layOutBraille([{ layout: 'centred', braille: 'AB' }])[0], `${' '.repeat(19)}AB`);
    for (const line of [first, second, ...item]) assert.ok((line?.length ?? 0) <= BRF_CELLS);
  });

  it('never breaks at a non-breaking space and cuts a word longer than the line', () => {
    const lines = layOutBraille([
      { layout: 'lines', braille: `${'X'.repeat(36)} #AE\u00a0,OCT ${'Y'.repeat(90)}` },
    ]);
    assert.ok(lines.includes('  #AE\u00a0,OCT'));
    assert.ok(lines.every((line) => line.length <= BRF_CELLS));
    assert.equal(lines.join('').replaceAll(' ', '').length, 36 + '#AE\u00a0,OCT'.length + 90, 'nothing lost');
  });

  it('makes 25-line pages closed by a form feed, the page number at the right of line 25', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `L${index}`);
    assert.equal(brfPageCount(lines), 2);
    const brf = paginateBrf(lines, ['#A', '#B']);
    const pages = brf.split('\f');
    assert.equal(pages.at(-1), '', 'the file ends with a form feed');
    for (const [index, page] of pages.slice(0, -1).entries()) {
      const pageLines = page.split('\r\n').slice(0, -1);
      assert.equal(pageLines.length, BRF_LINES);
      assert.equal(pageLines.at(-1), ['#A', '#B'][index]?.padStart(BRF_CELLS));
    }
  });

  it('starts no page with a blank line', () => {
    const lines = [...Array.from({ length: 24 }, () => 'TEXT'), '', '', 'NEXT'];
    const second = paginateBrf(lines, ['#A', '#B']).split('\f')[1];
    assert.ok(second?.startsWith('NEXT\r\n'));
  });
});

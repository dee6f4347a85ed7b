/** BRF page geometry: 40 cells by 25 lines, the standard braille page on 11 × 11.5 in paper. */
export const BRF_CELLS = 40;
export const BRF_LINES = 25;
/** The last line of each page carries the braille page number. */
const TEXT_LINES = BRF_LINES - 1;
/** Centred headings keep at least three blank cells on each side (BANA Braille Formats). */
const CENTRED_WIDTH = BRF_CELLS - 6;
const NON_BREAKING_SPACE = '\u00a0';

/**
 * How a block of braille sits on the line, after BANA Braille Formats: paragraphs start in cell 3 and run
 * over to cell 1; list items start in cell 1 and run over to cell 3; minor headings start in cell 5; the
 * main heading is centred.
 */
export type BrailleLayout = 'centred' | 'heading' | 'paragraph' | 'item' | 'lines' | 'blank';

export interface BrailleBlock {
  readonly layout: BrailleLayout;
  readonly braille: string;
}

const INDENTS: Record<Exclude<BrailleLayout, 'centred' | 'blank'>, { first: number; runover: number }> = {
  heading: { first: 4, runover: 4 },
  paragraph: { first: 2, runover: 0 },
  item: { first: 0, runover: 2 },
  lines: { first: 0, runover: 2 },
};

/** Lays translated blocks out in lines of at most 40 cells. */
export function layOutBraille(blocks: readonly BrailleBlock[]): string[] {
  return blocks.flatMap(({ layout, braille }) => {
    if (layout === 'blank') return [''];
    if (layout === 'centred') return wrap(braille, CENTRED_WIDTH, CENTRED_WIDTH).map(centre);
    const { first, runover } = INDENTS[layout];
    return wrap(braille, BRF_CELLS - first, BRF_CELLS - runover).map(
      (line, index) => ' '.repeat(index === 0 ? first : runover) + line,
    );
  });
}

export function brfPageCount(lines: readonly string[]): number {
  return pages(lines).length;
}

/**
 * The braille-ready file: pages of 25 lines ending in CR LF, each page closed by a form feed, the
 * translated page number at the right of line 25, no page starting with a blank line.
 */
export function paginateBrf(lines: readonly string[], pageNumbers: readonly string[]): string {
  return pages(lines)
    .map((page, index) => {
      const number = pageNumbers[index] ?? '';
      const body = [...page, ...Array<string>(TEXT_LINES - page.length).fill('')];
      return (
        [...body, number.padStart(BRF_CELLS)]
          .map((line) => `${line.replaceAll(NON_BREAKING_SPACE, ' ')}\r\n`)
          .join('') + '\f'
      );
    })
    .join('');
}

function pages(lines: readonly string[]): string[][] {
  const result: string[][] = [];
  let page: string[] = [];
  for (const line of lines) {
    if (page.length === 0 && line === '') continue;
    page.push(line);
    if (page.length === TEXT_LINES) {
      result.push(page);
      page = [];
    }
  }
  if (page.length > 0 || result.length === 0) result.push(page);
  return result;
}

function centre(line: string): string {
  return ' '.repeat(Math.floor((BRF_CELLS - line.length) / 2)) + line;
}

/** Breaks at spaces (never at a non-breaking space); a word longer than the line is cut. */
function wrap(text: string, firstWidth: number, runoverWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const width = () => (lines.length === 0 ? firstWidth : runoverWidth);
  for (let word of text.split(' ').filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length <= width()) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (word.length > width()) {
      lines.push(word.slice(0, width()));
      word = word.slice(width());
    }
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

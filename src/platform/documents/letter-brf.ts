import { labelled } from './letter.ts';
import type { Letter, LetterBlock, LetterSection } from './letter.ts';
import { brfPageCount, layOutBraille, paginateBrf } from './brf-pages.ts';
import type { BrailleLayout } from './brf-pages.ts';
import { translateToBraille } from './liblouis.ts';
import type { TranslateOptions } from './liblouis.ts';

interface PrintBlock {
  readonly layout: BrailleLayout;
  readonly text: string;
}

/**
 * The letter as a braille-ready file: contracted braille from liblouis (UEB grade 2 in English, French
 * unified braille grade 2 in French) on 40-cell, 25-line pages. Throws BrailleTranslatorMissingError
 * where liblouis is not installed.
 */
export async function letterToBrf(letter: Letter, options: TranslateOptions = {}): Promise<string> {
  const blocks = printBlocks(letter);
  const braille = await translateToBraille(
    blocks.map((block) => block.text),
    letter.lang,
    options,
  );
  const lines = layOutBraille(
    blocks.map((block, index) => ({ layout: block.layout, braille: braille[index] ?? '' })),
  );
  const numbers = Array.from({ length: brfPageCount(lines) }, (_, index) => String(index + 1));
  return paginateBrf(lines, await translateToBraille(numbers, letter.lang, options));
}

const BLANK: PrintBlock = { layout: 'blank', text: '' };

function printBlocks(letter: Letter): PrintBlock[] {
  const lines = (texts: readonly string[]): PrintBlock[] => texts.map((text) => ({ layout: 'lines', text }));
  return [
    ...lines([letter.letterhead.agency, ...letter.letterhead.lines]),
    BLANK,
    ...lines([labelled(letter, letter.date), labelled(letter, letter.reference)]),
    BLANK,
    ...lines(letter.recipient),
    BLANK,
    { layout: 'centred', text: letter.heading },
    ...[...letter.sections, letter.rights].flatMap((part) => sectionBlocks(letter, part)),
    BLANK,
    { layout: 'paragraph', text: letter.closing.text },
    ...lines([letter.closing.signatory, letter.closing.role]),
  ];
}

function sectionBlocks(letter: Letter, part: LetterSection): PrintBlock[] {
  return [
    BLANK,
    { layout: 'heading', text: part.heading },
    ...part.blocks.flatMap((block) => blockBlocks(letter, block)),
  ];
}

function blockBlocks(letter: Letter, block: LetterBlock): PrintBlock[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ layout: 'paragraph', text: block.text }];
    case 'list':
      return block.items.map((item, index) => ({
        layout: 'item',
        text: block.ordered ? `${index + 1}. ${item}` : item,
      }));
    case 'table':
      return [
        { layout: 'paragraph', text: block.caption },
        ...block.rows.map((row): PrintBlock => ({ layout: 'item', text: labelled(letter, row) })),
      ];
  }
}

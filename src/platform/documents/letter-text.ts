import { labelled } from './letter.ts';
import type { Letter, LetterBlock, LetterSection } from './letter.ts';

/**
 * The letter as plain text for screen readers and for the braille transcription: one idea per line,
 * headings on their own line between blank lines, list items numbered or bulleted, table rows read as
 * "label: value". No layout characters a screen reader would read aloud.
 */
export function letterToText(letter: Letter): string {
  const paragraphs = [
    [letter.letterhead.agency, ...letter.letterhead.lines],
    [labelled(letter, letter.date), labelled(letter, letter.reference)],
    [...letter.recipient],
    [letter.heading],
    ...[...letter.sections, letter.rights].flatMap((part) => sectionText(letter, part)),
    [letter.closing.text],
    [letter.closing.signatory, letter.closing.role],
  ];
  return `${paragraphs.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function sectionText(letter: Letter, part: LetterSection): string[][] {
  return [[part.heading], ...part.blocks.map((block) => blockText(letter, block))];
}

function blockText(letter: Letter, block: LetterBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items.map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `• ${item}`));
    case 'table':
      return [block.caption, ...block.rows.map((row) => labelled(letter, row))];
  }
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LetterError } from './letter.ts';
import type { Letter } from './letter.ts';
import { ADDRESS_WINDOW } from './pdf-styles.ts';
import { readingOrder, readPdf, rolesOf } from '../../../test/support/documents/pdf-reader.ts';
import type { ReadPdf } from '../../../test/support/documents/pdf-reader.ts';
import { renderLetter } from './render-letter.ts';
import { sampleLetter } from '../../../test/support/documents/sample-letters.ts';

const LANGS = ['en', 'fr'] as const;
const allTexts = (pdf: ReadPdf) => pdf.pages.flatMap((page) => page.texts);
/** Spacing as a reader sees it: pdf.js reads non-breaking and double spaces as one space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ');
const firstPage = (pdf: ReadPdf) => {
  const [page] = pdf.pages;
  assert.ok(page, 'the PDF has no page');
  return page;
};
const allText = (pdf: ReadPdf) =>
  spaced(
    allTexts(pdf)
      .map((text) => text.text)
      .join(' '),
  );

for (const lang of LANGS) {
  describe(`tagged PDF letter (${lang})`, async () => {
    const letter = sampleLetter(lang);
    const pdf = await readPdf(await renderLetter(letter, 'pdf'));

    it('has real, extractable text: heading, table values, rights and closing', () => {
      const text = allText(pdf);
      for (const expected of [
        letter.heading,
        letter.rights.heading,
        letter.closing.signatory,
        letter.reference.value,
      ]) {
        assert.ok(text.includes(spaced(expected)), `missing "${expected}"`);
      }
      const table = letter.sections[0]?.blocks.find((block) => block.kind === 'table');
      assert.ok(table?.kind === 'table' && text.includes(spaced(table.rows[0]?.value ?? '?')));
    });

    it('declares its language, title, PDF/UA identification and shows the title', () => {
      assert.equal(pdf.info.Language, `${lang}-CA`);
      assert.equal(pdf.info.Title, letter.title);
      assert.equal(pdf.xmp['pdfuaid:part'], '1');
      assert.deepEqual(pdf.viewerPreferences, { DisplayDocTitle: true });
    });

    it('is marked and has a structure tree with headings, sections, lists and tables', () => {
      assert.equal(pdf.markInfo?.Marked, true);
      const roles = pdf.pages.flatMap((page) => rolesOf(page.structTree));
      for (const role of [
        'Document',
        'H1',
        'H2',
        'Sect',
        'P',
        'L',
        'LI',
        'Lbl',
        'LBody',
        'Table',
        'TR',
        'TH',
        'TD',
      ]) {
        assert.ok(roles.includes(role), `no ${role} in ${roles.join(',')}`);
      }
      assert.equal(roles.filter((role) => role === 'H1').length, 1);
      assert.equal(roles.filter((role) => role === 'H2').length, letter.sections.length + 1);
    });

    it('reads in order: letterhead, date, address, heading, first section; page numbers outside the tree', () => {
      const order = spaced(readingOrder(firstPage(pdf)).join(' '));
      const expected = [
        letter.letterhead.agency,
        letter.date.value,
        letter.recipient[0] ?? '?',
        letter.heading,
        letter.sections[0]?.heading ?? '?',
      ];
      const positions = expected.map((text) => order.indexOf(spaced(text)));
      assert.ok(
        positions.every((position) => position >= 0),
        `missing from the tree: ${positions.join(',')}`,
      );
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
      );
      const pageNumber = allTexts(pdf).find((text) => text.text.startsWith('Page'));
      assert.equal(pageNumber?.contentId, undefined, 'the page number is an artifact');
    });

    it('embeds every font it uses (Noto Sans)', () => {
      const fonts = pdf.pages.flatMap((page) => page.fonts);
      assert.ok(fonts.length > 0);
      for (const font of fonts)
        assert.ok(font.embedded && font.name.includes('NotoSans'), `${font.name} not embedded`);
    });

    it('puts the recipient address inside the #10 envelope window', () => {
      const recipient = letter.recipient.map(spaced);
      const lines = firstPage(pdf).texts.filter((text) => recipient.includes(spaced(text.text)));
      assert.equal(lines.length, letter.recipient.length);
      for (const line of lines) {
        assert.ok(line.x >= ADDRESS_WINDOW.x && line.x < ADDRESS_WINDOW.x + 2, `x ${line.x}`);
        assert.ok(
          line.top > ADDRESS_WINDOW.y && line.top <= ADDRESS_WINDOW.y + ADDRESS_WINDOW.height,
          `top ${line.top}`,
        );
      }
    });
  });

  describe(`large print letter (${lang})`, async () => {
    const letter = sampleLetter(lang);
    const pdf = await readPdf(await renderLetter(letter, 'large-print'));

    it('sets every piece of text at 18 pt or more, headings larger', () => {
      const sizes = allTexts(pdf).map((text) => text.size);
      assert.ok(Math.min(...sizes) >= 18, `smallest text ${Math.min(...sizes)} pt`);
      const heading = allTexts(pdf).find((text) => letter.heading.startsWith(text.text));
      assert.ok(heading && heading.size > 18);
    });

    it('spaces lines at least 1.25 × the type size (CNIB: leading 25–30 % or more)', () => {
      const body = firstPage(pdf)
        .texts.filter((text) => text.size === 18)
        .map((text) => text.top);
      const gaps = body
        .slice(1)
        .map((top, index) => top - (body[index] ?? top))
        .filter((gap) => gap > 0.5);
      assert.ok(
        gaps.length > 3 && Math.min(...gaps) >= 18 * 1.25,
        `closest lines ${Math.min(...gaps)} pt apart`,
      );
    });

    it('is tagged like the standard letter', () => {
      assert.equal(pdf.markInfo?.Marked, true);
      assert.equal(pdf.info.Language, `${lang}-CA`);
      assert.ok(pdf.pages.flatMap((page) => rolesOf(page.structTree)).includes('H1'));
    });
  });
}

describe('a letter over several pages', async () => {
  const letter = sampleLetter('en');
  const long: Letter = {
    ...letter,
    sections: [
      ...letter.sections,
      {
        heading: 'More',
        blocks: Array.from({ length: 30 }, (_, index) => ({
          kind: 'paragraph' as const,
          text: `Paragraph ${index + 1}. ${'Words to fill the page. '.repeat(12)}`,
        })),
      },
    ],
  };
  const pdf = await readPdf(await renderLetter(long, 'pdf'));

  it('tags and numbers every page, and keeps text running over a page in the tree', () => {
    assert.ok(pdf.pages.length >= 3);
    pdf.pages.forEach((page, index) => {
      assert.ok(readingOrder(page).length > 0, `page ${index + 1} has no tagged text`);
      assert.ok(
        page.texts.some(
          (text) => text.text === `Page ${index + 1} of ${pdf.pages.length}` && text.contentId === undefined,
        ),
      );
    });
    assert.ok(
      spaced(readingOrder(pdf.pages[pdf.pages.length - 1] ?? firstPage(pdf)).join(' ')).includes(
        letter.closing.signatory,
      ),
    );
  });
});

describe('letters that would print wrongly are refused', () => {
  const letter = sampleLetter('en');
  const refused = async (changed: Letter, format: 'pdf' | 'large-print' = 'pdf') =>
    assert.rejects(renderLetter(changed, format), LetterError);

  it('refuses an address of more than five lines, or none', async () => {
    await refused({ ...letter, recipient: ['A', 'B', 'C', 'D', 'E', 'F'] }, 'large-print');
    await refused({ ...letter, recipient: [] });
  });

  it('refuses an address line too long for the window', async () => {
    await refused({
      ...letter,
      recipient: ['ALEX SAMPLE', `${'VERY LONG STREET NAME '.repeat(3)}`, 'OTTAWA ON  K1A 0A1'],
    });
  });

  it('refuses a page label without the page number or total', async () => {
    await refused({ ...letter, labels: { ...letter.labels, page: 'Page' } });
  });
});

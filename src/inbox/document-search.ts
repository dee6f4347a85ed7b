import type { Letter } from '../platform/documents/letter.ts';

/** Search in what the person can read: the title, the heading and every paragraph, in the letter's language. */
export function matches(document: { readonly letter: Letter }, words: readonly string[]): boolean {
  const { letter } = document;
  const text = [
    letter.title,
    letter.heading,
    letter.reference.value,
    ...letter.sections.flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) =>
        block.kind === 'paragraph'
          ? [block.text]
          : block.kind === 'list'
            ? block.items
            : block.rows.map((row) => `${row.label} ${row.value}`),
      ),
    ]),
  ]
    .join(' ')
    .toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

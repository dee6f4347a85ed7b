import transliterate from '@sindresorhus/transliterate';

/**
 * Characters the project writes in a bank file's name fields: unaccented Latin letters, digits, space and a
 * few punctuation marks. Standard 005 files travel through systems that know no accents, so "Éloïse
 * Gagné-O'Brien" is written "Eloise Gagne-O'Brien" and anything else becomes a space.
 */
export const BANK_TEXT_CHARACTERS = /^[A-Za-z0-9 .,'&/()#-]*$/;
const OUTSIDE_BANK_TEXT = /[^A-Za-z0-9 .,'&/()#-]/g;
const COMBINING_MARKS = /\p{M}/gu;

export function toBankText(text: string, width: number): string {
  const ascii = BANK_TEXT_CHARACTERS.test(text) ? text : toAscii(text);
  return ascii.replace(/ {2,}/g, ' ').trim().slice(0, width).trimEnd();
}

/** French accents are combining marks after NFD, cheap to strip; what remains goes to transliterate. */
function toAscii(text: string): string {
  const stripped = text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[’‘]/g, "'");
  const ascii = BANK_TEXT_CHARACTERS.test(stripped) ? stripped : transliterate(stripped);
  return ascii.replace(OUTSIDE_BANK_TEXT, ' ');
}

import { toCardinal as englishCardinal } from 'n2words/en-CA';
import { toCardinal as frenchCardinal } from 'n2words/fr-FR';

/**
 * A cheque's amount in words, as Canadian cheques write it: the dollars in words and the cents as a
 * fraction, in the person's language ("Seven hundred eighteen and 34/100 dollars", "Sept cent dix-huit et
 * 34/100 dollars"). French cardinals are the same in Canada as in France (soixante-dix, quatre-vingts).
 */
export function amountInWords(cents: number, lang: 'en' | 'fr'): string {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new RangeError(`Not a whole number of cents: ${cents}`);
  const dollars = Math.trunc(cents / 100);
  const fraction = `${String(cents % 100).padStart(2, '0')}/100`;
  const words = lang === 'en' ? englishCardinal(dollars, { and: false }) : frenchCardinal(dollars);
  const sentence = lang === 'en' ? `${words} and ${fraction} dollars` : `${words} et ${fraction} dollars`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const FIGURES = {
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
};

/** The amount in figures in the person's locale ("$718.34", "718,34 $"), formatted from a decimal string, not a float. */
export function amountInFigures(cents: number, lang: 'en' | 'fr'): string {
  const dollars = Math.trunc(cents / 100);
  // "718.34" is a numeric string literal; TypeScript cannot see that through the template.
  const decimal = `${dollars}.${String(cents % 100).padStart(2, '0')}` as Intl.StringNumericLiteral;
  return FIGURES[lang].format(decimal);
}

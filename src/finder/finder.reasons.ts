import { readFileSync } from 'node:fs';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import type { ResultCard } from './views/results.views.ts';

type Catalogue = Readonly<Record<string, string>>;

function readCatalogue(file: string): Catalogue {
  return JSON.parse(readFileSync(new URL(`../rules/${file}`, import.meta.url), 'utf8')) as Catalogue;
}

/** Plain-language texts for the engine's reason codes, written beside the rules and addressed to "you". */
export const REASONS: Readonly<Record<Lang, Catalogue>> = {
  en: readCatalogue('reasons.en.json'),
  fr: readCatalogue('reasons.fr.json'),
};

/**
 * The same reasons on the card of a programme paid to the spouse or partner (OAS, GIS, CPP…), for every
 * reason that speaks to the person; a reason that does not ("The supplement is not paid to people living
 * outside Canada.") has no entry and reads the same on both cards.
 */
export const PARTNER_REASONS: Readonly<Record<Lang, Catalogue>> = {
  en: readCatalogue('reasons.partner.en.json'),
  fr: readCatalogue('reasons.partner.fr.json'),
};

/** A reason in the page's language, worded for the person the card is for. */
export function reasonText(t: Translator, code: string, forWhom: ResultCard['forWhom']): string {
  const partner = forWhom === 'partner' ? PARTNER_REASONS[t.lang][code] : undefined;
  return partner ?? REASONS[t.lang][code] ?? t.t('finder.reasonUnknown');
}

import { readFileSync } from 'node:fs';
import { defaultParameters } from './core/parameters.ts';
import type { ParameterFile } from './core/parameters.ts';
import type { Citation } from './core/types.ts';

type Language = 'en' | 'fr';
type Catalogue = Readonly<Record<string, string>>;

function read<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as T;
}

/** What a rule step computed, in plain words (`ccb.reduction` → "Reduction for your family's income"). */
const STEP_NAMES: Readonly<Record<Language, Catalogue>> = {
  en: read<Catalogue>('./steps.en.json'),
  fr: read<Catalogue>('./steps.fr.json'),
};

/**
 * The programmes cite the law in English in code; their French titles, and the French page where one is known,
 * are kept here by English title. A citation without a French page keeps the English address, and says so.
 */
const FRENCH_CITATIONS =
  read<Readonly<Record<string, { title: string; href?: string }>>>('./citations.fr.json');

/** A citation as a reader of `lang` sees it: the title in that language, and the language of the page it opens. */
export interface CitationInLanguage {
  readonly title: string;
  readonly href: string;
  /** The language the linked page is in: a link to an English-only page is marked, as WCAG 3.1.2 asks. */
  readonly hrefLang: Language;
}

export function citationIn(lang: Language, citation: Citation): CitationInLanguage {
  const french = lang === 'fr' ? FRENCH_CITATIONS[citation.title] : undefined;
  if (!french) return { title: citation.title, href: citation.href, hrefLang: 'en' };
  return { title: french.title, href: french.href ?? citation.href, hrefLang: french.href ? 'fr' : 'en' };
}

/** A traced step's name in plain words, or undefined for a step not worded yet (shown by its id). */
export function stepName(lang: Language, rule: string): string | undefined {
  return STEP_NAMES[lang][rule];
}

/** The parameter file a trace names (`ccb/max-under-6.yaml`), or undefined for one no longer on disk. */
export function parameterFileOf(file: string): ParameterFile | undefined {
  try {
    // The store takes the path without the extension.
    return defaultParameters.load(file.replace(/\.yaml$/, ''));
  } catch {
    return undefined;
  }
}

/** A parameter file's own description (`ccb/max-under-6.yaml` → "Maximum annual Canada child benefit…"). */
export function parameterName(lang: Language, file: string): string | undefined {
  const parameter = parameterFileOf(file);
  return lang === 'fr' ? parameter?.descriptionFr : parameter?.descriptionEn;
}

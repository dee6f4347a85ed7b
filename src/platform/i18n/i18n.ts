import { readdirSync, readFileSync } from 'node:fs';
import { SERVICE_TIME_ZONE } from './time-zones.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fr';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'fr' : 'en';
}

type Catalogue = Record<string, string>;

/**
 * Translations live in JSON catalogues per namespace (`common`, `errors`, `validation`, one per feature),
 * in `src/platform/i18n/locales/<lang>/<namespace>.json` and in each module's `locales/<lang>/*.json`.
 * Keys are `namespace.key`. A key missing in either language fails the i18n test.
 */
export interface Translator {
  readonly lang: Lang;
  t(key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
  money(cents: number): string;
  date(isoDate: string | Date): string;
  /**
   * Date and time with the time zone named: in `zone` (the reader's, see `Identity.timeZone`), else in
   * Eastern time, where most staff and callers are.
   */
  dateTime(at: Date, zone?: string): string;
  /** Time of day with the time zone named, in `zone` or else Eastern time. */
  time(at: Date, zone?: string): string;
  number(value: number): string;
  /** A benefit month written out ("2027-01" → "January 2027", "janvier 2027"); anything else as it is. */
  month(period: string): string;
}

/** The platform's own namespaces (`common`, `errors`, `problems`, `validation`). */
export const PLATFORM_LOCALES = new URL('./locales/', import.meta.url);

/** The translation catalogues of one application, built once by the composition root. */
export interface I18n {
  translator(lang: Lang): Translator;
  /** Every key of one language, for the tests that keep the catalogues whole. */
  keys(lang: Lang): ReadonlySet<string>;
}

/** Loads every `<dir>/<lang>/<namespace>.json` of the given folders; keys are `namespace.key`. */
export function createI18n(localeDirs: readonly URL[]): I18n {
  const catalogues = { en: loadLang(localeDirs, 'en'), fr: loadLang(localeDirs, 'fr') };
  const translators = {
    en: createTranslator('en', catalogues.en),
    fr: createTranslator('fr', catalogues.fr),
  };
  return {
    translator: (lang) => translators[lang],
    keys: (lang) => new Set(Object.keys(catalogues[lang])),
  };
}

function loadLang(localeDirs: readonly URL[], lang: Lang): Catalogue {
  const catalogue: Catalogue = {};
  for (const dir of localeDirs) {
    const langDir = new URL(`${lang}/`, dir);
    for (const file of readdirSync(langDir).filter((name) => name.endsWith('.json'))) {
      const namespace = file.replace(/\.json$/, '');
      flatten(JSON.parse(readFileSync(new URL(file, langDir), 'utf8')) as unknown, namespace, catalogue);
    }
  }
  return catalogue;
}

function flatten(node: unknown, prefix: string, into: Catalogue): void {
  if (typeof node === 'string') {
    into[prefix] = node;
    return;
  }
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) flatten(value, `${prefix}.${key}`, into);
  }
}

export class MissingTranslationError extends Error {
  constructor(lang: Lang, key: string) {
    super(`Missing ${lang} translation for "${key}"`);
    this.name = 'MissingTranslationError';
  }
}

const moneyFormats = {
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
};
const dateFormats = {
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }),
};
const numberFormats = { en: new Intl.NumberFormat('en-CA'), fr: new Intl.NumberFormat('fr-CA') };
const monthFormats = {
  en: new Intl.DateTimeFormat('en-CA', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-CA', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
// Built once per language and zone: constructing an Intl formatter costs far more than formatting with one.
const timeOfDay = { timeZoneName: 'short', hour: 'numeric', minute: '2-digit' } as const;
const calendar = { ...timeOfDay, year: 'numeric', month: 'long', day: 'numeric' } as const;
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

function zonedFormat(lang: Lang, shape: 'time' | 'dateTime', zone: string): Intl.DateTimeFormat {
  const key = `${lang} ${shape} ${zone}`;
  let format = zonedFormats.get(key);
  if (!format) {
    const options = shape === 'time' ? timeOfDay : calendar;
    format = new Intl.DateTimeFormat(`${lang}-CA`, { ...options, timeZone: zone });
    zonedFormats.set(key, format);
  }
  return format;
}

function createTranslator(lang: Lang, catalogue: Catalogue): Translator {
  return {
    lang,
    t(key, values) {
      const text = catalogue[key];
      if (text === undefined) throw new MissingTranslationError(lang, key);
      return values ? interpolate(text, values) : text;
    },
    has: (key) => catalogue[key] !== undefined,
    money: (cents) => moneyFormats[lang].format(cents / 100),
    date: (value) =>
      formatDay(
        dateFormats[lang],
        lang,
        typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value,
      ),
    dateTime: (at, zone = SERVICE_TIME_ZONE) => formatDay(zonedFormat(lang, 'dateTime', zone), lang, at),
    time: (at, zone = SERVICE_TIME_ZONE) => zonedFormat(lang, 'time', zone).format(at),
    number: (value) => numberFormats[lang].format(value),
    month: (period) =>
      /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
        ? monthFormats[lang].format(new Date(`${period}-01T00:00:00Z`))
        : period,
  };
}

/**
 * The one date formatter of every page, letter and export: `Intl` in the page's locale, with the French first of
 * the month written "1er" (le 1er juin 2026), as the Office québécois de la langue française and the Canada.ca
 * style guide require; `Intl` writes "1 juin".
 */
export function formatDay(format: Intl.DateTimeFormat, lang: Lang, at: Date): string {
  if (lang !== 'fr') return format.format(at);
  return format
    .formatToParts(at)
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
    .join('');
}

/**
 * Fills `{name}` with its value. `{de:name}` is the French preposition with its value, elided before a vowel as
 * French grammar requires: « demande d’Allocation canadienne pour enfants », « demande de Supplément… », « décès
 * d’Amélie ». Only a placeholder can need it: the catalogue cannot know which name will be put there.
 */
function interpolate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(de:)?(\w+)\}/g, (match, de: string | undefined, name: string) => {
    if (!(name in values)) return match;
    const value = String(values[name]);
    return de ? `${elidesBefore(value) ? 'd’' : 'de '}${value}` : value;
  });
}

/** A word starting with a vowel takes « d’ » (h is left unelided: an aspirated h takes « de »). */
function elidesBefore(word: string): boolean {
  return /^[aeiouyàâäæéèêëîïôöœùûü]/i.test(word);
}

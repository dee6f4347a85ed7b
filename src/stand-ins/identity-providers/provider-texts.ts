import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { I18n, Lang, Translator } from '../../platform/i18n/i18n.ts';

// The stand-in providers are servers of their own with their own words (`idp`), read once and never changed.
let texts: I18n | undefined;

export function translator(lang: Lang): Translator {
  texts ??= createI18n([PLATFORM_LOCALES, new URL('./locales/', import.meta.url)]);
  return texts.translator(lang);
}

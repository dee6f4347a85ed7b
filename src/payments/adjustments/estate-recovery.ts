import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Lang } from '../../platform/i18n/i18n.ts';

/** The law cited when an amount paid after the month of death is asked of the estate, in both languages. */
export interface EstateRecoveryReference {
  readonly title: Readonly<Record<Lang, string>>;
  readonly href: Readonly<Record<Lang, string>>;
}

export type EstateRecoveryLaw = (programmeId: string) => EstateRecoveryReference;

interface Entry {
  readonly title_en: string;
  readonly title_fr: string;
  readonly href_en: string;
  readonly href_fr: string;
}

const FILE = new URL('../../../reference-data/canada/estate-debt-recovery.yaml', import.meta.url);

/**
 * Reads `reference-data/canada/estate-debt-recovery.yaml` once: the programme's own entry, else `default`
 * (which says the programme's law was not verified here).
 */
export function loadEstateRecoveryLaw(file: URL = FILE): EstateRecoveryLaw {
  const parsed = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as {
    programmes: Record<string, { reference: readonly Entry[] }>;
  };
  return (programmeId) => {
    const entry = (parsed.programmes[programmeId] ?? parsed.programmes.default)?.reference[0];
    if (!entry) throw new Error(`No estate recovery law for ${programmeId}`);
    return {
      title: { en: entry.title_en, fr: entry.title_fr },
      href: { en: entry.href_en, fr: entry.href_fr },
    };
  };
}

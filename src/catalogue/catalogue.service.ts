import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import {
  findProgrammeBySlug,
  listAgencies,
  listJurisdictions,
  listProgrammes,
  upsertAgencies,
  upsertJurisdictions,
  upsertProgrammes,
} from './catalogue.repository.ts';
import type { ProgrammeRow } from './catalogue.repository.ts';
import type { ReferenceData } from './reference-data.ts';

export interface CatalogueService {
  listProgrammes(): Promise<ProgrammeRow[]>;
  findProgramme(lang: Lang, slug: string): Promise<ProgrammeRow | undefined>;
  listJurisdictions: () => ReturnType<typeof listJurisdictions>;
  listAgencies: () => ReturnType<typeof listAgencies>;
  /** Loads (or refreshes) a country's configuration; safe to run on every start. */
  seedReferenceData(
    data: ReferenceData,
  ): Promise<{ jurisdictions: number; agencies: number; programmes: number }>;
}

export function createCatalogueService(db: Kysely<DB>): CatalogueService {
  return {
    listProgrammes: () => listProgrammes(db),
    findProgramme: (lang, slug) => findProgrammeBySlug(db, lang === 'en' ? 'slug_en' : 'slug_fr', slug),
    listJurisdictions: () => listJurisdictions(db),
    listAgencies: () => listAgencies(db),
    async seedReferenceData(data) {
      await db.transaction().execute(async (trx) => {
        await upsertJurisdictions(trx, data.jurisdictions);
        await upsertAgencies(trx, data.agencies);
        await upsertProgrammes(trx, data.programmes);
      });
      return {
        jurisdictions: data.jurisdictions.length,
        agencies: data.agencies.length,
        programmes: data.programmes.length,
      };
    },
  };
}

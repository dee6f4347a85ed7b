export interface JurisdictionTable {
  code: string;
  kind: 'federal' | 'province' | 'territory' | 'state' | 'region';
  name_en: string;
  name_fr: string;
  abbreviation_en: string;
  abbreviation_fr: string;
  sort_order: number;
}

export interface AgencyTable {
  id: string;
  jurisdiction_code: string;
  kind: 'benefits' | 'tax' | 'social-assistance' | 'vital-statistics' | 'tribunal' | 'other';
  name_en: string;
  name_fr: string;
  acronym_en: string | null;
  acronym_fr: string | null;
  website_en: string | null;
  website_fr: string | null;
}

export interface ProgrammeTable {
  id: string;
  owner_agency_id: string;
  jurisdiction_code: string;
  category: string;
  slug_en: string;
  slug_fr: string;
  name_en: string;
  name_fr: string;
  summary_en: string;
  summary_fr: string;
  description_en: string;
  description_fr: string;
  who_en: string;
  who_fr: string;
  legal_title_en: string;
  legal_title_fr: string;
  legal_url_en: string;
  legal_url_fr: string;
  info_url_en: string | null;
  info_url_fr: string | null;
  rules_programme_id: string | null;
  sort_order: number;
}

export interface CatalogueTables {
  jurisdiction: JurisdictionTable;
  agency: AgencyTable;
  programme: ProgrammeTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends CatalogueTables {}
}

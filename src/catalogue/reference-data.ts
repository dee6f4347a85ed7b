import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { Insertable } from 'kysely';
import type { AgencyTable, JurisdictionTable, ProgrammeTable } from './catalogue.tables.ts';

/** A country's configuration: its jurisdictions, agencies and programme catalogue, as data. */
export interface ReferenceData {
  jurisdictions: Insertable<JurisdictionTable>[];
  agencies: Insertable<AgencyTable>[];
  programmes: Insertable<ProgrammeTable>[];
}

export const CANADA_REFERENCE_DIR = new URL('../../reference-data/canada/', import.meta.url);

const text = { type: 'string', minLength: 1 };
const optionalText = { type: ['string', 'null'] };
const bilingual = (name: string) => ({ [`${name}_en`]: text, [`${name}_fr`]: text });
const SCHEMAS = {
  jurisdictions: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'kind', 'name_en', 'name_fr', 'abbreviation_en', 'abbreviation_fr', 'sort_order'],
      properties: {
        code: text,
        kind: text,
        ...bilingual('name'),
        ...bilingual('abbreviation'),
        sort_order: { type: 'integer' },
      },
    },
  },
  agencies: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'jurisdiction_code', 'kind', 'name_en', 'name_fr'],
      properties: {
        id: text,
        jurisdiction_code: text,
        kind: text,
        ...bilingual('name'),
        acronym_en: optionalText,
        acronym_fr: optionalText,
        website_en: optionalText,
        website_fr: optionalText,
      },
    },
  },
  programmes: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: [
        'id',
        'owner_agency_id',
        'jurisdiction_code',
        'category',
        'slug_en',
        'slug_fr',
        'name_en',
        'name_fr',
        'summary_en',
        'summary_fr',
        'description_en',
        'description_fr',
        'who_en',
        'who_fr',
        'legal_title_en',
        'legal_title_fr',
        'legal_url_en',
        'legal_url_fr',
        'sort_order',
      ],
      properties: {
        id: text,
        owner_agency_id: text,
        jurisdiction_code: text,
        category: text,
        slug_en: { type: 'string', pattern: '^[a-z0-9-]+$' },
        slug_fr: { type: 'string', pattern: '^[a-z0-9-]+$' },
        ...bilingual('name'),
        ...bilingual('summary'),
        ...bilingual('description'),
        ...bilingual('who'),
        ...bilingual('legal_title'),
        ...bilingual('legal_url'),
        info_url_en: optionalText,
        info_url_fr: optionalText,
        rules_programme_id: optionalText,
        sort_order: { type: 'integer' },
      },
    },
  },
} as const;

export class ReferenceDataError extends Error {
  constructor(file: string, problem: string) {
    super(`Reference data ${file}: ${problem}`);
    this.name = 'ReferenceDataError';
  }
}

export function loadReferenceData(dir: URL = CANADA_REFERENCE_DIR): ReferenceData {
  const ajv = new Ajv({ allErrors: true });
  const read = <K extends keyof ReferenceData>(name: K): ReferenceData[K] => {
    const file = `${name}.json`;
    const data: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    if (!ajv.validate(SCHEMAS[name], data)) throw new ReferenceDataError(file, ajv.errorsText());
    return data as ReferenceData[K];
  };
  return { jurisdictions: read('jurisdictions'), agencies: read('agencies'), programmes: read('programmes') };
}

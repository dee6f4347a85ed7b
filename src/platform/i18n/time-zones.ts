import { readFileSync } from 'node:fs';

interface TimeZoneTable {
  readonly fallback: string;
  readonly zones: readonly { readonly jurisdiction: string; readonly zone: string }[];
}

// Country data, like the jurisdictions: read once, checked at start-up by Intl (an unknown zone throws).
const table = JSON.parse(
  readFileSync(new URL('../../../reference-data/canada/time-zones.json', import.meta.url), 'utf8'),
) as TimeZoneTable;

const zoneOfJurisdiction = new Map(table.zones.map((entry) => [entry.jurisdiction, entry.zone]));

/** Where most of the service's staff and callers are: staff pages and anyone whose province is unknown. */
export const SERVICE_TIME_ZONE = table.fallback;

/**
 * The IANA zone to show times in to someone living in a province or territory: the capital's where there are
 * several (the table lists the others), the service's own when the province is unknown.
 */
export function timeZoneOfProvince(code: string | null | undefined): string {
  return (code ? zoneOfJurisdiction.get(code) : undefined) ?? SERVICE_TIME_ZONE;
}

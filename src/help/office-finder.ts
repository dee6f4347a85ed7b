import type { HelpData, Office, Point } from './help-data.ts';

/** A Canadian postal code, spaces and case forgiven: letter digit letter, digit letter digit (no D F I O Q U). */
const POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;

export function normalisePostalCode(input: string): string | null {
  const match = POSTAL_CODE.exec(input.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

export interface NearbyOffice {
  readonly office: Office;
  readonly km: number;
}

export interface OfficeSearch {
  readonly postalCode: string;
  /** `fsa` when the first three characters are on file, `district` when only the first letter located it. */
  readonly precision: 'fsa' | 'district';
  readonly province: string;
  readonly nearest: readonly NearbyOffice[];
}

const EARTH_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine): close enough to rank offices, never shown to more than a kilometre. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** The offices nearest a postal code (Service Canada and provincial), closest first; null if it is not one. */
export function findNearestOffices(data: HelpData, input: string, count = 5): OfficeSearch | null {
  const postalCode = normalisePostalCode(input);
  if (!postalCode) return null;
  const district = data.districts[postalCode[0] ?? ''];
  if (!district) return null;
  const fsaPoint = data.fsa.get(postalCode.slice(0, 3));
  const from = fsaPoint ?? district;
  const nearest = data.offices
    .map((office) => ({ office, km: Math.round(distanceKm(from, office)) }))
    .sort((a, b) => a.km - b.km || a.office.id.localeCompare(b.office.id))
    .slice(0, count);
  return { postalCode, precision: fsaPoint ? 'fsa' : 'district', province: district.province, nearest };
}

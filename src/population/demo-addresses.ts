import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { DEMO_PEOPLE } from './demo-people.ts';

export interface DemoAddress {
  readonly line1: string;
  readonly city: string;
  readonly provinceCode: string;
  readonly postalCode: string;
}

interface Place {
  readonly city: string;
  /** A real forward sortation area of the city (Canada Post), so the code is in the right province. */
  readonly fsa: string;
}

// Two or three of each province's and territory's largest places; Quebec's addresses are written in French.
const PLACES: Record<string, readonly Place[]> = {
  NL: [
    { city: 'St. John’s', fsa: 'A1C' },
    { city: 'Corner Brook', fsa: 'A2H' },
    { city: 'Gander', fsa: 'A1V' },
  ],
  NS: [
    { city: 'Halifax', fsa: 'B3H' },
    { city: 'Sydney', fsa: 'B1P' },
    { city: 'Truro', fsa: 'B2N' },
  ],
  PE: [
    { city: 'Charlottetown', fsa: 'C1A' },
    { city: 'Summerside', fsa: 'C1N' },
  ],
  NB: [
    { city: 'Moncton', fsa: 'E1C' },
    { city: 'Fredericton', fsa: 'E3B' },
    { city: 'Saint John', fsa: 'E2L' },
  ],
  QC: [
    { city: 'Montréal', fsa: 'H2X' },
    { city: 'Québec', fsa: 'G1R' },
    { city: 'Gatineau', fsa: 'J8X' },
    { city: 'Sherbrooke', fsa: 'J1H' },
    { city: 'Trois-Rivières', fsa: 'G9A' },
  ],
  ON: [
    { city: 'Toronto', fsa: 'M5V' },
    { city: 'Ottawa', fsa: 'K1P' },
    { city: 'Hamilton', fsa: 'L8P' },
    { city: 'London', fsa: 'N6A' },
    { city: 'Sudbury', fsa: 'P3A' },
  ],
  MB: [
    { city: 'Winnipeg', fsa: 'R3C' },
    { city: 'Brandon', fsa: 'R7A' },
  ],
  SK: [
    { city: 'Regina', fsa: 'S4P' },
    { city: 'Saskatoon', fsa: 'S7K' },
  ],
  AB: [
    { city: 'Calgary', fsa: 'T2P' },
    { city: 'Edmonton', fsa: 'T5J' },
    { city: 'Red Deer', fsa: 'T4N' },
  ],
  BC: [
    { city: 'Vancouver', fsa: 'V6B' },
    { city: 'Victoria', fsa: 'V8W' },
    { city: 'Kelowna', fsa: 'V1Y' },
  ],
  NT: [{ city: 'Yellowknife', fsa: 'X1A' }],
  NU: [{ city: 'Iqaluit', fsa: 'X0A' }],
  YT: [{ city: 'Whitehorse', fsa: 'Y1A' }],
};

const STREETS_EN = [
  'Main Street',
  'King Street',
  'Queen Street',
  'Maple Avenue',
  'Church Street',
  'Park Avenue',
  'Victoria Street',
  'Water Street',
  'Pine Crescent',
  'Lakeshore Road',
] as const;
const STREETS_FR = [
  'rue Principale',
  'rue Saint-Jean',
  'rue Notre-Dame',
  'rue des Érables',
  'avenue du Parc',
  'chemin du Lac',
  'rue de l’Église',
  'boulevard des Laurentides',
] as const;
// Canada Post never uses D, F, I, O, Q or U in a postal code.
const LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/**
 * A fictitious but well-formed home address in the household's province, the same on every machine: drawn
 * from a digest of the household's id, so everyone in a household shares it.
 */
export function demoAddressOf(householdId: string, provinceCode: string): DemoAddress {
  const digest = createHash('sha256').update(`demo-address:${householdId}`).digest();
  const place = pick(PLACES[provinceCode] ?? PLACES.ON ?? [], digest.readUInt8(0));
  const number = 1 + (digest.readUInt16BE(1) % 2400);
  const inQuebec = provinceCode === 'QC';
  const line1 = inQuebec
    ? `${number}, ${pick(STREETS_FR, digest.readUInt8(3))}`
    : `${number} ${pick(STREETS_EN, digest.readUInt8(3))}`;
  const ldu = `${digest.readUInt8(4) % 10}${pick([...LETTERS], digest.readUInt8(5))}${digest.readUInt8(6) % 10}`;
  return { line1, city: place.city, provinceCode, postalCode: `${place.fsa} ${ldu}` };
}

const PAGE = 2_000;
// Lived there some years already: between 2 and 14 years before the seeding day, never before birth.
const yearsAt = (householdId: string) =>
  2 + (createHash('sha256').update(`demo-moved-in:${householdId}`).digest().readUInt8(0) % 13);

/**
 * Gives every demo person without an address their household's home address (the one cheques and letters
 * are mailed to while no separate mailing address is on file); the showcase people get the ones written in
 * `DEMO_PEOPLE`. Idempotent: a person with any address is left as they are. Returns how many were added.
 */
export async function seedDemoAddresses(db: Kysely<DB>, asOf: Date): Promise<number> {
  const showcase = new Map<string, DemoAddress>(DEMO_PEOPLE.map((p) => [p.id, p.address]));
  let added = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const people = await peopleWithoutAddress(db, after);
    if (people.length === 0) return added;
    const rows = people.map((person) => {
      const address = showcase.get(person.id) ?? demoAddressOf(person.household_id, person.province_code);
      const movedIn = new Date(asOf);
      movedIn.setUTCFullYear(movedIn.getUTCFullYear() - yearsAt(person.household_id));
      const birth = new Date(person.birth_date);
      return {
        person_id: person.id,
        kind: 'residential' as const,
        line1: address.line1,
        line2: null,
        city: address.city,
        province_code: address.provinceCode,
        postal_code: address.postalCode,
        effective_from: (birth > movedIn ? birth : movedIn).toISOString().slice(0, 10),
      };
    });
    await db.insertInto('registry_address').values(rows).execute();
    added += rows.length;
    after = people.at(-1)?.id ?? after;
  }
}

function peopleWithoutAddress(db: Kysely<DB>, after: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.household_id', 'p.birth_date', 'h.province_code'])
    .where('p.is_demo', '=', true)
    .where('p.id', '>', after)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('registry_address as a').select('a.id').whereRef('a.person_id', '=', 'p.id'))),
    )
    .orderBy('p.id')
    .limit(PAGE)
    .execute();
}

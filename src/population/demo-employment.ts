import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { DEMO_PEOPLE } from './demo-people.ts';

/** The demonstration payroll system, whose credential development configuration holds (employers-config.ts). */
export const DEMO_EMPLOYER_ID = 'demo-employer';
const EMPLOYERS = [
  'Prairie Foods Ltd.',
  'Boréal Construction inc.',
  'Coastal Logistics Corp.',
  'Maple Retail Inc.',
];
const WEEKS = 52;
const DAY_MS = 86_400_000;
/** Jordan Lee (a demonstration sign-in) was laid off: a full-time year, so the EI journey has a real claim. */
const SHOWCASE = { personId: DEMO_PEOPLE[1].id, yearlyCents: 5_980_000, hours: 40 };

interface Worker {
  readonly personId: string;
  readonly yearlyCents: number;
  readonly hours: number;
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const hashOf = (id: string) => createHash('sha256').update(id).digest();

/**
 * Records of Employment for the demo population's people who can claim EI: of working age, with employment
 * income and EI income in the latest tax year (they lost a job). A year of weekly pay periods ending on the
 * last Saturday two to eight weeks ago, from the demonstration employer; seeding again adds nothing.
 */
export async function seedDemoRecordsOfEmployment(
  db: Kysely<DB>,
  cipher: FieldCipher,
  asOf: Date,
): Promise<number> {
  const workers = [...(await eligibleWorkers(db, cipher, asOf)), SHOWCASE];
  const present = new Set(
    (await db.selectFrom('person').select('id').where('id', '=', SHOWCASE.personId).execute()).map(
      (r) => r.id,
    ),
  );
  const rows = workers
    .filter((worker) => worker !== SHOWCASE || present.has(worker.personId))
    .map((worker) => recordFor(worker, asOf, cipher));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('record_of_employment')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['employer_id', 'serial']).doNothing())
      .execute();
  }
  return rows.length;
}

async function eligibleWorkers(db: Kysely<DB>, cipher: FieldCipher, asOf: Date): Promise<Worker[]> {
  const day = iso(asOf.getTime());
  const rows = await sql<{ person_id: string; amount_ciphertext: string }>`
    SELECT i.person_id, i.amount_ciphertext FROM person_income i JOIN person p ON p.id = i.person_id
    WHERE p.is_demo AND i.income_type = 'employment'
      AND i.tax_year = (SELECT max(tax_year) FROM person_income)
      AND p.birth_date > (${day}::date - interval '65 years') AND p.birth_date <= (${day}::date - interval '18 years')
      AND EXISTS (SELECT 1 FROM person_income e WHERE e.person_id = i.person_id
                  AND e.tax_year = i.tax_year AND e.income_type = 'employment-insurance')`.execute(db);
  return rows.rows.map((row) => ({
    personId: row.person_id,
    yearlyCents: Number(cipher.decrypt(row.amount_ciphertext)),
    hours: 30 + ((hashOf(row.person_id)[1] ?? 0) % 11),
  }));
}

function recordFor(worker: Worker, asOf: Date, cipher: FieldCipher) {
  const hash = hashOf(worker.personId);
  const today = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const lastSaturday = today - ((new Date(today).getUTCDay() + 1) % 7) * DAY_MS;
  const weekEnding = lastSaturday - (2 + ((hash[0] ?? 0) % 7)) * 7 * DAY_MS;
  const lastDay = weekEnding - DAY_MS; // the Friday
  const weekly = Math.round(worker.yearlyCents / WEEKS);
  const periods = Array.from({ length: WEEKS }, (_, index) => ({
    weekEnding: iso(weekEnding - index * 7 * DAY_MS),
    hours: worker.hours,
    earningsCents: weekly,
  }));
  return {
    id: randomUUID(),
    person_id: worker.personId,
    employer_id: DEMO_EMPLOYER_ID,
    employer_name: EMPLOYERS[(hash[2] ?? 0) % EMPLOYERS.length] ?? 'Maple Retail Inc.',
    serial: `D${hash.subarray(0, 6).toString('hex').toUpperCase()}`,
    first_day: iso(weekEnding - (WEEKS * 7 - 1) * DAY_MS),
    last_day: iso(lastDay),
    reason_code: 'A',
    periods_cipher: cipher.encrypt(JSON.stringify(periods)),
    received_at: asOf,
  };
}

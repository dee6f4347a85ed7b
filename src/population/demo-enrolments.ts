import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

// The people the demonstration sign-ins link to (demo-people.ts), so that signing in as one
// of them and changing an address shows tell-us-once reaching federal and provincial programmes.
const SHOWCASE: Record<string, readonly string[]> = {
  '00000000-0000-4000-8000-00000000a001': ['oas', 'gis'],
  '00000000-0000-4000-8000-00000000a002': ['ccb', 'gst-hst-credit', 'ab-income-support'],
  '00000000-0000-4000-8000-00000000a003': ['gst-hst-credit', 'bc-income-assistance'],
  '00000000-0000-4000-8000-00000000a004': ['ccb', 'cwb', 'on-ontario-works'],
};

/**
 * Until applications and decisions exist, the demo population gets current enrolments so that
 * tell-us-once has real targets: seniors on OAS (and GIS for about half), parents of children under 18
 * on the CCB, and people with social-assistance income on their province's programme (with consent).
 */
export async function seedDemoEnrolments(db: Kysely<DB>, asOf: Date): Promise<number> {
  const day = asOf.toISOString().slice(0, 10);
  const statements = [
    sql`INSERT INTO enrolment (person_id, programme_id, status, since, is_demo)
        SELECT id, 'oas', 'active', ${day}::date, true FROM person
        WHERE is_demo AND birth_date <= (${day}::date - interval '65 years') ON CONFLICT DO NOTHING`,
    sql`INSERT INTO enrolment (person_id, programme_id, status, since, is_demo)
        SELECT id, 'gis', 'active', ${day}::date, true FROM person
        WHERE is_demo AND birth_date <= (${day}::date - interval '65 years') AND substr(md5(id::text), 1, 1) < '8'
        ON CONFLICT DO NOTHING`,
    sql`INSERT INTO enrolment (person_id, programme_id, status, since, is_demo)
        SELECT DISTINCT r.person_id, 'ccb', 'active', ${day}::date, true FROM person_relationship r
        JOIN person c ON c.id = r.related_person_id JOIN person p ON p.id = r.person_id
        WHERE r.kind = 'parent-of' AND p.is_demo AND c.birth_date > (${day}::date - interval '18 years')
        ON CONFLICT DO NOTHING`,
    sql`INSERT INTO enrolment (person_id, programme_id, status, since, is_demo)
        SELECT DISTINCT p.id, m.programme_id, 'active', ${day}::date, true FROM person p
        JOIN household h ON h.id = p.household_id
        JOIN (VALUES ('ON', 'on-ontario-works'), ('BC', 'bc-income-assistance'), ('AB', 'ab-income-support')) AS m(province, programme_id)
          ON m.province = h.province_code
        JOIN programme pr ON pr.id = m.programme_id
        WHERE p.is_demo AND EXISTS (SELECT 1 FROM person_income i WHERE i.person_id = p.id AND i.income_type = 'social-assistance')
        ON CONFLICT DO NOTHING`,
    sql`INSERT INTO consent (person_id, agreement_id, granted_at, expires_at)
        SELECT DISTINCT e.person_id, g.id, ${asOf}::timestamptz, ${asOf}::timestamptz + interval '2 years'
        FROM enrolment e JOIN programme p ON p.id = e.programme_id
        JOIN sharing_agreement g ON g.recipient_agency_id = p.owner_agency_id AND g.consent_required
        WHERE e.is_demo AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.person_id = e.person_id AND c.agreement_id = g.id)`,
  ];
  await db.transaction().execute(async (trx) => {
    for (const [personId, programmes] of Object.entries(SHOWCASE)) {
      for (const programme of programmes) {
        await sql`INSERT INTO enrolment (person_id, programme_id, status, since, is_demo)
          SELECT p.id, ${programme}, 'active', ${day}::date, true FROM person p JOIN programme pr ON pr.id = ${programme}
          WHERE p.id = ${personId}::uuid ON CONFLICT DO NOTHING`.execute(trx);
      }
    }
    for (const statement of statements) await statement.execute(trx);
  });
  const count = await db
    .selectFrom('enrolment')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

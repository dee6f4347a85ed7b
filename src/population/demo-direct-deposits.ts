import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DB } from '../platform/db/schema.ts';
import { DEMO_PEOPLE } from './demo-people.ts';

// Institution numbers of the largest clearers (payments' institutions.yaml holds the names and sources).
const INSTITUTIONS = ['001', '002', '003', '004', '006', '010'] as const;
// Most federal benefits are paid by direct deposit; the rest of the demo beneficiaries get cheques.
const ONE_IN_WITHOUT_DEPOSIT = 10;
// Set up long ago: a recent change of account holds a payment for review (deposit fraud), an old one does not.
const DAYS_SINCE_SET_UP = 400;

/** A fictitious but well-formed account, the same for a person on every machine. */
function accountOf(personId: string): { institution: string; transit: string; account: string } | null {
  const digest = createHash('sha256').update(`demo-deposit:${personId}`).digest();
  if (digest.readUInt8(0) % ONE_IN_WITHOUT_DEPOSIT === 0) return null;
  const digits = (offset: number, length: number) =>
    String(digest.readUInt32BE(offset) % 10 ** length).padStart(length, '0');
  return {
    institution: INSTITUTIONS[digest.readUInt8(1) % INSTITUTIONS.length] ?? '001',
    transit: digits(4, 5),
    account: digits(8, 7),
  };
}

/**
 * Gives the demo beneficiaries (people with a seeded enrolment) a direct-deposit account, as the register
 * would hold it: one ciphertext, the last three digits in clear. The people of the demo sign-ins are left
 * without one, so that a person trying Guichet adds their own. Returns how many accounts were added.
 */
export async function seedDemoDirectDeposits(
  db: Kysely<DB>,
  cipher: FieldCipher,
  asOf: Date,
): Promise<number> {
  const showcase = DEMO_PEOPLE.map((p) => p.id);
  const people = await db
    .selectFrom('enrolment as e')
    .leftJoin('registry_direct_deposit as d', 'd.person_id', 'e.person_id')
    .select('e.person_id')
    .distinct()
    .where('e.is_demo', '=', true)
    .where('d.person_id', 'is', null)
    .where('e.person_id', 'not in', showcase)
    .execute();
  const setUp = new Date(asOf.getTime() - DAYS_SINCE_SET_UP * 86_400_000);
  const rows = people.flatMap(({ person_id }) => {
    const account = accountOf(person_id);
    return account
      ? [
          {
            person_id,
            details_ciphertext: cipher.encrypt(JSON.stringify(account)),
            account_last3: account.account.slice(-3),
            institution: account.institution,
            transit: account.transit,
            updated_at: setUp,
          },
        ]
      : [];
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('registry_direct_deposit')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
  return rows.length;
}

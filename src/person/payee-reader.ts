import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { BankAccount } from './person.schemas.ts';

/**
 * What paying people needs from their records, in bulk and nothing more: who died and when, and where each
 * person is paid (the direct deposit, decrypted only here, and when it last changed). The payment run
 * reads it through its own narrow ports; the caller audits the run that reads it.
 */
export interface PayeeReader {
  datesOfDeath(personIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  payees(personIds: readonly string[]): Promise<ReadonlyMap<string, Payee>>;
  /**
   * When each person's direct deposit last changed (people without one are left out), from the row's plaintext
   * timestamp: nothing is decrypted, for callers that need only the date (the hourly bank-return reminder).
   */
  accountsChangedAt(personIds: readonly string[]): Promise<ReadonlyMap<string, Date>>;
}

export interface Payee {
  readonly name: string;
  readonly account: BankAccount | null;
  readonly accountChangedAt: Date | null;
}

const isoDay = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export function createPayeeReader(db: Kysely<DB>, cipher: FieldCipher): PayeeReader {
  return {
    async datesOfDeath(personIds) {
      if (personIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('registry_person_status')
        .select(['person_id', 'date_of_death'])
        .where('person_id', 'in', [...personIds])
        .where('date_of_death', 'is not', null)
        .execute();
      return new Map(
        rows.flatMap((row) => (row.date_of_death ? [[row.person_id, isoDay(row.date_of_death)]] : [])),
      );
    },
    async accountsChangedAt(personIds) {
      if (personIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('registry_direct_deposit')
        .select(['person_id', 'updated_at'])
        .where('person_id', 'in', [...personIds])
        .execute();
      return new Map(rows.map((row) => [row.person_id, new Date(row.updated_at)]));
    },
    async payees(personIds) {
      if (personIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('person as p')
        .leftJoin('registry_direct_deposit as d', 'd.person_id', 'p.id')
        .select(['p.id', 'p.given_name', 'p.family_name', 'd.details_ciphertext', 'd.updated_at'])
        .where('p.id', 'in', [...personIds])
        .execute();
      const details = await cipher.decryptMany(
        rows.flatMap((row) => (row.details_ciphertext ? [row.details_ciphertext] : [])),
      );
      let next = 0;
      return new Map(
        rows.map((row): [string, Payee] => {
          const account = row.details_ciphertext
            ? (JSON.parse(details[next++] ?? 'null') as BankAccount)
            : null;
          return [
            row.id,
            {
              name: `${row.given_name} ${row.family_name}`,
              account: account && {
                institution: account.institution,
                transit: account.transit,
                account: account.account,
              },
              accountChangedAt: row.updated_at ?? null,
            },
          ];
        }),
      );
    },
  };
}

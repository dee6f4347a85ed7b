import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { PendingChange } from './person-commit.ts';
import * as repo from './household-changes.repository.ts';
import { findPerson, updateStatus } from './person.repository.ts';
import type { IncomeType } from './person.tables.ts';
import { PersonNotFoundError } from './person.types.ts';

/** One tax year's incomes by type, in cents, as assessed. */
export type IncomeYear = Readonly<Partial<Record<IncomeType, number>>>;

export interface Birth {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  /** The parent's share of custody, 0..1 (1 when the child lives only with them). */
  readonly custodyShare?: number;
  /** The other parent, when the registration names two and the register holds them. */
  readonly otherParentId?: string;
}

/**
 * A new tax year's figures (or a reassessment) for the person. The summary names the year only: amounts are
 * Protected B, kept encrypted and carried to re-evaluation in the change's encrypted payload.
 */
export function incomeYearChange(
  cipher: FieldCipher,
  personId: string,
  taxYear: number,
  incomes: IncomeYear,
): PendingChange {
  const amounts = Object.entries(incomes).filter(([, cents]) => typeof cents === 'number');
  return {
    element: 'income',
    summary: { taxYear: String(taxYear) },
    payload: { taxYear, incomes: Object.fromEntries(amounts) },
    write: (trx) =>
      repo.replaceIncomeYear(
        trx,
        personId,
        taxYear,
        amounts.map(([type, cents]) => ({
          person_id: personId,
          tax_year: taxYear,
          income_type: type as IncomeType,
          amount_ciphertext: cipher.encrypt(String(cents)),
        })),
      ),
    alsoConcerns: (trx) => repo.householdMembersOf(trx, personId),
  };
}

/**
 * A child born to (or adopted by) the person: a new person in their household, the person their parent. A second
 * parent is recorded as the child's parent too; POLICY CHOICE: the child lives in the first parent's household,
 * and the second parent shares custody only when they live in that household (else a share of 0 until someone
 * tells us otherwise), so no benefit is split on a guess.
 */
export function birthChange(parentId: string, birth: Birth): PendingChange & { childId: string } {
  const childId = randomUUID();
  const custodyShare = birth.custodyShare ?? 1;
  const other = birth.otherParentId;
  return {
    childId,
    element: 'birth',
    summary: { birthDate: birth.birthDate },
    payload: { childId, birthDate: birth.birthDate, custodyShare },
    async write(trx) {
      const parent = await findPerson(trx, parentId);
      if (!parent) throw new PersonNotFoundError();
      const otherHousehold = other === undefined ? undefined : await repo.householdOf(trx, other);
      const otherShare = otherHousehold === parent.household_id ? custodyShare : 0;
      const otherParent =
        other === undefined || otherHousehold === undefined
          ? []
          : [
              {
                person_id: other,
                related_person_id: childId,
                kind: 'parent-of' as const,
                since: birth.birthDate,
                custody_share: otherShare,
              },
            ];
      await repo.insertHouseholdMember(
        trx,
        {
          id: childId,
          household_id: parent.household_id,
          given_name: birth.givenName,
          family_name: birth.familyName,
          birth_date: birth.birthDate,
          preferred_language: parent.preferred_language,
          marital_status: 'single',
          sin_ciphertext: null,
          sin_lookup: null,
          sin_last3: null,
        },
        {
          person_id: parentId,
          related_person_id: childId,
          kind: 'parent-of',
          since: birth.birthDate,
          custody_share: custodyShare,
        },
        ...otherParent,
      );
    },
    // The household's other people (the other parent may be the one paid for the children), and a second parent.
    alsoConcerns: async (trx) => {
      const members = await repo.householdMembersOf(trx, parentId);
      return other === undefined || members.includes(other) ? members : [...members, other];
    },
  };
}

/** The person died: the record says so, and the household's others are re-evaluated (a partner is widowed). */
export function deathChange(personId: string, dateOfDeath: string): PendingChange {
  return {
    element: 'life-status',
    summary: { lifeStatus: 'deceased', dateOfDeath },
    payload: { lifeStatus: 'deceased', dateOfDeath },
    write: (trx) => updateStatus(trx, personId, { life_status: 'deceased', date_of_death: dateOfDeath }),
    alsoConcerns: (trx) => repo.householdMembersOf(trx, personId),
  };
}

import type { Kysely } from 'kysely';
import type { AuditActor, AuditEntry, AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DB } from '../platform/db/schema.ts';
import type { IncomeType, MaritalStatus, RelationshipKind } from './person.tables.ts';
import {
  listHouseholdPage,
  listIncomesInHouseholds,
  listIncomesOfHouseholds,
  listPeopleInHouseholds,
  listRelationshipsInHouseholds,
  listPeopleOfHouseholds,
  listRelationshipsOfHouseholds,
} from './population-reader.repository.ts';

export interface RegisterPerson {
  readonly id: string;
  readonly birthDate: string;
  readonly maritalStatus: MaritalStatus;
  readonly yearsInCanadaAfter18: number;
  readonly disability: boolean;
  /** Decrypted amounts in cents, by tax year then income type. */
  readonly incomeByYear: Record<string, Partial<Record<IncomeType, number>>>;
}

export interface RegisterRelationship {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly kind: RelationshipKind;
  readonly custodyShare: number | null;
}

export interface RegisterHousehold {
  readonly id: string;
  readonly provinceCode: string;
  readonly people: RegisterPerson[];
  readonly relationships: RegisterRelationship[];
}

export interface RegisterReadRequest {
  readonly actor: AuditActor;
  /** Why the whole register is read, e.g. `policy-analysis`; recorded in the audit log. */
  readonly purpose: string;
  readonly channel: AuditEntry['channel'];
  readonly correlationId: string;
  /** Households per page (default 20,000). */
  readonly pageSize?: number;
}

export interface PopulationReader {
  /** Every household of the register, page by page, incomes decrypted; one audit entry per read. */
  readHouseholds(request: RegisterReadRequest): AsyncGenerator<RegisterHousehold[]>;
}

type PeopleRows = Awaited<ReturnType<typeof listPeopleOfHouseholds>>;
type IncomeRows = Awaited<ReturnType<typeof listIncomesOfHouseholds>>;
type RelationshipRows = Awaited<ReturnType<typeof listRelationshipsOfHouseholds>>;

export async function readPage(
  db: Kysely<DB>,
  cipher: FieldCipher,
  page: readonly { id: string; province_code: string }[],
): Promise<RegisterHousehold[]> {
  const first = (page[0] as { id: string }).id;
  const last = (page[page.length - 1] as { id: string }).id;
  // One query at a time: one connection per page, the next page being read while this one is used.
  const people = await listPeopleOfHouseholds(db, first, last);
  const incomes = await listIncomesOfHouseholds(db, first, last);
  const relationships = await listRelationshipsOfHouseholds(db, first, last);
  return assemble(cipher, page, people, incomes, relationships);
}

/** Households scattered over the register (those of a page of people): read by their ids, not by a range. */
export async function readHouseholdsById(
  db: Kysely<DB>,
  cipher: FieldCipher,
  households: readonly { id: string; province_code: string }[],
): Promise<RegisterHousehold[]> {
  if (households.length === 0) return [];
  const ids = households.map((h) => h.id);
  const people = await listPeopleInHouseholds(db, ids);
  const incomes = await listIncomesInHouseholds(db, ids);
  const relationships = await listRelationshipsInHouseholds(db, ids);
  return assemble(cipher, households, people, incomes, relationships);
}

async function assemble(
  cipher: FieldCipher,
  page: readonly { id: string; province_code: string }[],
  people: PeopleRows,
  incomes: IncomeRows,
  relationships: RelationshipRows,
): Promise<RegisterHousehold[]> {
  const households = new Map<string, RegisterHousehold>(
    page.map((h) => [h.id, { id: h.id, provinceCode: h.province_code, people: [], relationships: [] }]),
  );
  const personHousehold = new Map<string, RegisterHousehold>();
  const persons = new Map<string, RegisterPerson>();
  for (const row of people) {
    const household = households.get(row.household_id) as RegisterHousehold;
    const person: RegisterPerson = {
      id: row.id,
      birthDate: row.birth_date_text,
      maritalStatus: row.marital_status,
      yearsInCanadaAfter18: row.years_in_canada_after_18,
      disability: row.disability,
      incomeByYear: {},
    };
    household.people.push(person);
    persons.set(row.id, person);
    personHousehold.set(row.id, household);
  }
  const amounts = await cipher.decryptMany(incomes.map((row) => row.amount_ciphertext));
  incomes.forEach((row, i) => {
    const person = persons.get(row.person_id) as RegisterPerson;
    const year = (person.incomeByYear[String(row.tax_year)] ??= {});
    year[row.income_type] = (year[row.income_type] ?? 0) + Number(amounts[i]);
  });
  for (const row of relationships) {
    personHousehold.get(row.person_id)?.relationships.push({
      personId: row.person_id,
      relatedPersonId: row.related_person_id,
      kind: row.kind,
      custodyShare: row.custody_share === null ? null : Number(row.custody_share),
    });
  }
  return [...households.values()];
}

export function createPopulationReader(
  db: Kysely<DB>,
  cipher: FieldCipher,
  audit: AuditService,
): PopulationReader {
  return {
    async *readHouseholds(request) {
      await audit.record({
        actor: request.actor,
        action: 'person.register.bulk-read',
        purpose: request.purpose,
        channel: request.channel,
        outcome: 'success',
        correlationId: request.correlationId,
        details: { fields: ['birth-date', 'marital-status', 'relationships', 'incomes'] },
      });
      const pageSize = request.pageSize ?? 20_000;
      const load = async (after: string | null) => {
        const page = await listHouseholdPage(db, after, pageSize);
        // Started now, awaited later: the next page is read and decrypted while this one is used.
        const households = page.length === 0 ? Promise.resolve([]) : readPage(db, cipher, page);
        households.catch(() => undefined);
        return { page, households };
      };
      let pending = load(null);
      for (;;) {
        const { page, households } = await pending;
        if (page.length === 0) return;
        pending = load((page[page.length - 1] as { id: string }).id);
        pending.catch(() => undefined);
        yield await households;
      }
    },
  };
}

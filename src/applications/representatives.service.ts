import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { todayIso } from '../platform/clock.ts';
import type { PersonDirectory } from '../person/index.ts';
import * as repository from './applications.repository.ts';
import type { RepresentativeAuthorisationTable } from './applications.tables.ts';

export type RepresentativeKind = RepresentativeAuthorisationTable['kind'];
export type RepresentativeScope = RepresentativeAuthorisationTable['scope'];
export const REPRESENTATIVE_KINDS: readonly RepresentativeKind[] = ['family', 'trustee', 'power-of-attorney'];
export const REPRESENTATIVE_SCOPES: readonly RepresentativeScope[] = ['apply', 'apply-and-view'];

export interface AuthorisationInput {
  readonly sin: string;
  readonly birthDate: string;
  readonly kind: RepresentativeKind;
  readonly scope: RepresentativeScope;
  readonly endsOn: string;
  /** Staff recording a trustee or power of attorney note what document they saw. */
  readonly evidenceNote?: string;
}

export interface Authorisation {
  readonly id: string;
  readonly personId: string;
  readonly representativeId: string;
  /** The other party's name: the representative's on the person's list, the person's on the representative's. */
  readonly name: string;
  readonly kind: RepresentativeKind;
  readonly scope: RepresentativeScope;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly revoked: boolean;
  readonly recordedBy: 'person' | 'staff';
}

/** A representative who may see a person's file, and the last day they may. */
export interface Viewer {
  readonly representativeId: string;
  readonly until: string;
}

type AuthoriseResult = { readonly ok: true } | { readonly ok: false; readonly code: 'notFound' | 'self' };

/**
 * Representatives: a person authorises someone in the register (who signs in with their own login) to apply
 * for them, with a scope and an end date; staff record a trustee or a power of attorney with its evidence.
 */
export function createRepresentativesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  directory: Pick<PersonDirectory, 'findBySin' | 'nameOf'>;
  clock: () => Date;
}) {
  const { db, audit, directory, clock } = deps;
  const nameOf = async (id: string) => {
    const name = await directory.nameOf(id);
    return name ? `${name.givenName} ${name.familyName}` : '';
  };
  type Row = Awaited<ReturnType<typeof repository.listAuthorisationsGiven>>[number];
  const toAuthorisation = async (row: Row, other: string): Promise<Authorisation> => ({
    id: row.id,
    personId: row.person_id,
    representativeId: row.representative_id,
    name: await nameOf(other),
    kind: row.kind,
    scope: row.scope,
    startsOn: row.starts,
    endsOn: row.ends,
    revoked: row.revoked_at !== null,
    recordedBy: row.recorded_by_kind,
  });

  return {
    async authorise(
      personId: string,
      input: AuthorisationInput,
      by: 'person' | 'staff',
      context: AccessContext,
    ): Promise<AuthoriseResult> {
      const found = await directory.findBySin(input.sin);
      // The birth date must match too: a SIN alone does not name someone (nor tell who has which SIN).
      if (!found || found.birthDate !== input.birthDate) return { ok: false, code: 'notFound' };
      if (found.personId === personId) return { ok: false, code: 'self' };
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await repository.insertAuthorisation(trx, {
          id,
          person_id: personId,
          representative_id: found.personId,
          kind: input.kind,
          scope: input.scope,
          starts_on: todayIso(clock),
          ends_on: input.endsOn,
          recorded_by_kind: by,
          recorded_by_id: context.actor.id ?? '',
          evidence_note: input.evidenceNote ?? null,
          created_at: clock(),
        });
        await audit.record(
          auditEntry(context, personId, 'representative.authorised', 'success', {
            authorisationId: id,
            representativeId: found.personId,
            kind: input.kind,
            scope: input.scope,
            endsOn: input.endsOn,
          }),
          trx,
        );
      });
      return { ok: true };
    },
    async given(personId: string): Promise<Authorisation[]> {
      const rows = await repository.listAuthorisationsGiven(db, personId);
      return Promise.all(rows.map((row) => toAuthorisation(row, row.representative_id)));
    },
    /**
     * Who acts for each person and may see their file on `onDate` (the scope `apply-and-view`, in force that day):
     * one statement for a batch's people; a person nobody acts for is absent.
     */
    async viewersOf(personIds: readonly string[], onDate: string): Promise<Map<string, Viewer[]>> {
      const viewers = new Map<string, Viewer[]>();
      if (personIds.length === 0) return viewers;
      for (const row of await repository.listViewersOf(db, personIds, onDate)) {
        const viewer = { representativeId: row.representative_id, until: row.ends };
        viewers.set(row.person_id, [...(viewers.get(row.person_id) ?? []), viewer]);
      }
      return viewers;
    },
    async held(representativeId: string): Promise<Authorisation[]> {
      const rows = await repository.listAuthorisationsHeld(db, representativeId, todayIso(clock));
      return Promise.all(rows.map((row) => toAuthorisation(row, row.person_id)));
    },
    async revoke(personId: string, authorisationId: string, context: AccessContext): Promise<boolean> {
      const done = await repository.revokeAuthorisation(db, authorisationId, personId, clock());
      await audit.record(
        auditEntry(context, personId, 'representative.revoked', done ? 'success' : 'denied', {
          authorisationId,
        }),
      );
      return done;
    },
    /** In force today: not revoked, started, not ended. Every refusal is audited by the caller's `open`. */
    async mayRepresent(representativeId: string, personId: string): Promise<boolean> {
      const held = await repository.listAuthorisationsHeld(db, representativeId, todayIso(clock));
      return held.some((row) => row.person_id === personId);
    },
  };
}

export type RepresentativesService = ReturnType<typeof createRepresentativesService>;

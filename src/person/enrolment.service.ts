import type { Kysely } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import {
  endEnrolment,
  insertEnrolments,
  listActiveDemoEnrolments,
  listActiveEnrolmentsIn,
  listEnrolmentsForPerson,
} from './enrolment.repository.ts';
import type { EnrolmentRequest } from './enrolment.repository.ts';

export type EnrolmentRow = Awaited<ReturnType<typeof listEnrolmentsForPerson>>[number];

/** Which programmes a person is enrolled in: what tell-us-once delivers to and disposition must keep. */
export interface EnrolmentService {
  list(personId: string): Promise<EnrolmentRow[]>;
  enrol(personId: string, programmeId: string, since: string): Promise<string>;
  /**
   * The same for many inside the caller's transaction (decisions being committed): the enrolments' ids in the
   * order asked; the (person, programme) pairs must be distinct.
   */
  enrolWithin(executor: DbExecutor, requests: readonly EnrolmentRequest[]): Promise<string[]>;
  /**
   * Inside the caller's transaction (a decision being committed): the enrolment ends, `endedOn` the last day its
   * benefit is paid for; its id, or null when the person was not enrolled.
   */
  endWithin(
    executor: DbExecutor,
    personId: string,
    programmeId: string,
    endedOn: string,
  ): Promise<string | null>;
  /** Inside the caller's transaction (a change being committed): active enrolments in these programmes. */
  activeIn(
    executor: DbExecutor,
    personId: string,
    programmeIds: readonly string[],
  ): Promise<{ enrolmentId: string; programmeId: string }[]>;
  /** The demonstration's seeded active enrolments in these programmes, by person (demo conversion). */
  activeDemo(
    programmeIds: readonly string[],
  ): Promise<{ enrolmentId: string; personId: string; programmeId: string }[]>;
}

export function createEnrolmentService(db: Kysely<DB>): EnrolmentService {
  return {
    list: (personId) => listEnrolmentsForPerson(db, personId),
    enrol: async (personId, programmeId, since) => {
      const [id] = await insertEnrolments(db, [{ personId, programmeId, since }]);
      if (id === undefined) throw new Error(`enrolment of ${personId} in ${programmeId} not written`);
      return id;
    },
    enrolWithin: (executor, requests) => insertEnrolments(executor, requests),
    endWithin: (executor, personId, programmeId, endedOn) =>
      endEnrolment(executor, personId, programmeId, endedOn),
    activeIn: async (executor, personId, programmeIds) =>
      (await listActiveEnrolmentsIn(executor, personId, programmeIds)).map((row) => ({
        enrolmentId: row.id,
        programmeId: row.programme_id,
      })),
    activeDemo: async (programmeIds) =>
      (await listActiveDemoEnrolments(db, programmeIds)).map((row) => ({
        enrolmentId: row.id,
        personId: row.person_id,
        programmeId: row.programme_id,
      })),
  };
}

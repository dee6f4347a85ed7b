/**
 * What the payment run reads from other capabilities, through ports the root injects: the entitlements
 * decided (the `enrolment_entitlement` table of decisions), dates of death and payees (person).
 */

/** One row of an enrolment's entitlement schedule, as `enrolment_entitlement` holds it. */
export interface EntitlementRow {
  readonly enrolmentId: string;
  readonly personId: string;
  readonly programmeId: string;
  /** YYYY-MM-DD, the first day the amount applies. */
  readonly validFrom: string;
  /** YYYY-MM-DD, the last day it applies, or null while it lasts. */
  readonly validTo: string | null;
  /** Integer cents per period. */
  readonly amountCents: number;
  readonly periodKind: 'month' | 'biweekly';
  readonly decisionId: string;
}

export interface EntitlementQuery {
  readonly programmeId: string;
  /** Only enrolments whose id sorts after this one (a resumed run); null from the start. */
  readonly afterEnrolmentId: string | null;
}

/**
 * Streams a programme's entitlement rows ordered by enrolment id (text order), then by `validFrom`, every
 * row of an enrolment together. An adapter over a database pages by key (`enrolment_id > last`) rather than
 * holding a cursor open, so the run can write between pages on a single-connection database.
 */
export interface EntitlementSource {
  stream(query: EntitlementQuery): AsyncIterable<EntitlementRow>;
  /** How many enrolments the programme has: the progress bar's 100 %. */
  countEnrolments(programmeId: string): Promise<number>;
}

/** Narrow port onto person: dates of death, for nothing to be paid after the month of death. */
export interface DeathRegister {
  /** YYYY-MM-DD by person id, for those of the given people who died. */
  datesOfDeath(personIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** A payee's direct deposit as the register holds it today. */
export interface PayeeDetails {
  readonly name: string;
  readonly account: { institution: string; transit: string; account: string } | null;
  /** When the deposit details last changed (deposit fraud changes them just before a payment). */
  readonly accountChangedAt: Date | null;
}

/** Narrow port onto person: who is paid and where, read when a run is released. */
export interface PayeeDirectory {
  payees(personIds: readonly string[]): Promise<ReadonlyMap<string, PayeeDetails>>;
}

/** Tells a person their payment came back and what to do (the root wires it to the inbox). */
export interface ReturnNotifier {
  paymentReturned(notice: {
    /** The return: a letter is sent once per return, however often this is tried. */
    returnId: string;
    personId: string;
    programmeId: string;
    amountCents: number;
    payDate: string;
    reason: string;
  }): Promise<void>;
}

/**
 * Narrow port onto person: the enrolments a person holds or held. A person's payments are found through them
 * (`payment_once` leads with the enrolment), so that `payment` needs no index by person, which every run would
 * otherwise extend at a random place for each of millions of payments (ADR 0020, "a person's payments through
 * their enrolments").
 */
export interface PersonEnrolments {
  enrolmentsOf(personId: string): Promise<readonly string[]>;
}

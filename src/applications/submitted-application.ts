// src/applications/submitted-application.ts
import type { DbExecutor } from '../platform/db/schema.ts';

/** How an application reached us (Directive on Automated Decision-Making: recorded with the decision). */
export type ApplicationChannel = 'online' | 'phone' | 'in-person' | 'paper';

export type ApplicationStatus =
  'draft' | 'submitted' | 'in-review' | 'information-requested' | 'approved' | 'refused' | 'withdrawn';

/** A submitted application as the deciding capability receives it. */
export interface SubmittedApplication {
  readonly applicationId: string;
  /** Short, unambiguous, readable over the phone, e.g. "K7M-4PX-9QD". */
  readonly reference: string;
  readonly personId: string;
  /** The programme's id in the catalogue and the rules engine (e.g. "oas-pension"). */
  readonly programmeId: string;
  readonly channel: ApplicationChannel;
  readonly language: 'en' | 'fr';
  readonly submittedAt: Date;
  readonly submittedBy: { readonly kind: 'person' | 'staff' | 'representative'; readonly id: string };
  /** The household as the rules engine takes it (docs/household.schema.json): the record prefilled, plus the answers. */
  readonly household: unknown;
  readonly evidenceIds: readonly string[];
}

/** What became of a submission: decided by the rules, or queued for an adjudicator. */
export interface SubmissionOutcome {
  readonly outcome: 'decided' | 'queued';
}

/**
 * Implemented by the deciding capability; called inside the submitting transaction, so one submission is one case.
 * `submittedMany` takes the submissions committed together (ADR 0017, "Submissions committed together") and
 * answers in their order; the same application twice is one case.
 */
export interface ApplicationSubmittedHandler {
  submitted(application: SubmittedApplication, trx: DbExecutor): Promise<SubmissionOutcome>;
  submittedMany(applications: readonly SubmittedApplication[], trx: DbExecutor): Promise<SubmissionOutcome[]>;
}

/** An application's new status, as its case moves. */
export interface StatusChange {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
}

/** Implemented by applications; the deciding capability moves applications' statuses through it. */
export interface ApplicationStatusPort {
  setStatuses(changes: readonly StatusChange[], trx: DbExecutor): Promise<void>;
}

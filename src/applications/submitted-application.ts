// src/applications/submitted-application.ts
import type { DbExecutor } from '../platform/db/schema.ts';

/** How an application reached us (Directive on Automated Decision-Making: recorded with the decision). */
export type ApplicationChannel = 'online' | 'phone' | 'in-person' | 'paper';

export type ApplicationStatus = 'draft' | 'submitted' | 'in-review' | 'information-requested' | 'approved' | 'refused' | 'withdrawn';

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

/** Implemented by the deciding capability; called inside the submitting transaction, so one submission is one case. */
export interface ApplicationSubmittedHandler {
  submitted(application: SubmittedApplication, trx: DbExecutor): Promise<{ readonly outcome: 'decided' | 'queued' }>;
}

/** Implemented by applications; the deciding capability moves an application's status through it. */
export interface ApplicationStatusPort {
  setStatus(applicationId: string, status: ApplicationStatus, trx: DbExecutor): Promise<void>;
}

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { todayIso } from '../platform/clock.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
import type { GroupCommitOptions } from '../platform/db/group-commit.ts';
import type { ApplicationForm } from './application-forms.ts';
import { readApplicantRecord } from './applicant-record.ts';
import type { ApplicantRecord, RecordSources } from './applicant-record.ts';
import type { ActorKind, IdentityCheck } from './applications.tables.ts';
import * as repository from './applications.repository.ts';
import type { ApplicationRow } from './applications.repository.ts';
import { allHold, mergedFacts, nextStep, pruneAnswers } from './form-flow.ts';
import type { DraftState, Facts, Step } from './form-flow.ts';
import { buildHousehold } from './household-builder.ts';
import { newReference } from './reference.ts';
import type {
  ApplicationChannel,
  ApplicationStatus,
  ApplicationStatusPort,
  ApplicationSubmittedHandler,
  SubmittedApplication,
} from './submitted-application.ts';

/** Drafts are kept this many days after their last change, then deleted (the person is told the date). */
export const DRAFT_DAYS = 30;
const DAY_MS = 86_400_000;
const AUDIT_CHANNELS = { online: 'online', phone: 'phone', 'in-person': 'in-person', paper: 'mail' } as const;

/** Who acts on an application, and the context their actions are audited under. */
export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
  readonly context: AccessContext;
}

export interface EvidenceItem {
  readonly id: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly name: string;
  readonly uploadedAt: Date;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly reference: string;
  readonly personId: string;
  readonly programmeId: string;
  readonly status: ApplicationStatus;
  readonly channel: ApplicationChannel;
  readonly updatedAt: Date;
  readonly expiresAt: Date | null;
  readonly submittedAt: Date | null;
}

/** An application as its pages show it: the form, what the record holds, the answers and the evidence. */
export interface OpenApplication extends ApplicationSummary {
  readonly form: ApplicationForm;
  readonly record: ApplicantRecord;
  readonly draft: DraftState;
  readonly evidence: readonly EvidenceItem[];
  readonly startedBy: ActorKind;
  readonly clientConsent: boolean;
  readonly identityCheck: IdentityCheck | null;
}

export interface StartRequest {
  readonly personId: string;
  readonly programmeId: string;
  readonly channel: ApplicationChannel;
  readonly lang: 'en' | 'fr';
  /** Answers the person gave the benefits finder, carried over with their consent. */
  readonly carried?: Facts;
  readonly clientConsent?: boolean;
  readonly identityCheck?: IdentityCheck;
}

export type StartResult =
  | { readonly kind: 'started'; readonly applicationId: string }
  | { readonly kind: 'referral'; readonly form: ApplicationForm }
  | { readonly kind: 'no-application' | 'unknown-programme' };

export type SubmitResult =
  | { readonly kind: 'submitted'; readonly outcome: 'decided' | 'queued' }
  | { readonly kind: 'already-submitted' }
  | { readonly kind: 'incomplete'; readonly step: Step };

export interface ApplicationsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly forms: ReadonlyMap<string, ApplicationForm>;
  readonly records: RecordSources;
  /** The deciding capability; until it is wired, a handler that leaves the application queued. */
  readonly handler: ApplicationSubmittedHandler;
  /** Whether `representativeId` may act for `personId` today (authorisation in force, within its scope). */
  readonly mayRepresent: (representativeId: string, personId: string) => Promise<boolean>;
  readonly clock: () => Date;
  /** How submissions are committed together; `SUBMIT_BATCHING` unless a test or benchmark says otherwise. */
  readonly submitBatching?: GroupCommitOptions;
}

/** Until decisions are wired: every submitted application waits for an officer, its status `submitted`. */
export const queueingHandler: ApplicationSubmittedHandler = {
  submitted: () => Promise.resolve({ outcome: 'queued' }),
  submittedMany: (applications) => Promise.resolve(applications.map(() => ({ outcome: 'queued' }) as const)),
};

/**
 * Up to 32 submissions a transaction, one transaction at a time in each process (the server runs several): the
 * submissions that arrive while a batch commits go together in the next, and a lone submission waits for nothing.
 * Two at once made smaller batches and cost more CPU per submission (ADR 0017, "Submissions committed together";
 * `npm run bench:intake -- --in-flight N`).
 */
export const SUBMIT_BATCHING: GroupCommitOptions = { maxBatch: 32, inFlight: 1 };

const summaryOf = (row: ApplicationRow): ApplicationSummary => ({
  id: row.id,
  reference: row.reference,
  personId: row.person_id,
  programmeId: row.programme_id,
  status: row.status,
  channel: row.channel,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  submittedAt: row.submitted_at,
});

export function createApplicationsService(deps: ApplicationsDependencies) {
  const { db, audit, cipher, forms, clock } = deps;
  const today = () => todayIso(clock);
  const expiry = (at: Date) => new Date(at.getTime() + DRAFT_DAYS * DAY_MS);
  const sealDraft = (draft: DraftState) => cipher.encrypt(JSON.stringify(draft));
  const openDraft = (row: ApplicationRow) => JSON.parse(cipher.decrypt(row.answers_cipher)) as DraftState;

  async function mayAct(actor: Actor, personId: string): Promise<boolean> {
    if (actor.kind === 'staff') return true; // the route's permission was checked by the guard
    if (actor.kind === 'person') return actor.id === personId;
    return deps.mayRepresent(actor.id, personId);
  }

  async function load(row: ApplicationRow, actor: Actor): Promise<OpenApplication> {
    const form = forms.get(row.programme_id);
    if (!form) throw new Error(`no application form for ${row.programme_id}`);
    const record = await readApplicantRecord(deps.records, row.person_id, actor.context, today());
    const evidence = await repository.listEvidence(db, row.id);
    return {
      ...summaryOf(row),
      form,
      record,
      draft: openDraft(row),
      startedBy: row.started_by_kind,
      clientConsent: row.client_consent,
      identityCheck: row.identity_check,
      evidence: evidence.map((item) => ({
        id: item.id,
        kind: item.kind,
        mediaType: item.media_type,
        sizeBytes: item.size_bytes,
        name: cipher.decrypt(item.name_cipher),
        uploadedAt: item.uploaded_at,
      })),
    };
  }

  async function save(
    app: OpenApplication,
    draft: DraftState,
    actor: Actor,
    action: string,
    details: object,
  ) {
    const at = clock();
    const pruned = { ...draft, answers: pruneAnswers(app.form, app.record.facts, draft, app.channel) };
    await db.transaction().execute(async (trx) => {
      if (!(await repository.saveDraft(trx, app.id, sealDraft(pruned), at, expiry(at))))
        throw new ApplicationNotDraftError();
      await audit.record(
        auditEntry(actor.context, app.personId, action, 'success', { applicationId: app.id, ...details }),
        trx,
      );
    });
  }

  async function start(request: StartRequest, by: Actor): Promise<StartResult> {
    const form = forms.get(request.programmeId);
    if (!form) return { kind: 'unknown-programme' };
    if (form.noApplication) return { kind: 'no-application' };
    const actor = await actingAs(by, request.personId);
    if (!actor) throw new NotAuthorisedError();
    const record = await readApplicantRecord(deps.records, request.personId, actor.context, today());
    if (form.referral && allHold(form.referral.when, record.facts, request.channel))
      return { kind: 'referral', form };
    const existing = await repository.findDraft(db, request.personId, form.programmeId);
    if (existing) return { kind: 'started', applicationId: existing.id };
    const ids = new Set(form.questions.map((question) => question.id));
    const carried = Object.fromEntries(
      Object.entries(request.carried ?? {}).filter(([key]) => ids.has(key.split('.')[0] ?? '')),
    );
    const draft: DraftState = {
      answers: carried,
      confirmed: null,
      fromFinder: Object.keys(carried).length > 0,
    };
    const id = randomUUID();
    const at = clock();
    try {
      await db.transaction().execute(async (trx) => {
        await repository.insertApplication(trx, {
          id,
          reference: newReference(),
          person_id: request.personId,
          programme_id: form.programmeId,
          status: 'draft',
          channel: request.channel,
          lang: request.lang,
          started_by_kind: actor.kind,
          started_by_id: actor.id,
          client_consent: request.clientConsent ?? false,
          identity_check: request.identityCheck ?? null,
          answers_cipher: sealDraft(draft),
          created_at: at,
          updated_at: at,
          expires_at: expiry(at),
        });
        await audit.record(
          auditEntry(actor.context, request.personId, 'application.started', 'success', {
            applicationId: id,
            programme: form.programmeId,
            channel: request.channel,
            onBehalf: actor.kind !== 'person',
            carriedFromFinder: draft.fromFinder,
          }),
          trx,
        );
      });
    } catch (error) {
      // Two starts at once: the one-draft index let only one in; both go on with it.
      const raced = await repository.findDraft(db, request.personId, form.programmeId);
      if (!raced) throw error;
      return { kind: 'started', applicationId: raced.id };
    }
    return { kind: 'started', applicationId: id };
  }

  /** A person signed in acts for themself, or as the representative of the application's person. */
  async function actingAs(
    actor: Actor,
    personId: string,
    channel?: ApplicationChannel,
  ): Promise<Actor | null> {
    // Staff act through the application's channel (a paper application is keyed in from the mail).
    if (actor.kind === 'staff' && channel)
      return { ...actor, context: { ...actor.context, channel: AUDIT_CHANNELS[channel] } };
    if (await mayAct(actor, personId)) return actor;
    if (actor.kind !== 'person' || !(await deps.mayRepresent(actor.id, personId))) return null;
    return {
      kind: 'representative',
      id: actor.id,
      context: { ...actor.context, purpose: 'acting-on-behalf' },
    };
  }

  /** The application, if `actor` may open it (else null, the attempt audited as denied). */
  async function open(
    applicationId: string,
    actor: Actor,
  ): Promise<{ app: OpenApplication; actingAs: Actor } | null> {
    const row = await repository.findApplication(db, applicationId);
    if (!row) return null;
    const effective = await actingAs(actor, row.person_id, row.channel);
    if (!effective) {
      await audit.record(
        auditEntry(actor.context, row.person_id, 'application.read', 'denied', { applicationId }),
      );
      return null;
    }
    await audit.record(
      auditEntry(effective.context, row.person_id, 'application.read', 'success', {
        applicationId,
        as: effective.kind,
      }),
    );
    return { app: await load(row, effective), actingAs: effective };
  }

  /** A confirmed application on its way in: who submits it, when, and the household the rules will read. */
  interface Confirmed {
    readonly app: OpenApplication;
    readonly actor: Actor;
    readonly at: Date;
    readonly household: unknown;
  }

  const submittedOf = ({ app, actor, at, household }: Confirmed): SubmittedApplication => ({
    applicationId: app.id,
    reference: app.reference,
    personId: app.personId,
    programmeId: app.programmeId,
    channel: app.channel,
    language: app.record.preferredLanguage,
    submittedAt: at,
    submittedBy: { kind: actor.kind, id: actor.id },
    household,
    evidenceIds: app.evidence.map((item) => item.id),
  });

  /**
   * Submissions committed together (ADR 0017): the drafts marked, their cases decided and their audit entries
   * written by one statement each for the whole batch. An application twice in a batch (a double click) is
   * submitted once; the other answers `already-submitted`, as a draft already submitted does.
   */
  async function submitTogether(trx: Transaction<DB>, batch: readonly Confirmed[]): Promise<SubmitResult[]> {
    const firsts = [...new Map(batch.map((c) => [c.app.id, c] as const)).values()];
    const marked = await repository.markSubmitted(
      trx,
      firsts.map(({ app, actor, at }) => ({
        id: app.id,
        at,
        byKind: actor.kind,
        byId: actor.id,
        answersCipher: sealDraft(app.draft),
      })),
    );
    const fresh = firsts.filter((c) => marked.has(c.app.id));
    const outcomes = await deps.handler.submittedMany(fresh.map(submittedOf), trx);
    await audit.recordMany(
      fresh.map(({ app, actor }, index) =>
        auditEntry(actor.context, app.personId, 'application.submitted', 'success', {
          applicationId: app.id,
          programme: app.programmeId,
          channel: app.channel,
          submittedBy: actor.kind,
          outcome: outcomes[index]?.outcome,
        }),
      ),
      trx,
    );
    const answered = new Map(fresh.map((c, index) => [c, outcomes[index]]));
    return batch.map((c): SubmitResult => {
      const outcome = answered.get(c);
      return outcome ? { kind: 'submitted', outcome: outcome.outcome } : { kind: 'already-submitted' };
    });
  }

  const submissions = groupCommit<Confirmed, SubmitResult>(
    (batch) => db.transaction().execute((trx) => submitTogether(trx, batch)),
    deps.submitBatching ?? SUBMIT_BATCHING,
  );

  async function submit(app: OpenApplication, actor: Actor): Promise<SubmitResult> {
    if (app.status !== 'draft') return { kind: 'already-submitted' };
    const step = nextStep(
      app.form,
      app.record.facts,
      app.draft,
      app.channel,
      new Set(app.evidence.map((e) => e.kind)),
    );
    if (step.kind !== 'check') return { kind: 'incomplete', step };
    const at = clock();
    const household = buildHousehold(
      app.record,
      mergedFacts(app.record.facts, app.draft),
      todayIso(() => at),
    );
    return submissions.add({ app, actor, at, household });
  }

  const statusPort: ApplicationStatusPort = {
    async setStatuses(changes, trx) {
      const moved = await repository.updateStatuses(trx, changes, clock());
      if (moved !== changes.length)
        throw new Error(`${changes.length - moved} of ${changes.length} applications are not submitted`);
    },
  };

  return {
    forms,
    form: (programmeId: string) => forms.get(programmeId),
    start,
    open,
    submit,
    statusPort,
    answer: (app: OpenApplication, key: string, value: string, actor: Actor) =>
      save(
        app,
        { ...app.draft, answers: { ...app.draft.answers, [key]: value } },
        actor,
        'application.answered',
        { question: key },
      ),
    confirmRecord: (app: OpenApplication, confirmed: 'yes' | 'no', actor: Actor) =>
      save(app, { ...app.draft, confirmed }, actor, 'application.record-confirmed', { confirmed }),
    async listOf(personId: string): Promise<ApplicationSummary[]> {
      return (await repository.listApplicationsOf(db, personId)).map(summaryOf);
    },
    async findByReference(reference: string, context: AccessContext) {
      const row = await repository.findApplicationByReference(db, reference);
      await audit.record(
        auditEntry(
          context,
          row?.person_id ?? null,
          'application.search.reference',
          row ? 'success' : 'failure',
          {},
        ),
      );
      return row ? summaryOf(row) : null;
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;

export class ApplicationNotDraftError extends Error {
  constructor() {
    super('the application is no longer a draft');
    this.name = 'ApplicationNotDraftError';
  }
}

export class NotAuthorisedError extends Error {
  constructor() {
    super('not authorised to act for this person');
    this.name = 'NotAuthorisedError';
  }
}

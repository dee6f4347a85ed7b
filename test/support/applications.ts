import type { DbExecutor } from '../../src/platform/db/schema.ts';
import { randomUUID } from 'node:crypto';
import type {
  ApplicationStatus,
  ApplicationStatusPort,
  SubmittedApplication,
} from '../../src/applications/index.ts';

/** A submitted application as applications hands it to decisions; the household is the rules engine's. */
export function submittedApplication(
  personId: string,
  programmeId: string,
  household: unknown,
  overrides: Partial<SubmittedApplication> = {},
): SubmittedApplication {
  return {
    applicationId: randomUUID(),
    reference: `T${randomUUID().slice(0, 2).toUpperCase()}-${randomUUID().slice(0, 3).toUpperCase()}-${randomUUID().slice(0, 3).toUpperCase()}`,
    personId,
    programmeId,
    channel: 'online',
    language: 'en',
    submittedAt: new Date('2026-11-20T15:00:00Z'),
    submittedBy: { kind: 'person', id: personId },
    household,
    evidenceIds: [],
    ...overrides,
  };
}

/** A parent with one young child in Ontario, with the given net family income in the base years. */
export function ccbHousehold(parentId: string, incomeCents: number): unknown {
  const income = Object.fromEntries(['2023', '2024', '2025'].map((y) => [y, { other: incomeCents }]));
  return {
    province: 'ON',
    people: [
      {
        id: parentId,
        birthDate: '1990-07-02',
        residence: { status: 'citizen', livesInCanada: true },
        income,
      },
      { id: 'child-1', birthDate: '2023-05-01' },
    ],
    relationships: [{ type: 'parent', parentId, childId: 'child-1', custodyShare: 1 }],
  };
}

/** Applications' status port as a test sees it: the last status of each application. */
export function recordingStatuses(): ApplicationStatusPort & {
  readonly statuses: Map<string, ApplicationStatus>;
} {
  const statuses = new Map<string, ApplicationStatus>();
  return {
    statuses,
    async setStatuses(changes) {
      for (const { applicationId, status } of changes) statuses.set(applicationId, status);
    },
  };
}

/**
 * The rows intake writes for submitted applications (status `submitted`), for tests and benchmarks that hand
 * decisions applications directly: the real status port moves only applications that exist and were submitted.
 */
export async function recordSubmitted(
  db: DbExecutor,
  application: SubmittedApplication,
  answersCipher = 'test: not read by decisions',
): Promise<SubmittedApplication> {
  await recordAllSubmitted(db, [application], [answersCipher]);
  return application;
}

/** `recordSubmitted` for many in one statement, each with its answers' ciphertext. */
export async function recordAllSubmitted(
  db: DbExecutor,
  applications: readonly SubmittedApplication[],
  answersCiphers: readonly string[],
): Promise<void> {
  if (applications.length === 0) return;
  await db
    .insertInto('application')
    .values(
      applications.map((application, index) => ({
        id: application.applicationId,
        reference: application.reference,
        person_id: application.personId,
        programme_id: application.programmeId,
        status: 'submitted' as const,
        channel: application.channel,
        lang: application.language,
        started_by_kind: application.submittedBy.kind,
        started_by_id: application.submittedBy.id,
        client_consent: false,
        identity_check: null,
        answers_cipher: answersCiphers[index] ?? 'test: not read by decisions',
        created_at: application.submittedAt,
        updated_at: application.submittedAt,
        expires_at: null,
        submitted_at: application.submittedAt,
        submitted_by_kind: application.submittedBy.kind,
        submitted_by_id: application.submittedBy.id,
      })),
    )
    .execute();
}

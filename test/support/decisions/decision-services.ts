/**
 * The real services as decisions' tests use them: built on a test database with a fixed (or moving) clock,
 * the Canadian reference data loaded, CCB applicants decided, and the July redetermination wired as the
 * root wires it, with that clock.
 */
import type { Kysely } from 'kysely';
import { createServices } from '../../../src/app.services.ts';
import type { Services } from '../../../src/app.services.ts';
import { loadReferenceData } from '../../../src/catalogue/index.ts';
import { createRedeterminationService } from '../../../src/decisions/redetermination/redetermination.service.ts';
import type { RedeterminationService } from '../../../src/decisions/redetermination/redetermination.service.ts';
import { createHouseholdReader } from '../../../src/person/index.ts';
import { testConfig } from '../../../src/platform/config/config.ts';
import type { DB } from '../../../src/platform/db/schema.ts';
import { createMetrics } from '../../../src/platform/observability/metrics.ts';
import type { ApplicationStatusPort } from '../../../src/applications/index.ts';
import { ccbHousehold, recordingStatuses, submittedApplication } from '../applications.ts';

/**
 * The services on `db`, reading `clock`, with applications' status port recording (pass one to read what it
 * recorded) and reference data.
 */
export async function createDecisionServices(
  db: Kysely<DB>,
  clock: () => Date,
  statuses: ApplicationStatusPort = recordingStatuses(),
): Promise<Services> {
  const services = await createServices({
    config: testConfig(),
    db,
    metrics: createMetrics(),
    clock,
    applicationStatuses: statuses,
  });
  await services.catalogue.seedReferenceData(loadReferenceData());
  return services;
}

/** Stops what the services started: decisions' workers, then the crypto worker pool. */
export async function stopDecisionServices(services: Services): Promise<void> {
  await services.decisions.stop();
  await services.crypto.close();
}

/** Each person applies for the CCB (one young child, $40,000 a year) at `submittedAt`, and is decided. */
export async function applyForCcb(
  services: Services,
  db: Kysely<DB>,
  personIds: readonly string[],
  submittedAt: Date,
): Promise<void> {
  for (const personId of personIds)
    await services.decisions.handler.submitted(
      { ...submittedApplication(personId, 'ccb', ccbHousehold(personId, 4_000_000)), submittedAt },
      db,
    );
}

/** The July redetermination on these services, at `today`; programme names are their ids. */
export function redeterminationFor(
  services: Services,
  db: Kysely<DB>,
  today: Date,
  options: { batchSize?: number } = {},
): RedeterminationService {
  return createRedeterminationService({
    db,
    audit: services.audit,
    cipher: services.crypto.cipher,
    households: createHouseholdReader(db, services.crypto.cipher),
    reviews: services.decisions,
    letters: { deliverMany: (items) => services.inbox.deliverMany(items) },
    programmeName: (id, lang) => Promise.resolve(`${id} (${lang})`),
    clock: () => today,
    ...options,
  });
}

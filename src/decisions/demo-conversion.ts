import { randomUUID } from 'node:crypto';
import { newReference } from '../applications/index.ts';
import type { SubmittedApplication } from '../applications/index.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import { rulesHouseholdOf } from '../person/index.ts';
import type { EnrolmentService, HouseholdReader } from '../person/index.ts';
import type { Household } from '../rules/index.ts';
import { assess } from './assess.ts';
import type { Assessment } from './assess.ts';
import { createDecisionCore, newCase, recordOf, SYSTEM_CONTEXT, within } from './decisions.service.ts';
import type { DecisionCore, DecisionsDependencies } from './decisions.service.ts';
import * as repo from './decisions.repository.ts';
import type { ProgrammePolicy } from './programme-policy.ts';
import { addDays } from './dates.ts';

/**
 * The demonstration's existing beneficiaries. A service that replaces older systems starts with people already
 * paid; their entitlements are converted, not applied for again. Here each seeded demo enrolment in a programme
 * the rules may decide alone gets its entitlement schedule from the rules on the register, recorded as an
 * automated decision (facts, rule-set version and trace, so `guichet decisions replay` reproduces it). Where
 * today's rates are not on file, the schedule is built on the last month whose rates are, and ends with them:
 * a payment is never made on estimated rates. Anything the rules would not approve alone is left alone.
 */
export interface ConversionDependencies extends Omit<DecisionsDependencies, 'statuses' | 'enrolments'> {
  readonly enrolments: Pick<EnrolmentService, 'activeDemo' | 'enrolWithin' | 'endWithin' | 'list'>;
  readonly households: Pick<HouseholdReader, 'householdOf'>;
}

export interface DemoConversion {
  /** Converts every seeded demo enrolment that has no entitlement yet; run again, it converts nothing twice. */
  run(): Promise<ConversionReport>;
}

export interface ConversionReport {
  readonly converted: number;
  readonly skipped: number;
}

const CONVERSION = 'conversion';

/**
 * The demo register holds one tax year of income per person; a past benefit year reads an earlier one. For the
 * synthetic beneficiaries only, the nearest year on file stands for a missing one (as the release preview
 * does), and the decision records the household as evaluated, so a replay reproduces it.
 */
function withIncomeYearsFilled(household: Household): Household {
  return {
    ...household,
    people: household.people.map((person) => {
      const years = Object.keys(person.income ?? {}).sort();
      const earliest = years[0];
      const latest = years[years.length - 1];
      if (person.income === undefined || earliest === undefined || latest === undefined) return person;
      const income = { ...person.income };
      const before = (year: string, by: number) => String(Number(year) - by);
      income[before(earliest, 1)] ??= income[earliest] ?? {};
      income[before(earliest, 2)] ??= income[earliest] ?? {};
      income[before(latest, -1)] ??= income[latest] ?? {};
      return { ...person, income };
    }),
  };
}

function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** Today's assessment, or the last month whose rates are on file and the day they end. */
function assessOnRates(
  household: unknown,
  personId: string,
  programme: ProgrammePolicy,
  today: string,
  fourEyesAboveCents: number,
): { assessment: Assessment; until: string | null } {
  const current = assess(household, personId, programme, today, fourEyesAboveCents);
  const coverageEnds = current.result?.status === 'rates-not-on-file' ? current.result.coverage?.to : null;
  if (!coverageEnds || coverageEnds >= today) return { assessment: current, until: null };
  const earlier = assess(household, personId, programme, firstOfMonth(coverageEnds), fourEyesAboveCents);
  return { assessment: earlier, until: coverageEnds };
}

export function createDemoConversion(deps: ConversionDependencies): DemoConversion {
  const core = createDecisionCore({
    ...deps,
    statuses: {
      setStatuses: () => Promise.reject(new Error('a converted enrolment has no application to move')),
    },
  });
  return { run: () => convertDemoEnrolments(core, deps) };
}

async function convertDemoEnrolments(
  core: DecisionCore,
  deps: ConversionDependencies,
): Promise<ConversionReport> {
  const programmes = core.policy.programmes.map((p) => p.id);
  const entitled = new Set(await repo.enrolmentsWithEntitlement(core.deps.db));
  const pending = (await deps.enrolments.activeDemo(programmes)).filter((e) => !entitled.has(e.enrolmentId));
  let converted = 0;
  // Enrolments come by person: each household is read once for all of a person's programmes.
  const households = new Map<string, unknown>();
  for (const enrolment of pending) {
    if (!households.has(enrolment.personId)) {
      households.clear();
      const read = await deps.households.householdOf(enrolment.personId);
      households.set(enrolment.personId, read ? withIncomeYearsFilled(rulesHouseholdOf(read)) : null);
    }
    const household = households.get(enrolment.personId) as Household | null | undefined;
    if (household && (await convertOne(core, deps, enrolment, household))) converted += 1;
  }
  return { converted, skipped: pending.length - converted };
}

async function convertOne(
  core: DecisionCore,
  deps: ConversionDependencies,
  enrolment: { enrolmentId: string; personId: string; programmeId: string },
  household: unknown,
): Promise<boolean> {
  const programme = core.programme(enrolment.programmeId);
  const now = core.deps.clock();
  const { assessment, until } = assessOnRates(
    household,
    enrolment.personId,
    programme,
    now.toISOString().slice(0, 10),
    core.policy.fourEyesAboveCents,
  );
  const award = assessment.award;
  if (!assessment.automated || award === null) return false;
  const province = (household as { province?: string }).province;
  const application: SubmittedApplication = {
    applicationId: `${CONVERSION}:${enrolment.enrolmentId}`,
    reference: newReference(),
    personId: enrolment.personId,
    programmeId: programme.id,
    channel: 'paper',
    // The register holds no language for demo people; Quebec residents are taken as French-speaking.
    language: province === 'QC' ? 'fr' : 'en',
    submittedAt: now,
    submittedBy: { kind: 'staff', id: CONVERSION },
    household,
    evidenceIds: [],
  };
  await within(core.deps.db, async (trx) => {
    const kase = newCase(application, programme, assessment, core.deps.cipher);
    await repo.insertCase(trx, { ...kase, status: 'decided', outcome: 'approved', decided_at: now });
    const decisionId = await core.record(trx, kase, {
      kind: 'automated',
      outcome: 'approved',
      assessment,
      record: recordOf(household, assessment),
      decidedBy: null,
      override: false,
      approval: 'not-needed',
      final: true,
    });
    // The award letter of a converted beneficiary came from the system this one replaces: none is sent again.
    await repo.updateDecision(trx, decisionId, { letter_sent_at: now });
    const from = firstOfMonth(assessment.asOf);
    const [enrolmentId] = await deps.enrolments.enrolWithin(trx, [
      { personId: enrolment.personId, programmeId: programme.id, since: from },
    ]);
    if (enrolmentId === undefined) throw new Error(`${enrolment.personId} not enrolled in ${programme.id}`);
    await repo.insertEntitlement(trx, {
      id: randomUUID(),
      enrolment_id: enrolmentId,
      person_id: enrolment.personId,
      programme_id: programme.id,
      valid_from: from,
      valid_to: until,
      amount_cents: award.amountCents,
      period_kind: award.periodKind,
      decision_id: decisionId,
      review_on: until ?? addDays(from, 365),
    });
    await core.deps.audit.record(
      auditEntry(
        SYSTEM_CONTEXT(application.applicationId),
        enrolment.personId,
        'decision.converted',
        'success',
        {
          caseId: kase.id,
          decisionId,
          programme: programme.id,
        },
      ),
      trx,
    );
  });
  return true;
}

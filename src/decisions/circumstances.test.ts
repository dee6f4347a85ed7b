import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { submittedApplication } from '../../test/support/applications.ts';
import {
  createDecisionServices,
  stopDecisionServices,
} from '../../test/support/decisions/decision-services.ts';
import type { Services } from '../app.services.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/index.ts';
import { paymentsDue } from '../payments/index.ts';
import { createEntitlementReader } from './entitlement-reader.ts';
import type { EntitlementScheduleRow } from './entitlement-reader.ts';

const [, JORDAN, HARPREET] = DEMO_PEOPLE;
const self = (personId: string): AccessContext => ({
  actor: { type: 'person', id: personId },
  channel: 'online',
  purpose: 'self-service',
  correlationId: 'test',
});

/** Jordan, married, two children (the elder turning 18 on 5 December 2026), in Ontario. */
function family(parentId: string): unknown {
  const years = (cents: number) =>
    Object.fromEntries(['2023', '2024', '2025'].map((year) => [year, { employment: cents }]));
  return {
    province: 'ON',
    people: [
      {
        id: parentId,
        birthDate: '1990-07-02',
        maritalStatus: 'married',
        residence: { status: 'citizen', livesInCanada: true },
        income: years(3_000_000),
      },
      {
        id: 'partner',
        birthDate: '1988-01-01',
        maritalStatus: 'married',
        residence: { status: 'citizen', livesInCanada: true },
        income: years(6_000_000),
      },
      { id: 'child-1', birthDate: '2023-05-01' },
      { id: 'child-2', birthDate: '2008-12-05' },
    ],
    relationships: [
      { type: 'spouse', partners: [parentId, 'partner'], kind: 'married' },
      { type: 'parent', parentId, childId: 'child-1', custodyShare: 1 },
      { type: 'parent', parentId, childId: 'child-2', custodyShare: 1 },
    ],
  };
}

const staff = (id: string): AccessContext => ({
  actor: { type: 'staff', id, role: 'adjudicator' },
  channel: 'system',
  purpose: 'decision',
  correlationId: 'test',
});

const address = (provinceCode: 'ON' | 'AB', effectiveFrom: string, kind: 'residential' | 'mailing') => ({
  kind,
  line1: '10 Main Street',
  line2: null,
  city: provinceCode === 'ON' ? 'Ottawa' : 'Calgary',
  provinceCode,
  postalCode: provinceCode === 'ON' ? 'K1A 0B1' : 'T2P 1J9',
  effectiveFrom,
});

describeOnBothDatabases(
  'changes of circumstance re-evaluate entitlements from the right date',
  (database) => {
    let services: Services;
    let now = new Date('2026-11-20T15:00:00Z');
    const schedule = () =>
      database()
        .db.selectFrom('enrolment_entitlement')
        .select(['amount_cents', 'valid_from', 'valid_to', 'decision_id'])
        .where('person_id', '=', JORDAN.id)
        .orderBy('valid_from')
        .execute();
    const day = (value: Date | string | null) =>
      value === null
        ? null
        : typeof value === 'string'
          ? value.slice(0, 10)
          : value.toISOString().slice(0, 10);
    const outcomes = async () =>
      (
        await database()
          .db.selectFrom('circumstance_change')
          .select(['kind', 'outcome'])
          .orderBy('received_at')
          .execute()
      ).map((row) => `${row.kind} ${row.outcome ?? 'pending'}`);

    const reviewCases = () =>
      database()
        .db.selectFrom('decision_case')
        .selectAll()
        .where('person_id', '=', JORDAN.id)
        .where('review_key', 'is not', null)
        .orderBy('submitted_at')
        .execute();

    before(async () => {
      const db = database().db;
      services = await createDecisionServices(db, () => now);
      await ensureDemoPeople(db, services.crypto);
      const outcome = await services.decisions.handler.submitted(
        // Applied for in September: paid from October.
        submittedApplication(JORDAN.id, 'ccb', family(JORDAN.id), {
          submittedAt: new Date('2026-09-15T15:00:00Z'),
        }),
        db,
      );
      assert.equal(outcome.outcome, 'decided');
      await services.decisions.sendLetters();
    });
    after(() => stopDecisionServices(services));

    it('a partnership that ends re-rates the CCB from the month after, with a letter', async () => {
      const [before] = await schedule();
      await services.person.record.changeMaritalStatus(JORDAN.id, 'separated', self(JORDAN.id));
      await services.decisions.circumstances.drain();
      assert.deepEqual(await outcomes(), ['marital-status ccb:re-rated']);
      const periods = await schedule();
      assert.equal(periods.length, 2);
      assert.equal(day(periods[0]?.valid_from ?? null), '2026-10-01');
      assert.equal(day(periods[0]?.valid_to ?? null), '2026-11-30', 'the old amount ends the day before');
      assert.equal(day(periods[1]?.valid_from ?? null), '2026-12-01');
      assert.ok(
        Number(periods[1]?.amount_cents) > Number(before?.amount_cents),
        'without the partner’s income the family’s CCB is higher',
      );
      assert.equal(await services.decisions.sendLetters(), 1, 'the new decision is sent as a letter');
      const letters = await services.inbox.list(JORDAN.id);
      assert.equal(letters.length, 2);
    });

    it('a child’s 18th birthday, found by the daily sweep, re-rates it from the next month, once', async () => {
      const [, current] = await schedule();
      now = new Date('2026-12-10T15:00:00Z');
      assert.equal(await services.decisions.circumstances.sweepBirthdays('2026-12-10'), 1);
      assert.equal(await services.decisions.circumstances.sweepBirthdays('2026-12-11'), 0, 'found once');
      const periods = await schedule();
      assert.equal(periods.length, 3);
      assert.equal(day(periods[2]?.valid_from ?? null), '2027-01-01');
      assert.ok(Number(periods[2]?.amount_cents) < Number(current?.amount_cents), 'one child fewer');
      assert.deepEqual((await outcomes()).slice(1), ['age-18 ccb:re-rated']);
    });

    it('a move to another province is re-evaluated (a federal amount is confirmed); a mailing address is not', async () => {
      await services.person.record.changeAddress(
        JORDAN.id,
        address('ON', '2027-01-15', 'mailing'),
        self(JORDAN.id),
      );
      await services.person.record.changeAddress(
        JORDAN.id,
        address('AB', '2027-02-10', 'residential'),
        self(JORDAN.id),
      );
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(2), ['address ccb:confirmed']);
      const periods = await schedule();
      assert.equal(day(periods[3]?.valid_from ?? null), '2027-03-01', 'from the month after the move');
      assert.equal(Number(periods[3]?.amount_cents), Number(periods[2]?.amount_cents));
      const audited = await database()
        .db.selectFrom('audit_event')
        .select('action')
        .where('subject_person_id', '=', JORDAN.id)
        .where('action', 'in', ['decision.redetermined', 'decision.circumstance-evaluated'])
        .execute();
      assert.equal(audited.length, 6);
    });

    it('a change to the record of a person without an entitlement queues nothing', async () => {
      const queued = (await outcomes()).length;
      await services.person.record.changeMaritalStatus(HARPREET.id, 'married', self(HARPREET.id));
      await services.decisions.circumstances.drain();
      assert.equal((await outcomes()).length, queued);
    });

    it('a new partner the register says nothing about goes to a person, the schedule untouched', async () => {
      const before = await schedule();
      await services.person.record.changeMaritalStatus(JORDAN.id, 'common-law', self(JORDAN.id));
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['marital-status ccb:needs-review']);
      assert.equal((await schedule()).length, before.length);
    });

    it('that review is a case in the adjudicator’s workqueue, with its reason, opened once', async () => {
      const [opened] = await reviewCases();
      assert.equal((await reviewCases()).length, 1);
      assert.equal(opened?.application_id, null);
      assert.equal(opened?.status, 'queued');
      assert.equal(opened?.review_kind, 'marital-status');
      assert.equal(opened?.review_reason, 'new-partner');
      assert.equal(day(opened?.effective_on ?? null), '2027-03-01', 'from the latest period, not before it');
      const queue = await services.decisions.workqueue.queue('ccb');
      assert.ok(queue.some((c) => c.id === opened?.id));
      // The same change handled again (a crash after the case, a second process): still one case.
      await database().db.updateTable('circumstance_change').set({ processed_at: null }).execute();
      await services.decisions.circumstances.drain();
      // The same event told twice: one change queued, so one case.
      const [latest] = await database()
        .db.selectFrom('registry_change')
        .select(['id', 'version', 'occurred_at'])
        .where('person_id', '=', JORDAN.id)
        .orderBy('version', 'desc')
        .execute();
      await database()
        .db.transaction()
        .execute((trx) =>
          services.decisions.circumstances.publisher.publish(trx, {
            changeId: latest?.id ?? '',
            personId: JORDAN.id,
            element: 'marital-status',
            version: latest?.version ?? 0,
            occurredAt: latest?.occurred_at ?? now,
            payload: { maritalStatus: 'common-law' },
          }),
        );
      await services.decisions.circumstances.drain();
      assert.equal((await reviewCases()).length, 1);
      const audited = await database()
        .db.selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'decision.review-opened')
        .execute();
      assert.equal(audited.length, 1);
    });

    it('the adjudicator takes the review and approves it: the amount runs on from the change’s date, with a letter', async () => {
      const [review] = await reviewCases();
      const wq = services.decisions.workqueue;
      const adjudicator = staff('adjudicator-1');
      assert.equal(await wq.take(review?.id ?? '', 'adjudicator-1', adjudicator), 'done');
      const decided = await wq.decide(
        review?.id ?? '',
        'adjudicator-1',
        {
          outcome: 'approved',
          reasons: ['facts-verified'],
          note: 'Partner’s income checked',
          justification: '',
        },
        adjudicator,
      );
      assert.equal(decided, 'done');
      const periods = await schedule();
      const last = periods[periods.length - 1];
      assert.equal(day(last?.valid_from ?? null), '2027-03-01');
      assert.equal(last?.valid_to, null);
      assert.equal(periods.filter((p) => p.valid_to === null).length, 1, 'one open period');
      assert.equal((await reviewCases())[0]?.status, 'decided');
      assert.ok(
        (await services.decisions.sendLetters()) >= 1,
        'the adjudicator’s decision is sent as a letter',
      );
    });

    it('a birth in the household re-rates the CCB from the month after, once', async () => {
      now = new Date('2027-04-15T15:00:00Z');
      const [current] = (await schedule()).slice(-1);
      const birth = { givenName: 'Maya', familyName: 'Lee', birthDate: '2027-04-10' };
      await services.person.record.recordBirth(JORDAN.id, birth, self(JORDAN.id));
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['birth ccb:re-rated']);
      const [latest] = (await schedule()).slice(-1);
      assert.equal(day(latest?.valid_from ?? null), '2027-05-01');
      assert.ok(Number(latest?.amount_cents) > Number(current?.amount_cents), 'one child more');
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['birth ccb:re-rated'], 'handled once');
    });

    it('a reassessed income year re-rates it from the month after the figures arrive', async () => {
      now = new Date('2027-05-20T15:00:00Z');
      const [current] = (await schedule()).slice(-1);
      const cra = { ...staff('cra-feed'), sourceAgencyId: 'cra' };
      await services.person.record.recordIncomeYear(JORDAN.id, 2025, { employment: 9_000_000 }, cra);
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['income-year ccb:re-rated']);
      const [latest] = (await schedule()).slice(-1);
      assert.equal(day(latest?.valid_from ?? null), '2027-06-01');
      assert.ok(Number(latest?.amount_cents) < Number(current?.amount_cents), 'a higher family income');
    });

    it('a birth the other parent records re-evaluates the entitlement of the one paid', async () => {
      now = new Date('2027-05-25T15:00:00Z');
      const db = database().db;
      // Harpreet moves in with Jordan (the register's household): a birth either records concerns both.
      const jordan = await db
        .selectFrom('person')
        .select('household_id')
        .where('id', '=', JORDAN.id)
        .execute();
      await db
        .updateTable('person')
        .set({ household_id: jordan[0]?.household_id ?? '' })
        .where('id', '=', HARPREET.id)
        .execute();
      const [current] = (await schedule()).slice(-1);
      const birth = { givenName: 'Noor', familyName: 'Singh', birthDate: '2027-05-22' };
      await services.person.record.recordBirth(HARPREET.id, birth, self(HARPREET.id));
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['birth ccb:re-rated']);
      const [latest] = (await schedule()).slice(-1);
      assert.equal(day(latest?.valid_from ?? null), '2027-06-01');
      assert.ok(Number(latest?.amount_cents) > Number(current?.amount_cents), 'one child more');
    });

    it('when the rules can no longer tell, a person decides; a refusal ends the benefit from that date', async () => {
      now = new Date('2027-06-10T15:00:00Z');
      await services.person.record.changeResidenceStatus(JORDAN.id, 'non-resident', self(JORDAN.id));
      await services.decisions.circumstances.drain();
      assert.deepEqual((await outcomes()).slice(-1), ['residence-status ccb:needs-review']);
      const review = (await reviewCases()).find((c) => c.review_kind === 'residence-status');
      // Living abroad: the rules cannot settle the CCB alone (a person weighs the residence test).
      assert.equal(review?.review_reason, 'cannot-tell');
      assert.equal(review?.recommendation, 'cannot-tell');
      const wq = services.decisions.workqueue;
      const adjudicator = staff('adjudicator-2');
      assert.equal(await wq.take(review?.id ?? '', 'adjudicator-2', adjudicator), 'done');
      const input = {
        outcome: 'refused' as const,
        reasons: ['residence-not-met' as const],
        note: '',
        justification: '',
      };
      assert.equal(await wq.decide(review?.id ?? '', 'adjudicator-2', input, adjudicator), 'done');
      const periods = await schedule();
      assert.equal(periods.filter((p) => p.valid_to === null).length, 0, 'no open period');
      assert.equal(day(periods[periods.length - 1]?.valid_to ?? null), '2027-06-30');
    });

    it('that refusal ends the enrolment the day before, and payment runs pay nothing after it', async () => {
      const enrolment = await database()
        .db.selectFrom('enrolment')
        .select(['id', 'status', 'ended_on'])
        .where('person_id', '=', JORDAN.id)
        .where('programme_id', '=', 'ccb')
        .executeTakeFirstOrThrow();
      assert.equal(enrolment.status, 'ended');
      assert.equal(day(enrolment.ended_on), '2027-06-30');
      const benefits = await services.decisions.benefitsOf(JORDAN.id, self(JORDAN.id));
      assert.deepEqual(benefits.ended, [{ programmeId: 'ccb', endedOn: '2027-06-30' }]);
      assert.deepEqual(benefits.decisions[0]?.review, { kind: 'residence-status', from: '2027-07-01' });
      const rows: EntitlementScheduleRow[] = [];
      for await (const row of createEntitlementReader(database().db).stream({
        programmeId: 'ccb',
        afterEnrolmentId: null,
      }))
        if (row.enrolmentId === enrolment.id) rows.push(row);
      const due = (period: string) => paymentsDue(rows, { period, arrearsMonths: 0 }, null);
      assert.equal(due('2027-06').length, 1, 'June is still paid');
      assert.deepEqual(due('2027-07'), [], 'nothing from July');
      assert.deepEqual(due('2027-12'), []);
    });
  },
);

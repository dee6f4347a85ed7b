import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/app.ts';
import { ccbHousehold, recordingStatuses, submittedApplication } from '../../test/support/applications.ts';
import type { GuichetApp } from '../app.ts';
import { createServices } from '../app.services.ts';
import { testConfig } from '../platform/config/config.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { DEMO_PEOPLE, ensureDemoPeople } from '../population/index.ts';
import { loadReferenceData } from '../catalogue/index.ts';
import type { Services } from '../app.services.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { openRecord } from './decision-record.ts';
import { sealRecord } from './decision-record.ts';

const jordan = DEMO_PEOPLE[1];
const TODAY = new Date('2026-11-20T15:00:00Z');
const staff = (id: string): AccessContext => ({
  actor: { type: 'staff', id, role: 'adjudicator' },
  channel: 'online',
  purpose: 'assigned-case',
  correlationId: 'test',
});

describeOnBothDatabases(
  'decisions: automated where the law is clear, an adjudicator otherwise',
  (database) => {
    let services: Services;
    const statuses = recordingStatuses();
    before(async () => {
      const db = database().db;
      services = await createServices({
        config: testConfig(),
        db,
        metrics: createMetrics(),
        clock: () => TODAY,
        applicationStatuses: statuses,
      });
      await services.catalogue.seedReferenceData(loadReferenceData());
      await ensureDemoPeople(db, services.crypto);
    });
    after(async () => {
      await services.decisions.stop();
      await services.crypto.close();
    });

    it('decides a clear CCB approval automatically: one case, an enrolment, a schedule, a letter, a replay', async () => {
      const application = submittedApplication(jordan.id, 'ccb', ccbHousehold(jordan.id, 4_000_000));
      const db = database().db;
      const first = await services.decisions.handler.submitted(application, db);
      const again = await services.decisions.handler.submitted(application, db);
      assert.equal(first.outcome, 'decided');
      assert.equal(again.outcome, 'decided');
      assert.equal(statuses.statuses.get(application.applicationId), 'approved');
      const cases = await db
        .selectFrom('decision_case')
        .selectAll()
        .where('application_id', '=', application.applicationId)
        .execute();
      assert.equal(cases.length, 1, 'a second submission is the same case');
      assert.equal(cases[0]?.status, 'decided');
      assert.equal(cases[0]?.outcome, 'approved', 'an automated approval closes its case with its outcome');
      assert.ok(cases[0]?.decided_at instanceof Date);
      const decisions = await db
        .selectFrom('decision')
        .select('id')
        .where('case_id', '=', cases[0]?.id ?? '')
        .execute();
      assert.equal(decisions.length, 1, 'a second submission records no second decision');
      const schedule = await db
        .selectFrom('enrolment_entitlement')
        .selectAll()
        .where('person_id', '=', jordan.id)
        .execute();
      assert.equal(schedule.length, 1);
      assert.equal(schedule[0]?.period_kind, 'month');
      assert.ok(Number(schedule[0]?.amount_cents) > 0);
      assert.equal(schedule[0]?.valid_to, null);
      const benefits = await services.decisions.benefitsOf(jordan.id, staff('s'));
      assert.equal(benefits.decisions[0]?.outcome, 'approved');
      assert.equal(benefits.decisions[0]?.automated, true);
      assert.equal(benefits.decisions[0]?.reviewBy, '2027-02-18');
      assert.equal(await services.decisions.sendLetters(), 1);
      assert.equal(await services.decisions.sendLetters(), 0);
      const documents = await services.inbox.list(jordan.id);
      assert.equal(documents.length, 1);
      assert.equal(documents[0]?.kind, 'decision');
      const decisionId = benefits.decisions[0]?.decisionId ?? '';
      const replay = await services.decisions.replay(decisionId);
      assert.equal(replay?.same, true, JSON.stringify(replay?.differences));
      // A decision taken on one application keeps its trace (issue #15 item 5; ADR 0025 addendum)...
      const stored = await db
        .selectFrom('decision')
        .select('record_cipher')
        .where('id', '=', decisionId)
        .executeTakeFirstOrThrow();
      const record = openRecord(services.crypto.cipher, stored.record_cipher);
      assert.ok((record.result?.trace.length ?? 0) > 0, 'the trace is stored with the decision');
      assert.equal(record.recompute, undefined);
      assert.ok(Object.keys(record.parameterFiles).length > 0, 'the files read are still recorded');
      assert.equal(record.result?.periodCents, Number(schedule[0]?.amount_cents));
      // ...and the explanation's figures come from it.
      const explained = await services.decisions.decisionFor(jordan.id, decisionId, staff('s'));
      assert.ok((explained?.figures.length ?? 0) > 0, 'the figures are recomputed from the record');
    });

    it('stores decision records uncompressed: PostgreSQL never tries to compress ciphertext', async () => {
      const db = database().db;
      const { rows } = await sql<{ attstorage: string; reloptions: string[] | null }>`
        SELECT a.attstorage, c.reloptions FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.oid = 'decision'::regclass AND a.attname = 'record_cipher'`.execute(db);
      assert.equal(
        rows[0]?.attstorage,
        'e',
        'stored EXTERNAL: PostgreSQL does not try to compress ciphertext',
      );
      assert.ok(rows[0]?.reloptions?.includes('toast_tuple_target=4096'));
    });

    it('reports a changed parameter file on replay, never a silent "same"', async () => {
      const db = database().db;
      const row = await db
        .selectFrom('decision')
        .selectAll()
        .where('person_id', '=', jordan.id)
        .executeTakeFirstOrThrow();
      const record = openRecord(services.crypto.cipher, row.record_cipher);
      const [file] = Object.keys(record.parameterFiles);
      assert.ok(file);
      const altered = { ...record, parameterFiles: { ...record.parameterFiles, [file]: 'an-older-file' } };
      await db
        .updateTable('decision')
        .set({ record_cipher: sealRecord(services.crypto.cipher, altered) })
        .where('id', '=', row.id)
        .execute();
      const replay = await services.decisions.replay(row.id);
      assert.equal(replay?.same, false);
      assert.match(replay?.differences.join('\n') ?? '', new RegExp(`parameter file ${file}`));
      await db
        .updateTable('decision')
        .set({ record_cipher: row.record_cipher })
        .where('id', '=', row.id)
        .execute();
    });

    it('sends every refusal to an adjudicator; acting on another’s case is refused and audited', async () => {
      const db = database().db;
      const application = submittedApplication(jordan.id, 'ccb', ccbHousehold(jordan.id, 90_000_000));
      assert.equal((await services.decisions.handler.submitted(application, db)).outcome, 'queued');
      assert.equal(statuses.statuses.get(application.applicationId), 'in-review');
      const kase = (await services.decisions.workqueue.queue('ccb')).find(
        (c) => c.application_id === application.applicationId,
      );
      assert.equal(kase?.recommendation, 'refuse');
      const id = kase?.id ?? '';
      const wq = services.decisions.workqueue;
      assert.equal(await wq.take(id, 'adele', staff('adele')), 'done');
      assert.equal(
        await wq.decide(
          id,
          'bruno',
          { outcome: 'refused', reasons: ['income-above-limit'], note: '', justification: '' },
          staff('bruno'),
        ),
        'not-yours',
      );
      const denied = await db
        .selectFrom('audit_event')
        .select(['action', 'outcome'])
        .where('action', '=', 'case.decide')
        .where('outcome', '=', 'denied')
        .execute();
      assert.equal(denied.length, 1);
      assert.equal(await wq.requestInformation(id, 'adele', staff('adele')), 'done');
      assert.equal(statuses.statuses.get(application.applicationId), 'information-requested');
      assert.equal(await wq.informationReceived(id, 'adele', staff('adele')), 'done');
      assert.equal(
        await wq.decide(
          id,
          'adele',
          { outcome: 'approved', reasons: ['other'], note: '', justification: 'x' },
          staff('adele'),
        ),
        'no-amount',
      );
      assert.equal(
        await wq.decide(
          id,
          'adele',
          {
            outcome: 'refused',
            reasons: ['income-above-limit'],
            note: 'Your family income is above the limit.',
            justification: '',
          },
          staff('adele'),
        ),
        'done',
      );
      assert.equal(statuses.statuses.get(application.applicationId), 'refused');
    });

    it('four eyes: an override waits for a second person, who can never be its author', async () => {
      const db = database().db;
      const application = submittedApplication(jordan.id, 'cdb', ccbHousehold(jordan.id, 4_000_000));
      assert.equal((await services.decisions.handler.submitted(application, db)).outcome, 'queued');
      const kase = (await services.decisions.workqueue.queue('cdb')).find(
        (c) => c.application_id === application.applicationId,
      );
      assert.equal(kase?.impact_level, 3);
      const id = kase?.id ?? '';
      const wq = services.decisions.workqueue;
      assert.equal(await wq.assign(id, 'adele', staff('sasha')), 'done');
      const recommendation = kase?.recommendation;
      const departing = recommendation === 'approve' ? 'refused' : 'approved';
      if (departing === 'approved') return; // no amount to approve: the refusal path is covered above
      assert.equal(
        await wq.decide(
          id,
          'adele',
          { outcome: departing, reasons: ['other'], note: '', justification: '' },
          staff('adele'),
        ),
        'needs-justification',
      );
      assert.equal(
        await wq.decide(
          id,
          'adele',
          {
            outcome: departing,
            reasons: ['other'],
            note: '',
            justification: 'Evidence contradicts the record.',
          },
          staff('adele'),
        ),
        'awaiting-approval',
      );
      assert.equal(await wq.approve(id, 'adele', staff('adele')), 'own-decision');
      assert.equal(await wq.approve(id, 'bruno', staff('bruno')), 'done');
      const denied = await db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'case.approve')
        .where('outcome', '=', 'denied')
        .execute();
      assert.equal(denied.length, 1);
    });

    it('re-rates an entitlement from the date of a change of income', async () => {
      const results = await services.decisions.reevaluate(
        jordan.id,
        ccbHousehold(jordan.id, 7_000_000),
        '2027-01-01',
        staff('system'),
      );
      assert.equal(results[0]?.outcome, 're-rated');
      const schedule = await database()
        .db.selectFrom('enrolment_entitlement')
        .selectAll()
        .where('person_id', '=', jordan.id)
        .orderBy('valid_from')
        .execute();
      assert.equal(schedule.length, 2);
      assert.ok(schedule[0]?.valid_to !== null, 'the earlier amount ends the day before');
      assert.ok(Number(schedule[1]?.amount_cents) < Number(schedule[0]?.amount_cents));
    });

    it('a re-evaluation the rules no longer approve opens one review case, however often it is run', async () => {
      const household = ccbHousehold(jordan.id, 90_000_000);
      const context = { ...staff('system'), correlationId: 'income-reassessed' };
      const first = await services.decisions.reevaluate(jordan.id, household, '2027-02-01', context);
      const again = await services.decisions.reevaluate(jordan.id, household, '2027-02-01', context);
      assert.equal(first[0]?.outcome, 'needs-review');
      assert.ok(first[0]?.outcome === 'needs-review' && first[0].reason === 'no-longer-approved');
      assert.ok(first[0]?.outcome === 'needs-review' && first[0].caseReference !== null, 'a case is opened');
      assert.ok(again[0]?.outcome === 'needs-review' && again[0].caseReference === null, 'not a second');
      const cases = await database()
        .db.selectFrom('decision_case')
        .select(['status', 'recommendation', 'review_reason', 'application_id'])
        .where('review_key', 'is not', null)
        .execute();
      assert.deepEqual(cases, [
        {
          status: 'queued',
          recommendation: 'refuse',
          review_reason: 'no-longer-approved',
          application_id: null,
        },
      ]);
    });

    it('monitors outcomes by programme, channel, province, age band and language', async () => {
      const report = await services.decisions.outcomes(new Date('2026-01-01T00:00:00Z'));
      const ccb = report.programme.find((g) => g.group === 'ccb');
      assert.equal(ccb?.decided, 2);
      assert.equal(ccb?.approved, 1);
      assert.ok(report.province.some((g) => g.group === 'ON'));
      assert.ok(report.language.some((g) => g.group === 'en'));
    });
  },
);

void buildTestApp;
void ({} as GuichetApp | undefined);

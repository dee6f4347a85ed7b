import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { enrolmentsNamedByPayments } from '../../../test/support/payments/payments-module.ts';
import {
  deathRegisterOf,
  inMemoryEntitlements,
  payeeDirectoryOf,
  personIdOf,
} from '../../../test/support/payments/entitlement-fixtures.ts';
import { createAuditService } from '../../platform/audit/audit.service.ts';
import { testConfig } from '../../platform/config/config.ts';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import { renderLetter } from '../../platform/documents/render-letter.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { createPaymentsModule } from '../payments.module.ts';
import type { PaymentsModule } from '../payments.module.ts';
import type { EntitlementRow, EntitlementSource } from '../run/run-ports.ts';
import { debtsSection } from '../views/debts.views.ts';
import { addDays } from './debt-letter.ts';
import { debtsLocales } from './debts.service.ts';
import type { PaymentLetterPort } from './debts.service.ts';

type LetterRequest = Parameters<PaymentLetterPort['deliver']>[1];

const OFFICER = {
  actor: { type: 'staff' as const, id: 'officer', role: 'payments-officer' },
  channel: 'online' as const,
  purpose: 'payment-run',
  correlationId: 'test-estate',
};
const MONTHLY = 100_000;

const row = (n: number): EntitlementRow => ({
  enrolmentId: `oas-${String(n).padStart(8, '0')}`,
  personId: personIdOf(n),
  programmeId: 'oas',
  validFrom: '2026-01-01',
  validTo: null,
  amountCents: MONTHLY,
  periodKind: 'month',
  decisionId: `41000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

/** 1 reads English, 2 French; 3 lives on. Each has a name and a last address on file. */
const recipient = (personId: string) => ({
  personId,
  lang: (personId === personIdOf(2) ? 'fr' : 'en') as Lang,
  name: personId === personIdOf(2) ? 'Gisèle Tremblay' : 'Ann Example',
  addressLines:
    personId === personIdOf(2)
      ? ['Gisèle Tremblay', '12 rue Principale', 'GATINEAU QC  J8X 1A1']
      : ['Ann Example', '1 Main Street', 'Apartment 4', 'OTTAWA ON  K1A 0B1'],
});

describeOnBothDatabases(
  'a death reported late: the overpayment is asked of the estate',
  (database: () => Database) => {
    // 1 died on 15 August, 2 on 30 September; both were paid through October before their deaths were known.
    const schedule = [1, 2, 3].map(row);
    const deaths: Record<string, string> = {};
    const letters: { personId: string; letter: Letter; request: LetterRequest }[] = [];
    let payments: PaymentsModule;
    const source: EntitlementSource = {
      stream: (query) => inMemoryEntitlements(schedule).stream(query),
      countEnrolments: (programmeId) => inMemoryEntitlements(schedule).countEnrolments(programmeId),
    };
    const prepare = async (period: string) => {
      const { run } = await payments.runs.start(
        { programmeId: 'oas', period, preparedBy: 'officer' },
        OFFICER,
      );
      return payments.runs.resume(run.id);
    };
    const debtRows = () =>
      database()
        .db.selectFrom('payment_debt')
        .select([
          'person_id',
          'original_cents',
          'balance_cents',
          'rate_basis_points',
          'recover_from',
          'died_on',
        ])
        .select('rule_reference')
        .orderBy('person_id')
        .execute();
    const letterOf = (n: number) => letters.find((l) => l.personId === personIdOf(n))?.letter;

    before(async () => {
      const db = database().db;
      payments = createPaymentsModule({
        db,
        audit: createAuditService(db),
        clock: () => new Date('2026-12-01T12:00:00Z'),
        entitlements: source,
        deaths: { datesOfDeath: (ids) => deathRegisterOf(deaths).datesOfDeath(ids) },
        payees: payeeDirectoryOf(),
        enrolments: enrolmentsNamedByPayments(db),
        cipher: createFieldCrypto(testConfig()).cipher,
        letters: {
          deliver: (personId, request) => {
            letters.push({ personId, letter: request.compose(recipient(personId)), request });
            return Promise.resolve({ documentId: request.sourceKey });
          },
          recipientOf: (personId) => Promise.resolve({ name: recipient(personId).name }),
        },
        programmeName: (id, lang) =>
          Promise.resolve(
            lang === 'fr' ? 'la pension de la Sécurité de la vieillesse' : 'Old Age Security pension',
          ),
      });
      await prepare('2026-10');
      deaths[personIdOf(1)] = '2026-08-15';
      deaths[personIdOf(2)] = '2026-09-30';
      await prepare('2026-11');
    });

    it('raises a debt against the estate for each month paid after the month of death, kept from no payment', async () => {
      const debts = await debtRows();
      assert.deepEqual(
        debts.map((d) => [
          d.person_id,
          Number(d.original_cents),
          Number(d.balance_cents),
          d.rate_basis_points,
        ]),
        [
          [personIdOf(1), 2 * MONTHLY, 2 * MONTHLY, 0],
          [personIdOf(2), MONTHLY, MONTHLY, 0],
        ],
        'September and October for 1, October for 2: in full, no share of payments',
      );
      assert.deepEqual(
        debts.map((d) => [d.recover_from, d.died_on]),
        [
          ['estate', '2026-08-15'],
          ['estate', '2026-09-30'],
        ],
      );
      assert.ok(debts.every((d) => d.rule_reference.startsWith('Old Age Security Act, s. 37(1)')));
    });

    it('the database refuses an estate debt with a share of payments, or one without its date of death', async () => {
      const db = database().db;
      const debt = await db
        .selectFrom('payment_debt')
        .select('id')
        .where('recover_from', '=', 'estate')
        .executeTakeFirstOrThrow();
      await assert.rejects(
        db.updateTable('payment_debt').set({ rate_basis_points: 1000 }).where('id', '=', debt.id).execute(),
      );
      await assert.rejects(
        db.updateTable('payment_debt').set({ died_on: null }).where('id', '=', debt.id).execute(),
      );
    });

    it('pays nothing after the death and keeps nothing later: the balance stays for the estate, told once', async () => {
      await prepare('2026-12');
      const after = await database()
        .db.selectFrom('payment')
        .select(['person_id', 'period'])
        .where('person_id', 'in', [personIdOf(1), personIdOf(2)])
        .where('period', '>', '2026-10')
        .execute();
      assert.deepEqual(after, []);
      const debts = await debtRows();
      assert.deepEqual(
        debts.map((d) => Number(d.balance_cents)),
        [2 * MONTHLY, MONTHLY],
      );
      assert.equal(letters.length, 2, 'one letter per estate debt');
    });

    it('writes to the estate in English: named, at the last address, what was paid after the death, how to repay, the law and the review deadline', async () => {
      const letter = letterOf(1);
      assert.ok(letter);
      assert.deepEqual(letter.recipient, [
        'To the estate of Ann Example',
        '1 Main Street',
        'Apartment 4',
        'OTTAWA ON  K1A 0B1',
      ]);
      const text = JSON.stringify(letter);
      assert.match(text, /died on August 15, 2026/);
      assert.match(text, /\$2,000\.00 was paid for months after August 2026/);
      assert.match(text, /September 2026/);
      assert.match(text, /The estate must repay \$2,000\.00/);
      assert.match(text, /Receiver General for Canada/);
      assert.match(text, /Old Age Security Act, s\. 37\(1\)/);
      assert.doesNotMatch(text, /% of each/, 'no share of later payments');
      const [debt] = await payments.debts.debtsOf(personIdOf(1), OFFICER);
      const deadline = new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${addDays(debt?.raisedOn ?? '', 90)}T00:00:00Z`),
      );
      assert.ok(
        letter.rights.blocks.some(
          (b) => b.kind === 'paragraph' && b.text.includes(`90 days, by ${deadline}`),
        ),
      );
    });

    it('writes to the estate in French, in the person’s official language, as accessible HTML and tagged PDF', async () => {
      const letter = letterOf(2);
      assert.ok(letter);
      assert.equal(letter.lang, 'fr');
      assert.equal(letter.recipient[0], 'À la succession de Gisèle Tremblay');
      const text = JSON.stringify(letter);
      assert.match(text, /survenu le 30 septembre 2026/);
      assert.match(text, /octobre 2026/);
      assert.match(text, /receveur général du Canada/);
      assert.match(text, /dans les 90 jours/);
      assert.match(text, /Loi sur la sécurité de la vieillesse, par\. 37\(1\)/, 'the law in French');
      const page = await renderLetter(letter, 'html');
      assert.match(page, /<article class="letter" lang="fr">/);
      assert.match(page, /À la succession de Gisèle Tremblay/);
      const pdf = await renderLetter(letter, 'pdf');
      assert.match(pdf.toString('latin1'), /\/StructTreeRoot/);
    });

    it('goes by post, and a representative’s copy is addressed to the estate in their care', () => {
      const request = letters.find((l) => l.personId === personIdOf(1))?.request;
      assert.equal(request?.toEstate, true, 'no email or text message to the deceased');
      const copy = request?.compose({
        personId: 'representative',
        lang: 'fr',
        name: 'Robin Leduc',
        addressLines: ['Robin Leduc', '5 rue Laurier', 'GATINEAU QC  J8X 3V8'],
      });
      assert.deepEqual(copy?.recipient, [
        'À la succession d’Ann Example',
        'a/s de Robin Leduc',
        '5 rue Laurier',
        'GATINEAU QC  J8X 3V8',
      ]);
      assert.match(JSON.stringify(copy), /Nous avons appris le décès d’Ann Example/);
    });

    it('shows staff and the person’s views that the debt is recovered from the estate, in both languages', async () => {
      const debts = await payments.debts.debtsOf(personIdOf(1), OFFICER);
      assert.deepEqual(
        debts.map((d) => [d.recoverFrom, d.diedOn, d.basisPoints]),
        [['estate', '2026-08-15', 0]],
      );
      const i18n = createI18n([PLATFORM_LOCALES, debtsLocales]);
      const en = String(debtsSection(i18n.translator('en'), debts, () => 'OAS', 3));
      assert.match(en, /From the estate/);
      assert.doesNotMatch(en, /kept from each payment<\/td>/);
      const fr = String(debtsSection(i18n.translator('fr'), debts, () => 'SV', 3));
      assert.match(fr, /Auprès de la succession/);
    });
  },
);

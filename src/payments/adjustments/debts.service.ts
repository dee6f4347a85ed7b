import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { isoDay } from '../run/run-parts.ts';
import type { DebtRecovery } from './adjustments.tables.ts';
import { debtLetter } from './debt-letter.ts';
import { estateDebtLetter } from './estate-letter.ts';
import type { EstateAddressing, EstateConversionNotice } from './estate-letter.ts';
import { loadEstateRecoveryLaw } from './estate-recovery.ts';
import { ARREARS_SET_OFF_FILE, loadLetterRule } from './recovery-policy.ts';
import * as repo from './debts.repository.ts';
import { sendSetOffLetters } from './set-off-letters.ts';

/** A debt as the person and the staff client file see it. */
export interface PersonDebt {
  readonly id: string;
  readonly programmeId: string;
  readonly raisedOn: string;
  readonly originalCents: number;
  readonly balanceCents: number;
  readonly recoveredCents: number;
  readonly basisPoints: number;
  readonly ruleReference: string;
  /** `estate`: the person died and the debt is asked of their estate, not kept from payments (migration 0980). */
  readonly recoverFrom: DebtRecovery;
  /** The date of death an estate debt was raised for; null for a debt recovered from payments. */
  readonly diedOn: string | null;
  readonly lines: readonly { period: string; paidCents: number; dueCents: number; differenceCents: number }[];
}

/** Whom a payment letter is written for, as the inbox reads them from the record when it is sent. */
export interface LetterRecipient {
  /** The person written to: the debtor, or a representative acting for them (who gets a copy). */
  readonly personId?: string;
  readonly lang: Lang;
  /** Given and family name: a letter to an estate names the person who died. */
  readonly name?: string | null;
  readonly addressLines: readonly string[] | null;
}

/** Where payment letters go: the root wires the inbox's `deliver` (payments does not know the inbox). */
export interface PaymentLetterPort {
  /** The person's name as the record holds it: a letter to their estate, and its copies, name them. */
  recipientOf?(personId: string, context: AccessContext): Promise<{ readonly name?: string | null } | null>;
  deliver(
    personId: string,
    request: {
      readonly kind: 'debt';
      /**
       * `debt:<id>` (the debt raised) or `debt-set-off:<run>:<enrolment>` (arrears set off against it): a
       * letter is delivered once, however often this is tried.
       */
      readonly sourceKey: string;
      readonly compose: (recipient: LetterRecipient) => Letter;
      readonly context: AccessContext;
      /** A letter to the estate of a person who died: by post to the last address, no email or text message. */
      readonly toEstate?: boolean;
    },
  ): Promise<{ readonly documentId: string } | null>;
}

export interface DebtsService {
  debtsOf(personId: string, context: AccessContext): Promise<PersonDebt[]>;
  /** Sends the letter of every debt not yet told (after each run is prepared); returns how many. */
  sendLetters(limit?: number): Promise<number>;
  /**
   * Sends the letter of every set-off of a released run not yet told (after each release, and again after
   * each run is prepared in case a release stopped before its letters); returns how many.
   */
  sendSetOffLetters(limit?: number): Promise<number>;
}

export interface DebtsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly letters: PaymentLetterPort | null;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  readonly clock: () => Date;
}

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'payments' },
  channel: 'system',
  purpose: 'overpayment-recovery',
  correlationId: 'debt-letters',
};

export const debtsLocales = new URL('../locales/', import.meta.url);

/**
 * The estate of a person who died: its letter names them whoever it goes to. The original goes to their last
 * address; a representative acting for them gets a copy (the inbox sends it) addressed to the estate in their care.
 */
async function estateOf(letters: PaymentLetterPort, personId: string, context: AccessContext) {
  const name = (await letters.recipientOf?.(personId, context))?.name ?? null;
  return {
    to: (recipient: LetterRecipient): EstateAddressing => {
      const copy = recipient.personId !== undefined && recipient.personId !== personId;
      return { deceasedName: name ?? recipient.name ?? recipient.addressLines?.[0] ?? '', recipient, copy };
    },
  };
}

export function createDebtsService(deps: DebtsDependencies): DebtsService {
  const i18n = createI18n([PLATFORM_LOCALES, debtsLocales]);
  const estateLaw = loadEstateRecoveryLaw();
  const recoveryRule = loadLetterRule();
  const setOffRule = loadLetterRule(ARREARS_SET_OFF_FILE);
  const { db } = deps;

  async function load(rows: Awaited<ReturnType<typeof repo.debtsOfPerson>>): Promise<PersonDebt[]> {
    const lines = await repo.linesOf(
      db,
      rows.map((row) => row.adjustment_id),
    );
    return rows.map((row) => ({
      id: row.id,
      programmeId: row.programme_id,
      raisedOn: isoDay(row.created_at),
      originalCents: Number(row.original_cents),
      balanceCents: Number(row.balance_cents),
      recoveredCents: Number(row.original_cents) - Number(row.balance_cents),
      basisPoints: row.rate_basis_points,
      ruleReference: row.rule_reference,
      recoverFrom: row.recover_from,
      diedOn: row.died_on,
      lines: (lines.get(row.adjustment_id) ?? []).map((line) => ({
        period: line.period,
        paidCents: Number(line.paid_cents),
        dueCents: Number(line.due_cents),
        differenceCents: Number(line.difference_cents),
      })),
    }));
  }

  /**
   * One debt's letter: to the person, or to their estate when they died (by post, `to-estate`). A debt that
   * was being recovered from payments when they died is told to the estate again, under its own source key,
   * dated the day it was converted, with what was recovered and the balance asked (migration 0990).
   */
  async function tell(
    letters: PaymentLetterPort,
    debt: PersonDebt,
    personId: string,
    {
      sourceKey,
      converted,
    }: { sourceKey: string; converted: (EstateConversionNotice & { on: string }) | null },
  ): Promise<void> {
    const names = {
      en: await deps.programmeName(debt.programmeId, 'en'),
      fr: await deps.programmeName(debt.programmeId, 'fr'),
    };
    const context = { ...SYSTEM, correlationId: sourceKey };
    const estate = debt.diedOn === null ? null : await estateOf(letters, personId, context);
    await letters.deliver(personId, {
      kind: 'debt',
      sourceKey,
      compose: (recipient) => {
        const notice = {
          ...debt,
          raisedOn: converted?.on ?? debt.raisedOn,
          reference: debt.id.slice(0, 8).toUpperCase(),
          programmeName: names[recipient.lang],
        };
        const t = i18n.translator(recipient.lang);
        if (debt.diedOn === null || !estate) {
          // The debt keeps its source on file (in English); the letter says the rule in its own language.
          const ruleReference = recoveryRule(debt.programmeId)[recipient.lang];
          return debtLetter(t, { ...notice, ruleReference }, recipient.addressLines);
        }
        // The law in the letter's language (the debt keeps the English title on file).
        const ruleReference = estateLaw(debt.programmeId).title[recipient.lang];
        const told = { ...notice, diedOn: debt.diedOn, ruleReference };
        return estateDebtLetter(t, converted ? { ...told, converted } : told, estate.to(recipient));
      },
      context,
      toEstate: estate !== null,
    });
  }

  async function sendConversionLetters(letters: PaymentLetterPort, limit: number): Promise<number> {
    const due = await repo.conversionsUntold(db, limit);
    for (const conversion of due) {
      const row = await repo.findDebt(db, conversion.debt_id);
      const [debt] = row ? await load([row]) : [];
      if (!row || !debt) continue;
      const converted = {
        on: isoDay(conversion.created_at),
        raisedOn: debt.raisedOn,
        recoveredCents: Number(conversion.recovered_cents),
        balanceCents: Number(conversion.balance_cents),
      };
      await tell(letters, debt, row.person_id, { sourceKey: `debt-estate:${debt.id}`, converted });
      await repo.markConversionTold(db, debt.id, deps.clock());
    }
    return due.length;
  }

  return {
    async debtsOf(personId, context) {
      const debts = await load(await repo.debtsOfPerson(db, personId));
      await deps.audit.record(
        auditEntry(context, personId, 'payments.debts.read', 'success', { count: debts.length }),
      );
      return debts;
    },
    async sendLetters(limit = 100) {
      if (!deps.letters) return 0;
      const due = await load(await repo.debtsUntold(db, limit));
      for (const debt of due) {
        const row = await repo.findDebt(db, debt.id);
        if (!row) continue;
        await tell(deps.letters, debt, row.person_id, { sourceKey: `debt:${debt.id}`, converted: null });
        await repo.markTold(db, debt.id, deps.clock());
      }
      return due.length + (await sendConversionLetters(deps.letters, limit));
    },
    async sendSetOffLetters(limit = 100) {
      if (!deps.letters) return 0;
      const translator = (lang: Lang) => i18n.translator(lang);
      const letterDeps = { ...deps, letters: deps.letters, translator, letterRule: setOffRule };
      let sent = 0;
      for (;;) {
        const batch = await sendSetOffLetters(letterDeps, limit);
        sent += batch;
        if (batch < limit) return sent;
      }
    },
  };
}

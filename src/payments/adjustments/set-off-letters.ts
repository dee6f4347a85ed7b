import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import type { Lang, Translator } from '../../platform/i18n/i18n.ts';
import { isoDay } from '../run/run-parts.ts';
import type { PaymentLetterPort } from './debts.service.ts';
import { setOffLetter } from './set-off-letter.ts';
import type { SetOffNotice } from './set-off-letter.ts';
import * as repo from './set-off-letters.repository.ts';
import type { SetOffGroup } from './set-off-letters.repository.ts';
import type { LetterRule } from './recovery-policy.ts';

export interface SetOffLetterDependencies {
  readonly db: Kysely<DB>;
  readonly letters: PaymentLetterPort;
  readonly translator: (lang: Lang) => Translator;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  /** The rule in plain language, by programme and language (`arrears-set-off.yaml`'s `letters`). */
  readonly letterRule: LetterRule;
  readonly clock: () => Date;
}

const SYSTEM: AccessContext = {
  actor: { type: 'system', id: 'payments' },
  channel: 'system',
  purpose: 'overpayment-recovery',
  correlationId: 'set-off-letters',
};

/** The inbox keeps one document per source: however often this is tried, one letter per set-off. */
export const setOffSourceKey = (group: SetOffGroup) => `debt-set-off:${group.runId}:${group.enrolmentId}`;

async function noticeOf(
  deps: SetOffLetterDependencies,
  group: SetOffGroup,
): Promise<{ personId: string; programmeId: string; notice: Omit<SetOffNotice, 'programmeName'> } | null> {
  const rows = await repo.setOffsOf(deps.db, group);
  const first = rows[0];
  if (!first) return null;
  const setOffCents = rows.reduce((sum, row) => sum + Number(row.set_off_cents), 0);
  const paidCents = await repo.arrearsPaidIn(deps.db, group);
  return {
    personId: first.person_id,
    programmeId: first.programme_id,
    notice: {
      reference: first.debt_id.slice(0, 8).toUpperCase(),
      sentOn: isoDay(deps.clock()),
      payDate: isoDay(first.pay_date),
      arrearsCents: setOffCents + paidCents,
      setOffCents,
      paidCents,
      balanceCents: rows.reduce((sum, row) => sum + Number(row.balance_cents), 0),
      basisPoints: first.rate_basis_points,
      ruleReference: first.rule_reference,
    },
  };
}

/**
 * Tells each set-off of a released run by one inbox letter (`kind: 'debt'`), then marks it told. A kill
 * between the two sends nothing twice: the next call delivers the same source key, which the inbox ignores.
 */
export async function sendSetOffLetters(deps: SetOffLetterDependencies, limit: number): Promise<number> {
  const groups = await repo.untoldGroups(deps.db, limit);
  for (const group of groups) {
    const found = await noticeOf(deps, group);
    if (found) {
      const names = {
        en: await deps.programmeName(found.programmeId, 'en'),
        fr: await deps.programmeName(found.programmeId, 'fr'),
      };
      await deps.letters.deliver(found.personId, {
        kind: 'debt',
        sourceKey: setOffSourceKey(group),
        compose: (recipient) =>
          setOffLetter(
            deps.translator(recipient.lang),
            {
              ...found.notice,
              programmeName: names[recipient.lang],
              // The set-off keeps its source on file (in English); the letter says the rule in its own language.
              ruleReference: deps.letterRule(found.programmeId)[recipient.lang],
            },
            recipient.addressLines,
          ),
        context: { ...SYSTEM, correlationId: setOffSourceKey(group) },
      });
    }
    await repo.markSetOffsTold(deps.db, group, deps.clock());
  }
  return groups.length;
}

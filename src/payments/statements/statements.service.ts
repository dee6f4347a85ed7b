import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { renderLetter } from '../../platform/documents/render-letter.ts';
import { isoDay } from '../run/run-parts.ts';
import { paymentsInYear, setOffsInYear, yearsPaid } from './statements.repository.ts';
import { slipsFor } from './tax-slips.ts';
import type { SlipId, TaxSlip } from './tax-slips.ts';
import { slipLetter, statementLetter } from './statement-letters.ts';
import type { PersonEnrolments } from '../run/run-ports.ts';

export interface StatementLine {
  readonly payDate: string;
  readonly programmeId: string;
  readonly period: string;
  readonly arrears: boolean;
  readonly status: string;
  readonly grossCents: number;
  readonly recoveredCents: number;
  readonly netCents: number;
}

export interface YearStatement {
  readonly year: number;
  readonly lines: readonly StatementLine[];
  readonly grossCents: number;
  readonly recoveredCents: number;
  readonly netCents: number;
}

/** The person's address for the documents' envelope window (the root wires the record). */
export interface StatementRecipients {
  recipientOf(
    personId: string,
    context: AccessContext,
  ): Promise<{ readonly addressLines: readonly string[] | null } | null>;
}

export interface StatementsService {
  /** The years paid, newest first, with the slips each year calls for. */
  overview(personId: string, context: AccessContext): Promise<{ year: number; slips: SlipId[] }[]>;
  statement(personId: string, year: number, context: AccessContext): Promise<YearStatement>;
  slip(personId: string, year: number, slip: SlipId, context: AccessContext): Promise<TaxSlip | null>;
  /** The year's statement as a tagged PDF in `lang`; null when nothing was paid that year. */
  statementPdf(personId: string, year: number, lang: Lang, context: AccessContext): Promise<Buffer | null>;
  slipPdf(
    personId: string,
    year: number,
    slip: SlipId,
    lang: Lang,
    context: AccessContext,
  ): Promise<Buffer | null>;
}

export interface StatementsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  readonly recipients: StatementRecipients | null;
  /** Whose enrolments hold the person's payments (`livePaymentsOf`). */
  readonly enrolments: PersonEnrolments;
  readonly clock: () => Date;
}

const paymentsLocales = new URL('../locales/', import.meta.url);

export function createStatementsService(deps: StatementsDependencies): StatementsService {
  const i18n = createI18n([PLATFORM_LOCALES, paymentsLocales]);
  const { db } = deps;

  async function linesOf(
    personId: string,
    year: number,
    enrolmentIds?: readonly string[],
  ): Promise<StatementLine[]> {
    enrolmentIds ??= await deps.enrolments.enrolmentsOf(personId);
    const paid = (await paymentsInYear(db, personId, enrolmentIds, year)).map((row) => {
      const net = Number(row.amount_cents);
      const recovered = Number(row.recovered_cents);
      return {
        payDate: isoDay(row.pay_date),
        programmeId: row.programme_id,
        period: row.period,
        arrears: row.kind === 'arrears',
        status: row.status,
        grossCents: net + recovered,
        recoveredCents: recovered,
        netCents: net,
      };
    });
    // Arrears set off against a debt were the year's benefit too, all of it kept for the debt: gross and
    // recovered on the statement and the slips (e.g. T4A(OAS) boxes 19 and 20), nothing deposited.
    const setOff = (await setOffsInYear(db, personId, year)).map((row): StatementLine => ({
      payDate: isoDay(row.pay_date),
      programmeId: row.programme_id,
      period: row.period,
      arrears: true,
      status: 'issued',
      grossCents: Number(row.set_off_cents),
      recoveredCents: Number(row.set_off_cents),
      netCents: 0,
    }));
    return [...paid, ...setOff].sort((a, b) => a.payDate.localeCompare(b.payDate));
  }

  /** Only what reached the person counts on a slip: issued payments (a returned one is reissued). */
  const slipsOf = (year: number, lines: readonly StatementLine[]) =>
    slipsFor(
      year,
      lines
        .filter((line) => line.status === 'issued')
        .map((line) => ({
          programmeId: line.programmeId,
          grossCents: line.grossCents,
          recoveredCents: line.recoveredCents,
        })),
    );

  function summarise(year: number, lines: readonly StatementLine[]): YearStatement {
    const total = (pick: (line: StatementLine) => number) => lines.reduce((sum, line) => sum + pick(line), 0);
    return {
      year,
      lines,
      grossCents: total((l) => l.grossCents),
      recoveredCents: total((l) => l.recoveredCents),
      netCents: total((l) => l.netCents),
    };
  }

  async function names(lines: readonly { programmeId: string }[], lang: Lang): Promise<Map<string, string>> {
    const ids = [...new Set(lines.map((line) => line.programmeId))];
    return new Map(
      await Promise.all(ids.map(async (id) => [id, await deps.programmeName(id, lang)] as const)),
    );
  }

  const audited = (
    context: AccessContext,
    personId: string,
    action: string,
    detail: Record<string, unknown>,
  ) => deps.audit.record(auditEntry(context, personId, action, 'success', detail));

  const service: StatementsService = {
    async overview(personId, context) {
      // The person's enrolments are read once for the years and each year's lines.
      const enrolmentIds = await deps.enrolments.enrolmentsOf(personId);
      const years = await yearsPaid(db, personId, enrolmentIds);
      const overview = [];
      for (const year of years.slice(0, 7)) {
        const lines = await linesOf(personId, year, enrolmentIds);
        overview.push({ year, slips: slipsOf(year, lines).map((s) => s.slip) });
      }
      await audited(context, personId, 'payments.statements.list', { years: overview.length });
      return overview;
    },
    async statement(personId, year, context) {
      const statement = summarise(year, await linesOf(personId, year));
      await audited(context, personId, 'payments.statement.read', { year });
      return statement;
    },
    async slip(personId, year, slip, context) {
      const found = slipsOf(year, await linesOf(personId, year)).find((s) => s.slip === slip) ?? null;
      await audited(context, personId, 'payments.tax-slip.read', { year, slip, found: found !== null });
      return found;
    },
    async statementPdf(personId, year, lang, context) {
      const statement = await service.statement(personId, year, context);
      if (statement.lines.length === 0) return null;
      const recipient = await deps.recipients?.recipientOf(personId, context);
      const t = i18n.translator(lang);
      const letter = statementLetter(
        t,
        statement,
        await names(statement.lines, lang),
        recipient?.addressLines ?? null,
        deps.clock(),
      );
      return renderLetter(letter, 'pdf');
    },
    async slipPdf(personId, year, slip, lang, context) {
      const found = await service.slip(personId, year, slip, context);
      if (!found) return null;
      const recipient = await deps.recipients?.recipientOf(personId, context);
      return renderLetter(
        slipLetter(i18n.translator(lang), found, recipient?.addressLines ?? null, deps.clock()),
        'pdf',
      );
    },
  };
  return service;
}

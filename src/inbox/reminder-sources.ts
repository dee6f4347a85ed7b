import { readFileSync } from 'node:fs';
import type { InboxService } from './inbox.service.ts';
import { reminderLetter } from './reminder-letters.ts';
import type { ReminderLetterFacts } from './reminder-letters.ts';
import { sendReminders } from './reminders.ts';
import type { DueReminder, ReminderRun, ReminderSource } from './reminders.ts';

/** A request for information the person has not answered (decisions' workqueue, "request information"). */
export interface InformationOutstanding {
  readonly personId: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly programmeId: string;
  readonly requestedAt: Date;
}

/** A decision whose reconsideration deadline (the "if you disagree" date of its letter) is coming. */
export interface ReviewDeadline {
  readonly personId: string;
  readonly decisionId: string;
  readonly caseReference: string;
  readonly programmeId: string;
  readonly reviewBy: string;
}

/** A payment the bank returned (payments' returns). */
export interface BankReturn {
  readonly personId: string;
  readonly programmeId: string;
  readonly amountCents: number;
  readonly payDate: string;
}

/**
 * Returned payments whose letter went out, seen from the inbox: the root implements this over payments'
 * returns and the person's direct deposit, so the inbox reads neither module's tables.
 */
export interface ReturnsAwaitingDetails {
  /**
   * Returns still waiting (not reissued nor closed) whose letter was sent before `toldBefore`, for people who
   * have not changed their direct deposit since the letter.
   */
  awaitingDetails(toldBefore: Date): Promise<readonly BankReturn[]>;
}

/** For a root (or a test) without payments: nothing is ever waiting. */
export const NO_RETURNS: ReturnsAwaitingDetails = { awaitingDetails: () => Promise.resolve([]) };

/**
 * Deadlines the deciding capability knows, seen from the inbox: the root implements this over decisions'
 * public surface, so the inbox never reads decisions' tables nor decisions the inbox's.
 */
export interface CaseDeadlines {
  informationOutstanding(requestedBefore: Date): Promise<readonly InformationOutstanding[]>;
  reviewDeadlinesBetween(
    from: string,
    to: string,
    outcomes: readonly string[],
  ): Promise<readonly ReviewDeadline[]>;
}

export interface ReminderTiming {
  readonly informationRequested: { readonly afterDays: number };
  readonly reviewDeadline: { readonly daysBefore: number; readonly outcomes: readonly string[] };
  /** Days after the return letter before a person who has not updated their direct deposit is reminded. */
  readonly bankReturn: { readonly afterDays: number };
  readonly everyMinutes: number;
}

export function loadReminderTiming(
  file: URL = new URL('./data/reminders.json', import.meta.url),
): ReminderTiming {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as ReminderTiming;
  const counts = [
    raw.informationRequested.afterDays,
    raw.reviewDeadline.daysBefore,
    raw.bankReturn.afterDays,
    raw.everyMinutes,
  ];
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${file.pathname}: counts must be whole days`);
  return raw;
}

export type ProgrammeNames = (programmeId: string) => Promise<{ readonly en: string; readonly fr: string }>;

const DAY_MS = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const plusDays = (iso: string, days: number) =>
  isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS));

function reminderOf(
  personId: string,
  key: string,
  caseId: string,
  facts: Omit<ReminderLetterFacts, 'programme'>,
  programme: ReminderLetterFacts['programme'],
): DueReminder {
  return {
    personId,
    key,
    caseId,
    compose: (recipient) => reminderLetter({ ...facts, programme }, recipient),
  };
}

/** Information asked for and not received after the configured days: one reminder per request. */
export function informationRequestedSource(
  deadlines: CaseDeadlines,
  names: ProgrammeNames,
  timing: ReminderTiming,
): ReminderSource {
  return {
    name: 'information-requested',
    async due(now) {
      const before = new Date(now.getTime() - timing.informationRequested.afterDays * DAY_MS);
      const waiting = await deadlines.informationOutstanding(before);
      return Promise.all(
        waiting.map(async (item) =>
          reminderOf(
            item.personId,
            // A second request on the same case (after the first was answered) is reminded too.
            `information-requested:${item.caseId}:${item.requestedAt.getTime()}`,
            item.caseReference,
            {
              kind: 'informationRequested',
              reference: item.caseReference,
              date: isoDay(item.requestedAt),
              today: isoDay(now),
            },
            await names(item.programmeId),
          ),
        ),
      );
    },
  };
}

/** A reconsideration deadline within the configured days: one reminder per decision. */
export function reviewDeadlineSource(
  deadlines: CaseDeadlines,
  names: ProgrammeNames,
  timing: ReminderTiming,
): ReminderSource {
  return {
    name: 'review-deadline',
    async due(now) {
      const today = isoDay(now);
      const { daysBefore, outcomes } = timing.reviewDeadline;
      const coming = await deadlines.reviewDeadlinesBetween(today, plusDays(today, daysBefore), outcomes);
      return Promise.all(
        coming.map(async (item) =>
          reminderOf(
            item.personId,
            `review-deadline:${item.decisionId}`,
            item.caseReference,
            { kind: 'reviewDeadline', reference: item.caseReference, date: item.reviewBy, today },
            await names(item.programmeId),
          ),
        ),
      );
    },
  };
}

/** The reminder for a payment the bank returned; once per payment (person, programme, pay date). */
export function bankReturnReminder(
  item: BankReturn,
  programme: ReminderLetterFacts['programme'],
  now: Date,
): DueReminder {
  const reference = `${item.programmeId.toUpperCase()}-${item.payDate}`;
  return reminderOf(
    item.personId,
    `bank-return:${item.personId}:${item.programmeId}:${item.payDate}`,
    reference,
    { kind: 'bankReturn', reference, date: item.payDate, amountCents: item.amountCents, today: isoDay(now) },
    programme,
  );
}

/**
 * A returned payment whose person has not updated their direct deposit the configured days after the letter:
 * one reminder per payment. The return letter itself is payments' (sent when the return is loaded).
 */
export function bankReturnSource(
  returns: ReturnsAwaitingDetails,
  names: ProgrammeNames,
  timing: ReminderTiming,
): ReminderSource {
  return {
    name: 'bank-return',
    async due(now) {
      const toldBefore = new Date(now.getTime() - timing.bankReturn.afterDays * DAY_MS);
      const waiting = await returns.awaitingDetails(toldBefore);
      return Promise.all(
        waiting.map(async (item) => bankReturnReminder(item, await names(item.programmeId), now)),
      );
    },
  };
}

export interface ReminderSchedule {
  /** One pass over every source (the schedule runs it; `guichet inbox reminders` too). */
  runOnce(): Promise<ReminderRun>;
  start(): void;
  stop(): Promise<void>;
}

export interface ReminderScheduleDependencies {
  readonly inbox: Pick<InboxService, 'deliver'>;
  readonly deadlines: CaseDeadlines;
  /** Payments' returns still waiting for new banking details (the root joins payments and person). */
  readonly returns: ReturnsAwaitingDetails;
  readonly programmeName: ProgrammeNames;
  readonly clock: () => Date;
  readonly timing?: ReminderTiming;
  readonly onError?: (error: unknown) => void;
}

/** The reminders as periodic work: every `everyMinutes`, like the server's other schedules (unref'd, stoppable). */
export function createReminderSchedule(deps: ReminderScheduleDependencies): ReminderSchedule {
  const timing = deps.timing ?? loadReminderTiming();
  const sources = [
    informationRequestedSource(deps.deadlines, deps.programmeName, timing),
    reviewDeadlineSource(deps.deadlines, deps.programmeName, timing),
    bankReturnSource(deps.returns, deps.programmeName, timing),
  ];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const schedule: ReminderSchedule = {
    runOnce: () => sendReminders(deps.inbox, sources, deps.clock()),
    start() {
      timer ??= setInterval(() => {
        running ??= schedule
          .runOnce()
          .catch((error: unknown) => deps.onError?.(error))
          .finally(() => {
            running = null;
          });
      }, timing.everyMinutes * 60_000);
      timer.unref(); // never keeps a stopping process alive
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
  return schedule;
}

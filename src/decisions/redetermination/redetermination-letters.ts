import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import type { I18n, Lang } from '../../platform/i18n/i18n.ts';
import { redeterminationLetter } from './redetermination-letter.ts';
import type { ProgrammeChange } from './redetermination-letter.ts';
import * as repo from './redetermination.repository.ts';

export interface LetterRequest {
  readonly kind: 'redetermination';
  /** `redetermination:<year>:<person>`: one letter per person and benefit year, however often tried. */
  readonly sourceKey: string;
  readonly compose: (recipient: {
    readonly lang: Lang;
    readonly addressLines: readonly string[] | null;
  }) => Letter;
  readonly context: AccessContext;
}

/** The inbox, seen from the redetermination: a page of letters stored at once (`InboxService.deliverMany`). */
export interface RedeterminationLetterPort {
  deliverMany(
    items: readonly { readonly personId: string; readonly request: LetterRequest }[],
  ): Promise<readonly unknown[]>;
}

export interface LetterDrain {
  readonly db: Kysely<DB>;
  readonly letters: RedeterminationLetterPort;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  readonly clock: () => Date;
  readonly i18n: I18n;
}

/** Letters per page: one read of the queue, one delivery to the inbox (one transaction there), one mark. */
const PAGE = 500;

/**
 * Delivers the year's queued letters to the inbox, page by page. The inbox keeps one document per source key,
 * so a page delivered and not yet marked (a kill in between) is delivered again as nothing new.
 */
export async function deliverQueuedLetters(
  drain: LetterDrain,
  year: number,
  context: AccessContext,
): Promise<number> {
  const names = new Map<string, string>();
  const nameOf = async (programmeId: string, lang: Lang) => {
    const key = `${lang}:${programmeId}`;
    if (!names.has(key)) names.set(key, await drain.programmeName(programmeId, lang));
    return names.get(key) ?? programmeId;
  };
  let after: string | null = null;
  let delivered = 0;
  for (;;) {
    const due = await repo.lettersDue(drain.db, year, after, PAGE);
    if (due.length === 0) return delivered;
    for (const row of due)
      for (const change of row.changes as ProgrammeChange[])
        for (const lang of ['en', 'fr'] as const) await nameOf(change.programmeId, lang);
    await drain.letters.deliverMany(
      due.map((row) => ({
        personId: row.person_id,
        request: {
          kind: 'redetermination' as const,
          sourceKey: `redetermination:${String(year)}:${row.person_id}`,
          compose: (recipient) =>
            redeterminationLetter(drain.i18n.translator(recipient.lang), {
              year,
              changes: row.changes as ProgrammeChange[],
              review: row.review,
              names: (id) => names.get(`${recipient.lang}:${id}`) ?? id,
              addressLines: recipient.addressLines,
              today: drain.clock(),
            }),
          context,
        },
      })),
    );
    const people = due.map((row) => row.person_id);
    await repo.markLettersSent(drain.db, year, people, drain.clock());
    delivered += due.length;
    after = people.at(-1) ?? after;
  }
}

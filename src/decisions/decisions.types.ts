import type { Letter } from '../platform/documents/letter.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';

/** Who a letter goes to, as the inbox reads it from the record when it is sent. */
export interface LetterRecipient {
  readonly lang: Lang;
  readonly addressLines: readonly string[] | null;
}

/** Where decision letters go: the root wires the inbox's `deliver` (decisions does not know the inbox). */
export interface DecisionLetterPort {
  deliver(
    personId: string,
    request: {
      readonly kind: 'decision';
      /** `decision:<id>`: a letter is delivered once, however often this is tried. */
      readonly sourceKey: string;
      readonly caseId: string;
      readonly compose: (recipient: LetterRecipient) => Letter;
      readonly context: AccessContext;
    },
  ): Promise<{ readonly documentId: string } | null>;
}

/** A staff member who may be assigned cases, for the supervisor's choice. */
export interface Adjudicator {
  readonly id: string;
  readonly name: string;
}

export class NotDecidedHereError extends Error {
  constructor(programmeId: string) {
    super(`No decision policy for programme ${programmeId}`);
    this.name = 'NotDecidedHereError';
  }
}

export class DecisionNotFoundError extends Error {
  constructor(id: string) {
    super(`No decision ${id}`);
    this.name = 'DecisionNotFoundError';
  }
}

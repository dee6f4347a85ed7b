import type { FastifyRequest } from 'fastify';
import { FINDER_COOKIE, createFinderState } from './finder.state.ts';
import type { FinderAnswers } from './finder.answers.ts';

const text = (value: number | undefined) => (value === undefined ? undefined : String(value));
const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'yes' : 'no');

/**
 * The finder's answers as application facts (the household facts both ask about), for "Apply" with the
 * person's consent. Children's ages are not carried: an application asks for their dates of birth.
 */
export function carriedFacts(answers: FinderAnswers): Record<string, string> {
  const partnerIncome =
    answers.partnerWorkIncomeCents === undefined && answers.partnerOtherIncomeCents === undefined
      ? undefined
      : (answers.partnerWorkIncomeCents ?? 0) + (answers.partnerOtherIncomeCents ?? 0);
  const facts: Record<string, string | undefined> = {
    province: answers.province,
    residenceStatus: answers.residenceStatus,
    maritalStatus: answers.maritalStatus,
    partnerBirthDate: answers.partnerBirthDate,
    partnerIncome: text(partnerIncome),
    childCount: text(answers.childCount),
    yearsInCanadaAfter18: text(answers.yearsInCanada),
    employmentIncome: text(answers.workIncomeCents),
    otherIncome: text(answers.otherIncomeCents),
    disability: yesNo(answers.disability),
    shelterCost: text(answers.shelterCostCents),
    assets: text(answers.savingsCents),
  };
  return Object.fromEntries(
    Object.entries(facts).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Reads the visitor's finder answers from their sealed cookie, as facts; null when they have none. */
export function createFinderCarryOver(secret: string, clock: () => Date) {
  const state = createFinderState(secret, clock);
  return (request: FastifyRequest): Record<string, string> | null => {
    const facts = carriedFacts(state.open(request.cookies[FINDER_COOKIE]).answers);
    return Object.keys(facts).length > 0 ? facts : null;
  };
}

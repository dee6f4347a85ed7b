/**
 * The reader's own map of Standard 005 records: each field's first and last position as the standard's
 * tables number them (1-based, inclusive). Kept apart from the writer's table on purpose, so that a
 * mistake in one is caught by the other in the round-trip tests.
 */
export type Span = readonly [first: number, last: number];

export const LINE_LENGTH = 1464;
export const SEGMENT_SIZE = 240;
export const FIRST_SEGMENT_AT = 25;

export const RECORD = {
  type: [1, 1],
  count: [2, 10],
  originatorId: [11, 20],
  fileCreationNumber: [21, 24],
} as const satisfies Record<string, Span>;

export const HEADER_RECORD = {
  creationDate: [25, 30],
  destinationDataCentre: [31, 35],
  currency: [56, 58],
} as const satisfies Record<string, Span>;

/** Positions within a segment (1 to 240). */
export const SEGMENT_FIELDS = {
  transactionCode: [1, 3],
  amount: [4, 13],
  date: [14, 19],
  institutionId: [20, 28],
  account: [29, 40],
  itemTrace: [41, 62],
  storedTransactionType: [63, 65],
  originatorShortName: [66, 80],
  payeeName: [81, 110],
  originatorLongName: [111, 140],
  originatorUserId: [141, 150],
  crossReference: [151, 169],
  returnInstitutionId: [170, 178],
  returnAccount: [179, 190],
  sundry: [191, 205],
  invalidDataElement: [230, 240],
} as const satisfies Record<string, Span>;

export const TRAILER_RECORD = {
  debitValue: [25, 38],
  debitCount: [39, 46],
  creditValue: [47, 60],
  creditCount: [61, 68],
} as const satisfies Record<string, Span>;

/** The text at a span of `text`, counted from `offset` (0 for a record, the segment's start for a segment). */
export function at(text: string, [first, last]: Span, offset = 0): string {
  return text.slice(offset + first - 1, offset + last);
}

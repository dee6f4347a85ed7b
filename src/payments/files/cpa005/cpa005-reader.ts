import { isKnownInstitution as inShippedList } from '../institutions.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { linesOf } from '../line-reader.ts';
import {
  at,
  FIRST_SEGMENT_AT,
  HEADER_RECORD,
  LINE_LENGTH,
  RECORD,
  SEGMENT_FIELDS,
  SEGMENT_SIZE,
  TRAILER_RECORD,
} from './cpa005-positions.ts';
import {
  readAccount,
  readAmount,
  readCount,
  readInstitutionId,
  readJulian,
  readName,
  readReference,
  readTransactionCode,
} from './cpa005-fields.ts';

/** One transaction of a Standard 005 file: a credit (C record) or a returned credit (I record). */
export interface Cpa005Item {
  readonly kind: 'credit' | 'returned-credit';
  readonly line: number;
  readonly segment: number;
  /** The CPA transaction code; for a returned credit, the 900-series return reason. */
  readonly transactionCode: string;
  /** For a returned credit, the transaction code of the original payment. */
  readonly storedTransactionType: string;
  readonly amountCents: number;
  readonly date: string;
  readonly institution: string;
  readonly transit: string;
  readonly account: string;
  readonly payeeName: string;
  readonly crossReference: string;
  readonly itemTrace: string;
  readonly originatorShortName: string;
  readonly originatorLongName: string;
  /** Where the bank sends the item back if it is returned. */
  readonly returnAccount: {
    readonly institution: string;
    readonly transit: string;
    readonly account: string;
  };
}

export interface Cpa005Summary {
  readonly originatorId: string;
  readonly fileCreationNumber: number;
  readonly creationDate: string;
  readonly destinationDataCentre: string;
  readonly currency: string;
  readonly kind: 'credit' | 'returned-credit' | 'empty';
  readonly itemCount: number;
  readonly totalCents: number;
  readonly records: number;
}

export interface Cpa005ReadOptions {
  /** Refuse institution numbers this says are unknown; the shipped list by default. */
  readonly isKnownInstitution?: (institution: string) => boolean;
}

type Source = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const RECORD_KINDS = { C: 'credit', I: 'returned-credit' } as const;

/**
 * Reads and checks a Standard 005 credit or returns file record by record, yielding each transaction and
 * returning the file's totals. The first problem throws FileRefusedError with its line: length, character
 * set, record order and numbering, originator and file number in every record, every field of every
 * segment, and the trailer's count and total to the cent.
 */
export async function* readCpa005(
  source: Source,
  options: Cpa005ReadOptions = {},
): AsyncGenerator<Cpa005Item, Cpa005Summary> {
  const known = options.isKnownInstitution ?? inShippedList;
  let header: Omit<Cpa005Summary, 'kind' | 'itemCount' | 'totalCents' | 'records'> | undefined;
  let kind: Cpa005Summary['kind'] = 'empty';
  let [line, itemCount, totalCents] = [0, 0, 0];
  const lines = linesOf(source);
  for await (const text of lines) {
    line++;
    checkShape(text, line);
    const type = at(text, RECORD.type);
    if (!header) {
      header = readHeader(text, line);
      continue;
    }
    checkPrefix(text, line, header);
    if (type === 'Z') {
      checkTrailer(text, line, kind, itemCount, totalCents);
      if (!(await lines.next()).done) throw new FileRefusedError('data-after-trailer', line + 1, '');
      return { ...header, kind, itemCount, totalCents, records: line };
    }
    kind = recordKind(type, kind, line);
    for (const item of readSegments(text, line, kind, known)) {
      itemCount++;
      totalCents += item.amountCents;
      yield item;
    }
  }
  throw new FileRefusedError(header ? 'trailer-missing' : 'header-missing', line, '');
}

function checkShape(text: string, line: number): void {
  if (text.length !== LINE_LENGTH)
    throw new FileRefusedError('record-length', line, `${text.length} characters`);
  if (!PRINTABLE_ASCII.test(text)) throw new FileRefusedError('invalid-character', line, '');
  if (at(text, RECORD.count) !== String(line).padStart(9, '0')) {
    throw new FileRefusedError(
      'record-count-sequence',
      line,
      `record count ${at(text, RECORD.count)}, expected ${line}`,
    );
  }
}

function readHeader(
  text: string,
  line: number,
): Omit<Cpa005Summary, 'kind' | 'itemCount' | 'totalCents' | 'records'> {
  if (at(text, RECORD.type) !== 'A') throw new FileRefusedError('header-missing', line, '');
  const originatorId = at(text, RECORD.originatorId).trimEnd();
  const fileCreationNumber = at(text, RECORD.fileCreationNumber);
  const currency = at(text, HEADER_RECORD.currency);
  if (
    originatorId === '' ||
    !/^\d{4}$/.test(fileCreationNumber) ||
    fileCreationNumber === '0000' ||
    !['CAD', 'USD'].includes(currency)
  ) {
    throw new FileRefusedError(
      'invalid-header',
      line,
      `originator ${JSON.stringify(originatorId)}, file ${fileCreationNumber}, currency ${currency}`,
    );
  }
  return {
    originatorId,
    fileCreationNumber: Number(fileCreationNumber),
    creationDate: readJulian(at(text, HEADER_RECORD.creationDate), line, 'creation date'),
    destinationDataCentre: at(text, HEADER_RECORD.destinationDataCentre),
    currency,
  };
}

function checkPrefix(
  text: string,
  line: number,
  header: { originatorId: string; fileCreationNumber: number },
): void {
  if (at(text, RECORD.originatorId).trimEnd() !== header.originatorId)
    throw new FileRefusedError('originator-mismatch', line, '');
  if (Number(at(text, RECORD.fileCreationNumber)) !== header.fileCreationNumber) {
    throw new FileRefusedError('file-creation-number-mismatch', line, '');
  }
}

function recordKind(type: string, sofar: Cpa005Summary['kind'], line: number): 'credit' | 'returned-credit' {
  const kind = RECORD_KINDS[type as keyof typeof RECORD_KINDS];
  if (!kind) throw new FileRefusedError('unexpected-record-type', line, JSON.stringify(type));
  if (sofar !== 'empty' && sofar !== kind) throw new FileRefusedError('mixed-record-types', line, '');
  return kind;
}

function* readSegments(
  text: string,
  line: number,
  kind: 'credit' | 'returned-credit',
  known: (institution: string) => boolean,
): Generator<Cpa005Item> {
  let blankSeen = false;
  for (let segment = 1; segment <= 6; segment++) {
    const offset = FIRST_SEGMENT_AT - 1 + (segment - 1) * SEGMENT_SIZE;
    const blank = text.slice(offset, offset + SEGMENT_SIZE).trim() === '';
    if (blank) blankSeen = true;
    else if (blankSeen) throw new FileRefusedError('data-after-blank-segment', line, `segment ${segment}`);
    else yield readSegment(text, offset, line, segment, kind, known);
  }
  if (text.slice(FIRST_SEGMENT_AT - 1, FIRST_SEGMENT_AT - 1 + SEGMENT_SIZE).trim() === '') {
    throw new FileRefusedError('empty-record', line, '');
  }
}

function readSegment(
  text: string,
  offset: number,
  line: number,
  segment: number,
  kind: 'credit' | 'returned-credit',
  known: (institution: string) => boolean,
): Cpa005Item {
  const field = (name: keyof typeof SEGMENT_FIELDS): string => at(text, SEGMENT_FIELDS[name], offset);
  const codeKind = kind === 'credit' ? 'credit' : 'return';
  return {
    kind,
    line,
    segment,
    transactionCode: readTransactionCode(field('transactionCode'), line, codeKind),
    storedTransactionType: field('storedTransactionType'),
    amountCents: readAmount(field('amount'), line),
    date: readJulian(field('date'), line, 'payment date'),
    ...readInstitutionId(field('institutionId'), line, known),
    account: readAccount(field('account'), line),
    payeeName: readName(field('payeeName'), line),
    crossReference: readReference(field('crossReference'), line),
    itemTrace: field('itemTrace'),
    originatorShortName: field('originatorShortName').trimEnd(),
    originatorLongName: field('originatorLongName').trimEnd(),
    returnAccount: {
      ...readInstitutionId(field('returnInstitutionId'), line, known),
      account: readAccount(field('returnAccount'), line),
    },
  };
}

function checkTrailer(
  text: string,
  line: number,
  kind: Cpa005Summary['kind'],
  count: number,
  totalCents: number,
): void {
  const debits = readCount(at(text, TRAILER_RECORD.debitCount), line, 'debit count');
  const debitValue = readCount(at(text, TRAILER_RECORD.debitValue), line, 'debit value');
  const credits = readCount(at(text, TRAILER_RECORD.creditCount), line, 'credit count');
  const creditValue = readCount(at(text, TRAILER_RECORD.creditValue), line, 'credit value');
  if (debits !== 0 || credits !== count) {
    throw new FileRefusedError(
      'trailer-count-mismatch',
      line,
      `trailer ${credits} credits and ${debits} debits, file ${count} ${kind}`,
    );
  }
  if (debitValue !== 0 || creditValue !== totalCents) {
    throw new FileRefusedError(
      'trailer-total-mismatch',
      line,
      `trailer ${creditValue} cents, file ${totalCents} cents`,
    );
  }
}

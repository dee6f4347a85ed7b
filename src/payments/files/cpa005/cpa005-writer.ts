import { toBankText } from '../bank-text.ts';
import { assertWritable, InvalidPaymentError, type Originator, type Payment } from '../../payment.ts';
import {
  HEADER,
  institutionId,
  julianDate,
  PREFIX,
  RECORD_SEPARATOR,
  compileFields,
  renderFields,
  SEGMENT,
  SEGMENT_LENGTH,
  SEGMENTS_PER_RECORD,
  TRAILER,
  type FieldValues,
} from './cpa005-layout.ts';

export interface Cpa005FileHeader {
  readonly originator: Originator;
  /** 1 to 9999, never reused by the originator while the bank remembers it. */
  readonly fileCreationNumber: number;
  readonly creationDate: string;
  /** The bank's destination data centre, up to 5 digits. */
  readonly destinationDataCentre: string;
  readonly currency?: 'CAD';
}

export interface Cpa005Totals {
  count: number;
  totalCents: number;
}

export class InvalidFileHeaderError extends Error {}

/**
 * Writes a credit file record by record: the A header, C records of up to six payments, the Z trailer with
 * the count and total of what was written. Nothing is held but the record being filled, so a run of any
 * size streams (pipe it with `Readable.from`). A payment that cannot be written (zero or negative amount,
 * malformed account) throws InvalidPaymentError: the records already yielded must then be discarded, so
 * write to a temporary file and move it into place only when the generator finishes.
 */
export async function* writeCpa005Credits(
  header: Cpa005FileHeader,
  payments: Iterable<Payment> | AsyncIterable<Payment>,
): AsyncGenerator<string, Cpa005Totals> {
  const render = compileFields(SEGMENT, originatorFields(header.originator));
  const segmentOf = (payment: Payment): string => {
    assertWritable(payment);
    return render(paymentFields(payment));
  };
  return yield* fileRecords(header, 'C', payments, segmentOf, (payment) => payment.amountCents);
}

/** Records are handed on in chunks of about this many characters (one per record costs more than the record). */
const CHUNK = 64 * 1024;

/**
 * The A header, the segments packed six to a record of `type`, and the Z trailer totalling them,
 * yielded in chunks of whole records.
 */
export async function* fileRecords<T>(
  header: Cpa005FileHeader,
  type: 'C' | 'I',
  items: Iterable<T> | AsyncIterable<T>,
  segmentOf: (item: T) => string,
  amountOf: (item: T) => number,
): AsyncGenerator<string, Cpa005Totals> {
  assertHeader(header);
  const prefix = prefixOf(header);
  const totals = { count: 0, totalCents: 0 };
  let [recordCount, packed, filled, chunk] = [1, '', 0, headerRecord(header, prefix)];
  for await (const item of items) {
    packed += segmentOf(item);
    totals.count++;
    totals.totalCents += amountOf(item);
    if (++filled < SEGMENTS_PER_RECORD) continue;
    chunk += recordOf(type, ++recordCount, prefix, packed);
    [packed, filled] = ['', 0];
    if (chunk.length < CHUNK) continue;
    yield chunk;
    chunk = '';
  }
  if (filled > 0) chunk += recordOf(type, ++recordCount, prefix, packed);
  yield (
    chunk +
    trailerRecord(recordCount + 1, prefix, { creditValue: totals.totalCents, creditCount: totals.count })
  );
  return totals;
}

export function assertHeader(header: Cpa005FileHeader): void {
  const { fileCreationNumber, originator, destinationDataCentre } = header;
  if (!Number.isInteger(fileCreationNumber) || fileCreationNumber < 1 || fileCreationNumber > 9999) {
    throw new InvalidFileHeaderError(`File creation number must be 1 to 9999, got ${fileCreationNumber}`);
  }
  if (!/^[A-Za-z0-9]{1,10}$/.test(originator.id))
    throw new InvalidFileHeaderError('Originator ID: 1 to 10 letters or digits');
  if (!/^\d{1,5}$/.test(destinationDataCentre))
    throw new InvalidFileHeaderError('Destination data centre: 1 to 5 digits');
}

/** The originator ID and file creation number that follow the record type and count in every record. */
function prefixOf(header: Cpa005FileHeader): FieldValues {
  return { originatorId: header.originator.id, fileCreationNumber: header.fileCreationNumber };
}

function headerRecord(header: Cpa005FileHeader, prefix: FieldValues): string {
  return (
    renderFields(PREFIX, { ...prefix, recordType: 'A', recordCount: 1 }) +
    renderFields(HEADER, {
      creationDate: julianDate(header.creationDate),
      destinationDataCentre: header.destinationDataCentre,
      currency: header.currency ?? 'CAD',
    }) +
    RECORD_SEPARATOR
  );
}

function recordOf(type: 'C' | 'I', recordCount: number, prefix: FieldValues, segments: string): string {
  return (
    renderFields(PREFIX, { ...prefix, recordType: type, recordCount }) +
    segments.padEnd(SEGMENT_LENGTH * SEGMENTS_PER_RECORD, ' ') +
    RECORD_SEPARATOR
  );
}

function trailerRecord(recordCount: number, prefix: FieldValues, totals: FieldValues): string {
  return (
    renderFields(PREFIX, { ...prefix, recordType: 'Z', recordCount }) +
    renderFields(TRAILER, totals) +
    RECORD_SEPARATOR
  );
}

/** A segment's fields that are the same for every payment of a file: the originator's and the fillers. */
function originatorFields(originator: Originator): FieldValues {
  const { returnAccount } = originator;
  return {
    itemTrace: '',
    storedTransactionType: '',
    originatorShortName: toBankText(originator.shortName, 15),
    originatorLongName: toBankText(originator.longName, 30),
    originatorUserId: originator.id,
    returnInstitutionId: institutionId(returnAccount.institution, returnAccount.transit),
    returnAccount: returnAccount.account,
    sundry: '',
    filler: '',
    settlementCode: '',
    invalidDataElement: '',
  };
}

/** A segment's fields that come from the payment. */
function paymentFields(payment: Payment): FieldValues {
  const payeeName = toBankText(payment.payee.name, 30);
  if (payeeName === '') throw new InvalidPaymentError(payment.reference, 'missing-payee-name');
  if (!/^\d{3}$/.test(payment.transactionCode)) {
    throw new InvalidPaymentError(payment.reference, 'invalid-transaction-code');
  }
  return {
    transactionCode: payment.transactionCode,
    amount: payment.amountCents,
    date: julianDate(payment.date),
    institutionId: institutionId(payment.payee.institution, payment.payee.transit),
    account: payment.payee.account,
    payeeName,
    crossReference: payment.reference,
  };
}

/** All of a segment's fields for a payment; the returns writer adds its reason and trace to them. */
export function segmentValues(payment: Payment, originator: Originator): FieldValues {
  return { ...originatorFields(originator), ...paymentFields(payment) };
}

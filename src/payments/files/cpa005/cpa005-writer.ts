import { toBankText } from '../bank-text.ts';
import { assertWritable, InvalidPaymentError, type Originator, type Payment } from '../../payment.ts';
import { compileLayout, institutionId, julianDate, SEGMENT, type FieldValues } from './cpa005-layout.ts';
import { fileRecords, type Cpa005Totals } from './cpa005-records.ts';

export type { Cpa005Totals } from './cpa005-records.ts';

export interface Cpa005FileHeader {
  readonly originator: Originator;
  /** 1 to 9999, never reused by the originator while the bank remembers it. */
  readonly fileCreationNumber: number;
  readonly creationDate: string;
  /** The bank's destination data centre, up to 5 digits. */
  readonly destinationDataCentre: string;
  readonly currency?: 'CAD';
}

export class InvalidFileHeaderError extends Error {}

/**
 * Writes a credit file record by record: the A header, C records of up to six payments, the Z trailer with
 * the count and total of what was written, as chunks of bytes. Nothing is held but the chunk being filled,
 * so a run of any size streams (pipe it with `Readable.from`). A payment that cannot be written (zero or
 * negative amount, malformed account) throws InvalidPaymentError: the chunks already yielded must then be
 * discarded, so write to a temporary file and move it into place only when the generator finishes.
 */
export async function* writeCpa005Credits(
  header: Cpa005FileHeader,
  payments: Iterable<Payment> | AsyncIterable<Payment>,
): AsyncGenerator<Buffer, Cpa005Totals> {
  const writeSegment = compileLayout(SEGMENT, originatorFields(header.originator));
  const write = (target: Buffer, offset: number, payment: Payment): void => {
    assertWritable(payment);
    writeSegment(target, offset, paymentFields(payment));
  };
  return yield* fileRecords(recordsHeader(header), 'C', payments, write, (payment) => payment.amountCents);
}

export function recordsHeader(header: Cpa005FileHeader): Parameters<typeof fileRecords>[0] {
  const { fileCreationNumber, originator, destinationDataCentre } = header;
  if (!Number.isInteger(fileCreationNumber) || fileCreationNumber < 1 || fileCreationNumber > 9999) {
    throw new InvalidFileHeaderError(`File creation number must be 1 to 9999, got ${fileCreationNumber}`);
  }
  if (!/^[A-Za-z0-9]{1,10}$/.test(originator.id)) {
    throw new InvalidFileHeaderError('Originator ID: 1 to 10 letters or digits');
  }
  if (!/^\d{1,5}$/.test(destinationDataCentre)) {
    throw new InvalidFileHeaderError('Destination data centre: 1 to 5 digits');
  }
  return {
    originatorId: originator.id,
    fileCreationNumber,
    creationDate: header.creationDate,
    destinationDataCentre,
    currency: header.currency ?? 'CAD',
  };
}

/** A segment's fields that are the same for every payment of a file: the originator's and the fillers. */
export function originatorFields(originator: Originator): FieldValues {
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
export function paymentFields(payment: Payment): FieldValues {
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

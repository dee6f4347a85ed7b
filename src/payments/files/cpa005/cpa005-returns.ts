import type { Payment, PaymentReturn } from '../../payment.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { reasonOfCpaCode } from '../return-reasons.ts';
import { compileLayout, SEGMENT } from './cpa005-layout.ts';
import { fileRecords } from './cpa005-records.ts';
import { readCpa005, type Cpa005ReadOptions } from './cpa005-reader.ts';
import {
  originatorFields,
  paymentFields,
  recordsHeader,
  type Cpa005FileHeader,
  type Cpa005Totals,
} from './cpa005-writer.ts';

/** A payment the bank sends back: the original credit, the CPA Standard 007 reason and the bank's trace. */
export interface ReturnedCredit {
  readonly payment: Payment;
  /** 900-series return reason, e.g. '905' account closed. */
  readonly reasonCode: string;
  /** The bank's item trace number, up to 22 digits. */
  readonly itemTrace: string;
}

/**
 * Writes a returns file as the bank stand-in sends it: the originator's A header (with the bank's own file
 * creation number), I records whose segments repeat the returned credit with the return reason in the
 * transaction-code field, the original code in "stored transaction type" and the bank's trace, and a Z
 * trailer totalling them. Which field carries the reason differs between banks' returns specifications;
 * this follows the common layout and is the one place to change for a particular bank.
 */
export async function* writeCpa005Returns(
  header: Cpa005FileHeader,
  returned: Iterable<ReturnedCredit> | AsyncIterable<ReturnedCredit>,
): AsyncGenerator<Buffer, Cpa005Totals> {
  // The trace and the original code vary per returned item, so they are not part of the template.
  const {
    itemTrace: _trace,
    storedTransactionType: _stored,
    ...constants
  } = originatorFields(header.originator);
  const writeSegment = compileLayout(SEGMENT, constants);
  const write = (target: Buffer, offset: number, item: ReturnedCredit): void =>
    writeSegment(target, offset, {
      ...paymentFields(item.payment),
      transactionCode: item.reasonCode,
      storedTransactionType: item.payment.transactionCode,
      itemTrace: item.itemTrace,
    });
  return yield* fileRecords(recordsHeader(header), 'I', returned, write, (item) => item.payment.amountCents);
}

/** Reads a Standard 005 returns file (I records only) into the platform's typed returns. */
export async function readCpa005Returns(
  source: Parameters<typeof readCpa005>[0],
  options: Cpa005ReadOptions = {},
): Promise<PaymentReturn[]> {
  const reader = readCpa005(source, options);
  const items: { reference: string; amountCents: number; code: string; line: number }[] = [];
  let next = await reader.next();
  for (; !next.done; next = await reader.next()) {
    const item = next.value;
    if (item.kind !== 'returned-credit')
      throw new FileRefusedError('unexpected-record-type', item.line, 'a payment in a returns file');
    items.push({
      reference: item.crossReference,
      amountCents: item.amountCents,
      code: item.transactionCode,
      line: item.line,
    });
  }
  const returnedOn = next.value.creationDate;
  return items.map(({ reference, amountCents, code }) => ({
    reference,
    amountCents,
    reason: reasonOfCpaCode(code),
    bankReasonCode: code,
    returnedOn,
    format: 'cpa005',
  }));
}

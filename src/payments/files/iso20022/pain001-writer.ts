import { assertWritable, InvalidPaymentError, type Originator, type Payment } from '../../payment.ts';
import { canadianMemberId, CANADIAN_CLEARING_SYSTEM, decimalOfCents, isoText } from './iso-text.ts';
import { slot, XmlTemplate, xmlBuilder, type XmlTree } from './xml-template.ts';

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface Pain001Header {
  readonly originator: Originator;
  /** Unique per message and initiating party, up to 35 characters. */
  readonly messageId: string;
  /** ISO date and time the file was created, e.g. 2026-01-20T10:15:00 (the caller's clock, not ours). */
  readonly createdAt: string;
  /** Every payment of the message is for this day. */
  readonly executionDate: string;
  /**
   * The count and total the run computed for the file, written in the group header before the first
   * transaction (so the message streams); the writer checks them against what it wrote.
   */
  readonly control: { readonly numberOfTransactions: number; readonly totalCents: number };
}

export class ControlTotalMismatchError extends Error {}

const TRANSACTION_END = '\u0002';
/** Transactions are written in place into buffers of this many bytes, handed on when full. */
const CHUNK = 64 * 1024;

const agent = (memberId: string): XmlTree => ({
  FinInstnId: { ClrSysMmbId: { ClrSysId: { Cd: CANADIAN_CLEARING_SYSTEM }, MmbId: memberId } },
});

export type TransactionValues = Readonly<
  Record<'reference' | 'amount' | 'memberId' | 'name' | 'account' | 'transactionCode', string>
>;

/** CdtTrfTxInf in the schema's element order: PmtId, Amt, CdtrAgt, Cdtr, CdtrAcct, Purp. */
export function transactionTree(v: TransactionValues): XmlTree {
  return {
    CdtTrfTxInf: {
      PmtId: { EndToEndId: v.reference },
      Amt: { InstdAmt: { '@Ccy': 'CAD', '#text': v.amount } },
      CdtrAgt: agent(v.memberId),
      Cdtr: { Nm: v.name },
      CdtrAcct: { Id: { Othr: { Id: v.account } } },
      Purp: { Prtry: v.transactionCode },
    },
  };
}

export const transactionTemplate = new XmlTemplate(
  transactionTree({
    reference: slot('reference'),
    amount: slot('amount'),
    memberId: slot('memberId'),
    name: slot('name'),
    account: slot('account'),
    transactionCode: slot('transactionCode'),
  }),
);

function envelope(header: Pain001Header): [string, string] {
  const { originator, control } = header;
  const count = String(control.numberOfTransactions);
  const sum = decimalOfCents(control.totalCents);
  const xml = xmlBuilder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    Document: {
      '@xmlns': PAIN_001_NAMESPACE,
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: header.messageId,
          CreDtTm: header.createdAt,
          NbOfTxs: count,
          CtrlSum: sum,
          InitgPty: { Nm: isoText(originator.longName, 140), Id: { OrgId: { Othr: { Id: originator.id } } } },
        },
        PmtInf: {
          PmtInfId: `${header.messageId}-1`.slice(-35),
          PmtMtd: 'TRF',
          NbOfTxs: count,
          CtrlSum: sum,
          ReqdExctnDt: { Dt: header.executionDate },
          Dbtr: { Nm: isoText(originator.longName, 140) },
          DbtrAcct: { Id: { Othr: { Id: originator.returnAccount.account } } },
          DbtrAgt: {
            FinInstnId: {
              ClrSysMmbId: {
                ClrSysId: { Cd: CANADIAN_CLEARING_SYSTEM },
                MmbId: canadianMemberId(
                  originator.returnAccount.institution,
                  originator.returnAccount.transit,
                ),
              },
            },
          },
          ChrgBr: 'SLEV',
          CdtTrfTxInf: TRANSACTION_END,
        },
      },
    },
  }) as string;
  const [before, after] = xml.split(`<CdtTrfTxInf>${TRANSACTION_END}</CdtTrfTxInf>`);
  return [`${(before ?? '').replace('?>', '?>\n')}\n`, `${after ?? ''}\n`];
}

/**
 * Writes a pain.001.001.09 CustomerCreditTransferInitiation as a stream of strings: group header, one
 * payment information block for the execution date, then one CdtTrfTxInf per payment, each on its own
 * line so that a refusal's line number points at the transaction. Amounts are in
 * CAD from integer cents; each creditor agent is identified by its Canadian clearing system member id
 * (CACPA, 0 + institution + transit). Throws InvalidPaymentError for a payment that cannot be paid and
 * ControlTotalMismatchError at the end if the payments do not add up to the declared control totals; in
 * both cases what was already written must be discarded.
 */
export async function* writePain001(
  header: Pain001Header,
  payments: Iterable<Payment> | AsyncIterable<Payment>,
): AsyncGenerator<Buffer> {
  assertHeader(header);
  const [opening, closing] = envelope(header);
  let chunk = Buffer.allocUnsafe(CHUNK);
  let [used, count, total] = [chunk.write(opening, 0, 'utf8'), 0, 0];
  for await (const payment of payments) {
    const values = valuesOf(payment, header.executionDate);
    if (used + transactionTemplate.maxBytes(values) + 1 > CHUNK) {
      yield chunk.subarray(0, used);
      [chunk, used] = [Buffer.allocUnsafe(CHUNK), 0];
    }
    used += transactionTemplate.writeInto(chunk, used, values);
    chunk[used++] = NEWLINE;
    count++;
    total += payment.amountCents;
  }
  if (count !== header.control.numberOfTransactions || total !== header.control.totalCents) {
    throw new ControlTotalMismatchError(
      `Declared ${header.control.numberOfTransactions} payments of ${header.control.totalCents} cents, wrote ${count} of ${total}`,
    );
  }
  yield Buffer.concat([chunk.subarray(0, used), Buffer.from(closing, 'utf8')]);
}

const NEWLINE = 0x0a;

function valuesOf(payment: Payment, executionDate: string): TransactionValues {
  assertWritable(payment);
  if (payment.date !== executionDate) throw new InvalidPaymentError(payment.reference, 'invalid-date');
  const name = isoText(payment.payee.name, 140);
  if (name === '') throw new InvalidPaymentError(payment.reference, 'missing-payee-name');
  return transactionValues(payment, name);
}

function transactionValues(payment: Payment, name: string): TransactionValues {
  return {
    reference: payment.reference,
    amount: decimalOfCents(payment.amountCents),
    memberId: canadianMemberId(payment.payee.institution, payment.payee.transit),
    name,
    account: payment.payee.account,
    transactionCode: payment.transactionCode,
  };
}

function assertHeader(header: Pain001Header): void {
  if (!/^[A-Za-z0-9-]{1,35}$/.test(header.messageId))
    throw new Error('Message id: 1 to 35 letters, digits or hyphens');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(header.createdAt))
    throw new Error('createdAt: an ISO date and time');
  const { numberOfTransactions, totalCents } = header.control;
  if (
    !Number.isSafeInteger(numberOfTransactions) ||
    !Number.isSafeInteger(totalCents) ||
    numberOfTransactions < 0
  ) {
    throw new ControlTotalMismatchError('Control totals must be whole numbers of payments and cents');
  }
}

import type { PaymentReturn } from '../../payment.ts';
import { codesOfReason } from '../return-reasons.ts';
import { decimalOfCents } from './iso-text.ts';
import { xmlBuilder } from './xml-template.ts';

/** What the bank stand-in reports about one returned or rejected payment. */
export interface ReturnedTransfer {
  readonly endToEndId: string;
  readonly amountCents: number;
  readonly reason: PaymentReturn['reason'];
}

export interface StatusMessageHeader {
  readonly messageId: string;
  readonly createdAt: string;
}

const DECLARATION = { '@version': '1.0', '@encoding': 'UTF-8' };

/**
 * pain.002.001.10 CustomerPaymentStatusReport: the original message's id, a group status of PART (some
 * rejected) or ACCP, and one TxInfAndSts of RJCT with its ISO reason code per rejected transfer.
 */
export function writePain002(
  header: StatusMessageHeader,
  original: {
    readonly messageId: string;
    readonly paymentInformationId: string;
    readonly executionDate: string;
  },
  rejected: readonly ReturnedTransfer[],
): string {
  return xmlBuilder.build({
    '?xml': DECLARATION,
    Document: {
      '@xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10',
      CstmrPmtStsRpt: {
        GrpHdr: { MsgId: header.messageId, CreDtTm: header.createdAt },
        OrgnlGrpInfAndSts: {
          OrgnlMsgId: original.messageId,
          OrgnlMsgNmId: 'pain.001.001.09',
          GrpSts: rejected.length > 0 ? 'PART' : 'ACCP',
        },
        OrgnlPmtInfAndSts: {
          OrgnlPmtInfId: original.paymentInformationId,
          TxInfAndSts: rejected.map((transfer) => ({
            OrgnlEndToEndId: transfer.endToEndId,
            TxSts: 'RJCT',
            StsRsnInf: { Rsn: { Cd: codesOfReason(transfer.reason).iso } },
            OrgnlTxRef: {
              Amt: { InstdAmt: { '@Ccy': 'CAD', '#text': decimalOfCents(transfer.amountCents) } },
              ReqdExctnDt: { Dt: original.executionDate },
            },
          })),
        },
      },
    },
  }) as string;
}

/**
 * camt.054.001.08 BankToCustomerDebitCreditNotification: each returned credit comes back to the
 * originator's account as a booked credit entry (PMNT/ICDT/RRTN) with the return reason.
 */
export function writeCamt054(
  header: StatusMessageHeader,
  account: string,
  bookingDate: string,
  returned: readonly ReturnedTransfer[],
): string {
  return xmlBuilder.build({
    '?xml': DECLARATION,
    Document: {
      '@xmlns': 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08',
      BkToCstmrDbtCdtNtfctn: {
        GrpHdr: { MsgId: header.messageId, CreDtTm: header.createdAt },
        Ntfctn: {
          Id: `${header.messageId}-1`.slice(-35),
          CreDtTm: header.createdAt,
          Acct: { Id: { Othr: { Id: account } } },
          Ntry: returned.map((transfer) => entryOf(transfer, bookingDate)),
        },
      },
    },
  }) as string;
}

function entryOf(transfer: ReturnedTransfer, bookingDate: string): Record<string, unknown> {
  const amount = { '@Ccy': 'CAD', '#text': decimalOfCents(transfer.amountCents) };
  return {
    Amt: amount,
    CdtDbtInd: 'CRDT',
    Sts: { Cd: 'BOOK' },
    BookgDt: { Dt: bookingDate },
    BkTxCd: { Domn: { Cd: 'PMNT', Fmly: { Cd: 'ICDT', SubFmlyCd: 'RRTN' } } },
    NtryDtls: {
      TxDtls: {
        Refs: { EndToEndId: transfer.endToEndId },
        Amt: amount,
        CdtDbtInd: 'CRDT',
        RtrInf: { Rsn: { Cd: codesOfReason(transfer.reason).iso } },
      },
    },
  };
}

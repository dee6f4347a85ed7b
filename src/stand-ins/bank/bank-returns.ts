import {
  codesOfReason,
  collect,
  readCamt054Returns,
  readCpa005Returns,
  readPain002Returns,
  writeCamt054,
  writeCpa005Returns,
  writePain002,
} from '../../payments/index.ts';
import type {
  Cpa005Item,
  Cpa005Summary,
  Pain001Summary,
  Pain001Transaction,
  PaymentReturn,
  ReturnReason,
} from '../../payments/index.ts';
import { returnReasonFor, type BankConfig } from './bank-config.ts';

export interface ReturnFiles {
  readonly cpa005?: string;
  readonly pain002?: string;
  readonly camt054?: string;
}

/** The files the bank sends back and the typed returns the platform's readers make of them. */
export interface PreparedReturns {
  readonly files: ReturnFiles;
  readonly returns: readonly PaymentReturn[];
}

function reasonOf(config: BankConfig, account: string): ReturnReason {
  return returnReasonFor(config.returnRules, account) ?? 'other';
}

/** A Standard 005 returns file for the items of one credit file, read back as typed returns. */
export async function cpa005ReturnFile(
  config: BankConfig,
  file: Cpa005Summary,
  items: readonly Cpa005Item[],
  sequence: number,
): Promise<PreparedReturns> {
  const first = items[0];
  if (!first) return { files: {}, returns: [] };
  const originator = {
    id: file.originatorId,
    shortName: first.originatorShortName,
    longName: first.originatorLongName,
    returnAccount: first.returnAccount,
  };
  const header = {
    originator,
    fileCreationNumber: ((sequence - 1) % 9999) + 1,
    creationDate: config.now().toISOString().slice(0, 10),
    destinationDataCentre: config.destinationDataCentre,
  };
  const returned = items.map((item, i) => ({
    payment: {
      reference: item.crossReference,
      amountCents: item.amountCents,
      date: item.date,
      transactionCode: item.transactionCode,
      payee: {
        name: item.payeeName,
        institution: item.institution,
        transit: item.transit,
        account: item.account,
      },
    },
    reasonCode: codesOfReason(reasonOf(config, item.account)).cpa,
    itemTrace: `${item.institution}${item.transit}${String(sequence).padStart(6, '0')}${String(i + 1).padStart(8, '0')}`,
  }));
  const cpa005 = await collect(writeCpa005Returns(header, returned));
  return {
    files: { cpa005 },
    returns: await readCpa005Returns(cpa005, { isKnownInstitution: config.isKnownInstitution }),
  };
}

/** A pain.002 status report and a camt.054 notification for the items of one pain.001 message. */
export async function isoReturnFiles(
  config: BankConfig,
  message: Pain001Summary,
  items: readonly Pain001Transaction[],
): Promise<PreparedReturns> {
  if (items.length === 0) return { files: {}, returns: [] };
  const now = config.now().toISOString().slice(0, 19);
  const transfers = items.map((item) => ({
    endToEndId: item.endToEndId,
    amountCents: item.amountCents,
    reason: reasonOf(config, item.account),
  }));
  const executionDate = items[0]?.executionDate ?? now.slice(0, 10);
  const pain002 = writePain002(
    { messageId: `RJ-${message.messageId}`.slice(0, 35), createdAt: now },
    {
      messageId: message.messageId,
      paymentInformationId: `${message.messageId}-1`.slice(-35),
      executionDate,
    },
    transfers,
  );
  const camt054 = writeCamt054(
    { messageId: `RT-${message.messageId}`.slice(0, 35), createdAt: now },
    message.debtorAccount,
    now.slice(0, 10),
    transfers,
  );
  const [rejected, notified] = await Promise.all([readPain002Returns(pain002), readCamt054Returns(camt054)]);
  if (rejected.length !== notified.length)
    throw new Error('The stand-in wrote two return files that disagree');
  return { files: { pain002, camt054 }, returns: rejected };
}

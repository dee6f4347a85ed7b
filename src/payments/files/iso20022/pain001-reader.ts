import { isKnownInstitution as inShippedList } from '../institutions.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { readXml, type XmlHandler } from './xml-reader.ts';
import { centsOfDecimal, ElementOrder, isoDateOf, required } from './iso-reading.ts';

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

/** CustomerCreditTransferInitiationV09's sequences, as far as the reader checks them. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  Document: ['CstmrCdtTrfInitn'],
  CstmrCdtTrfInitn: ['GrpHdr', 'PmtInf', 'SplmtryData'],
  GrpHdr: ['MsgId', 'CreDtTm', 'Authstn', 'NbOfTxs', 'CtrlSum', 'InitgPty', 'FwdgAgt'],
  PmtInf: [
    'PmtInfId',
    'PmtMtd',
    'BtchBookg',
    'NbOfTxs',
    'CtrlSum',
    'PmtTpInf',
    'ReqdExctnDt',
    'PoolgAdjstmntDt',
    'Dbtr',
    'DbtrAcct',
    'DbtrAgt',
    'DbtrAgtAcct',
    'InstrForDbtrAgt',
    'UltmtDbtr',
    'ChrgBr',
    'ChrgsAcct',
    'ChrgsAcctAgt',
    'CdtTrfTxInf',
  ],
  CdtTrfTxInf: [
    'PmtId',
    'PmtTpInf',
    'Amt',
    'XchgRateInf',
    'ChrgBr',
    'ChqInstr',
    'UltmtDbtr',
    'IntrmyAgt1',
    'IntrmyAgt1Acct',
    'IntrmyAgt2',
    'IntrmyAgt2Acct',
    'IntrmyAgt3',
    'IntrmyAgt3Acct',
    'CdtrAgt',
    'CdtrAgtAcct',
    'Cdtr',
    'CdtrAcct',
    'UltmtCdtr',
    'InstrForCdtrAgt',
    'InstrForDbtrAgt',
    'Purp',
    'RgltryRptg',
    'Tax',
    'RltdRmtInf',
    'RmtInf',
    'SplmtryData',
  ],
};
const BLOCKS = ['GrpHdr', 'PmtInf', 'CdtTrfTxInf'] as const;
type BlockName = (typeof BLOCKS)[number];

export interface Pain001Transaction {
  readonly line: number;
  readonly endToEndId: string;
  readonly amountCents: number;
  readonly institution: string;
  readonly transit: string;
  readonly account: string;
  readonly creditorName: string;
  readonly transactionCode: string | undefined;
  readonly executionDate: string;
}

export interface Pain001Summary {
  readonly messageId: string;
  readonly createdAt: string;
  readonly initiatingPartyId: string;
  /** The debtor's (originator's) account, where returned credits come back. */
  readonly debtorAccount: string;
  readonly numberOfTransactions: number;
  readonly totalCents: number;
}

export interface Pain001ReadOptions {
  readonly isKnownInstitution?: (institution: string) => boolean;
}

/**
 * Reads and checks a pain.001.001.09 message as it streams, yielding each credit transfer and returning
 * the group header's figures once the counted transactions and amounts match them to the cent. It is a
 * separate code path from the writer: a SAX parser and its own expectations, not the writer's templates.
 */
export async function* readPain001(
  source: Parameters<typeof readXml>[0],
  options: Pain001ReadOptions = {},
): AsyncGenerator<Pain001Transaction, Pain001Summary> {
  const reader = new Pain001Reader(options.isKnownInstitution ?? inShippedList);
  for await (const transactions of readXml(source, reader)) yield* transactions;
  return reader.summary();
}

type GroupHeader = Omit<Pain001Summary, 'debtorAccount'>;

class Pain001Reader implements XmlHandler<Pain001Transaction> {
  readonly #order = new ElementOrder(ORDER);
  readonly #values: Record<BlockName, Map<string, string>> = {
    GrpHdr: new Map(),
    PmtInf: new Map(),
    CdtTrfTxInf: new Map(),
  };
  #block: BlockName | undefined;
  #finished: Pain001Transaction[] = [];
  #header: GroupHeader | undefined;
  #debtorAccount = '';
  #file = { count: 0, cents: 0 };
  #paymentInformation = { count: 0, cents: 0 };
  #line = 0;

  constructor(private readonly isKnownInstitution: (institution: string) => boolean) {}

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    if (this.#order.depth() === 0 && (name !== 'Document' || attributes.xmlns !== NAMESPACE)) {
      throw new FileRefusedError(
        'unexpected-element',
        line,
        `root <${name} xmlns="${attributes.xmlns ?? ''}">, not a pain.001.001.09 Document`,
      );
    }
    this.#order.open(name, line);
    if ((BLOCKS as readonly string[]).includes(name)) {
      this.#block = name as BlockName;
      this.#values[this.#block].clear();
    }
    if (name === 'InstdAmt' && attributes.Ccy !== 'CAD')
      throw new FileRefusedError('invalid-currency', line, attributes.Ccy ?? '');
  }

  close(name: string, text: string, line: number): void {
    this.#line = line;
    const block = this.#block;
    if (block && name !== block) this.#values[block].set(this.#order.pathBelow(block), text);
    this.#order.close();
    if (name === 'GrpHdr') this.#header = readGroupHeader(this.#values.GrpHdr, line);
    else if (name === 'PmtInf') this.#closePaymentInformation(line);
    else if (name === 'CdtTrfTxInf') this.#closeTransaction(line);
    if (name === block) this.#block = name === 'CdtTrfTxInf' ? 'PmtInf' : undefined;
  }

  take(): Pain001Transaction[] {
    const finished = this.#finished;
    this.#finished = [];
    return finished;
  }

  summary(): Pain001Summary {
    if (!this.#header) throw new FileRefusedError('missing-element', this.#line, 'GrpHdr');
    checkCounted(
      this.#header.numberOfTransactions,
      this.#header.totalCents,
      this.#file,
      this.#line,
      'GrpHdr',
    );
    return { ...this.#header, debtorAccount: this.#debtorAccount };
  }

  #closeTransaction(line: number): void {
    const executionDate = this.#values.PmtInf.get('ReqdExctnDt/Dt') ?? '';
    const transaction = readTransaction(
      this.#values.CdtTrfTxInf,
      line,
      this.isKnownInstitution,
      executionDate,
    );
    for (const counted of [this.#file, this.#paymentInformation]) {
      counted.count++;
      counted.cents += transaction.amountCents;
    }
    this.#finished.push(transaction);
  }

  #closePaymentInformation(line: number): void {
    const values = this.#values.PmtInf;
    if (required(values, 'PmtMtd', line) !== 'TRF')
      throw new FileRefusedError('unexpected-element', line, 'PmtMtd is not TRF');
    clearingMemberOf(values, 'DbtrAgt', line);
    const count = values.get('NbOfTxs');
    const sum = values.get('CtrlSum');
    if (count !== undefined && sum !== undefined) {
      checkCounted(
        Number(count),
        centsOfDecimal(sum, line, 'CtrlSum'),
        this.#paymentInformation,
        line,
        'PmtInf',
      );
    }
    this.#debtorAccount = required(values, 'DbtrAcct/Id/Othr/Id', line);
    this.#paymentInformation = { count: 0, cents: 0 };
  }
}

function readGroupHeader(values: ReadonlyMap<string, string>, line: number): GroupHeader {
  const count = required(values, 'NbOfTxs', line);
  if (!/^\d{1,15}$/.test(count)) throw new FileRefusedError('invalid-amount', line, `NbOfTxs ${count}`);
  return {
    messageId: required(values, 'MsgId', line),
    createdAt: required(values, 'CreDtTm', line),
    initiatingPartyId: values.get('InitgPty/Id/OrgId/Othr/Id') ?? required(values, 'InitgPty/Nm', line),
    numberOfTransactions: Number(count),
    totalCents: centsOfDecimal(required(values, 'CtrlSum', line), line, 'CtrlSum'),
  };
}

function checkCounted(
  declaredCount: number,
  declaredCents: number,
  counted: { count: number; cents: number },
  line: number,
  where: string,
): void {
  if (declaredCount !== counted.count) {
    throw new FileRefusedError(
      'trailer-count-mismatch',
      line,
      `${where} NbOfTxs ${declaredCount}, counted ${counted.count}`,
    );
  }
  if (declaredCents !== counted.cents) {
    throw new FileRefusedError(
      'trailer-total-mismatch',
      line,
      `${where} CtrlSum ${declaredCents} cents, counted ${counted.cents}`,
    );
  }
}

function clearingMemberOf(
  values: ReadonlyMap<string, string>,
  agent: string,
  line: number,
): { institution: string; transit: string } {
  const system = required(values, `${agent}/FinInstnId/ClrSysMmbId/ClrSysId/Cd`, line);
  if (system !== 'CACPA') throw new FileRefusedError('invalid-clearing-system', line, system);
  const member = required(values, `${agent}/FinInstnId/ClrSysMmbId/MmbId`, line);
  if (!/^0\d{8}$/.test(member)) throw new FileRefusedError('invalid-institution', line, member);
  return { institution: member.slice(1, 4), transit: member.slice(4) };
}

function readTransaction(
  values: ReadonlyMap<string, string>,
  line: number,
  known: (institution: string) => boolean,
  executionDate: string,
): Pain001Transaction {
  const amountCents = centsOfDecimal(required(values, 'Amt/InstdAmt', line), line, 'InstdAmt');
  if (amountCents <= 0) throw new FileRefusedError('zero-amount', line, '');
  const agent = clearingMemberOf(values, 'CdtrAgt', line);
  if (!known(agent.institution)) throw new FileRefusedError('unknown-institution', line, agent.institution);
  const account = required(values, 'CdtrAcct/Id/Othr/Id', line);
  if (!/^\d{1,12}$/.test(account)) throw new FileRefusedError('invalid-account', line, account);
  return {
    line,
    endToEndId: ensure(values.get('PmtId/EndToEndId'), 'missing-reference', line),
    amountCents,
    ...agent,
    account,
    creditorName: ensure(values.get('Cdtr/Nm'), 'missing-payee-name', line),
    transactionCode: values.get('Purp/Prtry'),
    executionDate: isoDateOf(executionDate, line, 'ReqdExctnDt'),
  };
}

function ensure(
  value: string | undefined,
  code: 'missing-reference' | 'missing-payee-name',
  line: number,
): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new FileRefusedError(code, line, '');
  return trimmed;
}

import { isKnownInstitution as inShippedList } from '../institutions.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { xmlEvents, type XmlEvent } from './xml-events.ts';
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

type Source = Parameters<typeof xmlEvents>[0];
type Block = { values: Map<string, string>; line: number };

/**
 * Reads and checks a pain.001.001.09 message as it streams, yielding each credit transfer and returning
 * the group header's figures once the counted transactions and amounts match them to the cent. It is a
 * separate code path from the writer: a SAX parser and its own expectations, not the writer's templates.
 */
export async function* readPain001(
  source: Source,
  options: Pain001ReadOptions = {},
): AsyncGenerator<Pain001Transaction, Pain001Summary> {
  const known = options.isKnownInstitution ?? inShippedList;
  const order = new ElementOrder(ORDER);
  const blocks: Record<'GrpHdr' | 'PmtInf' | 'CdtTrfTxInf', Block | undefined> = {
    GrpHdr: undefined,
    PmtInf: undefined,
    CdtTrfTxInf: undefined,
  };
  let header: (Omit<Pain001Summary, 'debtorAccount'> & { line: number }) | undefined;
  let debtorAccount = '';
  const counted = { file: { count: 0, cents: 0 }, block: { count: 0, cents: 0 } };
  let lastLine = 0;
  for await (const event of xmlEvents(source)) {
    lastLine = event.line;
    if (event.type === 'open') {
      openElement(event, order, blocks);
      continue;
    }
    const block = innermost(blocks);
    if (block && event.name !== 'CdtTrfTxInf' && event.name !== 'PmtInf' && event.name !== 'GrpHdr') {
      block.values.set(order.pathBelow(blockName(blocks)), event.text);
    }
    order.close();
    if (event.name === 'GrpHdr') header = readGroupHeader(take(blocks, 'GrpHdr'), event.line);
    if (event.name === 'PmtInf')
      debtorAccount = checkBlockTotals(take(blocks, 'PmtInf'), counted, event.line);
    if (event.name === 'CdtTrfTxInf') {
      const executionDate = blocks.PmtInf?.values.get('ReqdExctnDt/Dt') ?? '';
      const transaction = readTransaction(take(blocks, 'CdtTrfTxInf'), event.line, known, executionDate);
      for (const total of [counted.file, counted.block]) {
        total.count++;
        total.cents += transaction.amountCents;
      }
      yield transaction;
    }
  }
  if (!header) throw new FileRefusedError('missing-element', lastLine, 'GrpHdr');
  checkTotals(header, counted.file, lastLine);
  const { line: _line, ...summary } = header;
  return { ...summary, debtorAccount };
}

function openElement(
  event: Extract<XmlEvent, { type: 'open' }>,
  order: ElementOrder,
  blocks: Record<string, Block | undefined>,
): void {
  if (order.depth() === 0 && (event.name !== 'Document' || event.attributes.xmlns !== NAMESPACE)) {
    throw new FileRefusedError(
      'unexpected-element',
      event.line,
      `root <${event.name} xmlns="${event.attributes.xmlns ?? ''}">, expected a pain.001.001.09 Document`,
    );
  }
  order.open(event.name, event.line);
  if (event.name in blocks) blocks[event.name] = { values: new Map(), line: event.line };
  if (event.name === 'InstdAmt' && event.attributes.Ccy !== 'CAD') {
    throw new FileRefusedError('invalid-currency', event.line, event.attributes.Ccy ?? '');
  }
}

function innermost(blocks: Record<string, Block | undefined>): Block | undefined {
  return blocks.CdtTrfTxInf ?? blocks.PmtInf ?? blocks.GrpHdr;
}

function blockName(blocks: Record<string, Block | undefined>): string {
  return blocks.CdtTrfTxInf ? 'CdtTrfTxInf' : blocks.PmtInf ? 'PmtInf' : 'GrpHdr';
}

function take(blocks: Record<string, Block | undefined>, name: 'GrpHdr' | 'PmtInf' | 'CdtTrfTxInf'): Block {
  const block = blocks[name] as Block;
  blocks[name] = undefined;
  return block;
}

function readGroupHeader(
  { values, line }: Block,
  end: number,
): Omit<Pain001Summary, 'debtorAccount'> & { line: number } {
  const count = required(values, 'NbOfTxs', end);
  if (!/^\d{1,15}$/.test(count)) throw new FileRefusedError('invalid-amount', end, `NbOfTxs ${count}`);
  return {
    line,
    messageId: required(values, 'MsgId', end),
    createdAt: required(values, 'CreDtTm', end),
    initiatingPartyId: values.get('InitgPty/Id/OrgId/Othr/Id') ?? required(values, 'InitgPty/Nm', end),
    numberOfTransactions: Number(count),
    totalCents: centsOfDecimal(required(values, 'CtrlSum', end), end, 'CtrlSum'),
  };
}

function checkBlockTotals(
  { values }: Block,
  counted: { block: { count: number; cents: number } },
  line: number,
): string {
  if (required(values, 'PmtMtd', line) !== 'TRF')
    throw new FileRefusedError('unexpected-element', line, 'PmtMtd is not TRF');
  clearingMemberOf(values, 'DbtrAgt', line);
  const count = values.get('NbOfTxs');
  const sum = values.get('CtrlSum');
  if (count !== undefined && Number(count) !== counted.block.count) {
    throw new FileRefusedError(
      'trailer-count-mismatch',
      line,
      `PmtInf NbOfTxs ${count}, counted ${counted.block.count}`,
    );
  }
  if (sum !== undefined && centsOfDecimal(sum, line, 'CtrlSum') !== counted.block.cents) {
    throw new FileRefusedError(
      'trailer-total-mismatch',
      line,
      `PmtInf CtrlSum ${sum}, counted ${counted.block.cents} cents`,
    );
  }
  counted.block = { count: 0, cents: 0 };
  return required(values, 'DbtrAcct/Id/Othr/Id', line);
}

function checkTotals(
  header: Omit<Pain001Summary, 'debtorAccount'>,
  counted: { count: number; cents: number },
  line: number,
): void {
  if (header.numberOfTransactions !== counted.count) {
    throw new FileRefusedError(
      'trailer-count-mismatch',
      line,
      `NbOfTxs ${header.numberOfTransactions}, counted ${counted.count}`,
    );
  }
  if (header.totalCents !== counted.cents) {
    throw new FileRefusedError(
      'trailer-total-mismatch',
      line,
      `CtrlSum ${header.totalCents} cents, counted ${counted.cents}`,
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
  { values }: Block,
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
  const creditorName = values.get('Cdtr/Nm')?.trim();
  if (!creditorName) throw new FileRefusedError('missing-payee-name', line, '');
  const endToEndId = values.get('PmtId/EndToEndId')?.trim();
  if (!endToEndId) throw new FileRefusedError('missing-reference', line, '');
  return {
    line,
    endToEndId,
    amountCents,
    ...agent,
    account,
    creditorName,
    transactionCode: values.get('Purp/Prtry'),
    executionDate: isoDateOf(executionDate, line, 'ReqdExctnDt'),
  };
}

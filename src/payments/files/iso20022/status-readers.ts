import type { PaymentReturn } from '../../payment.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { reasonOfIsoCode } from '../return-reasons.ts';
import { centsOfDecimal, isoDateOf } from './iso-reading.ts';
import { readXml, type XmlHandler } from './xml-reader.ts';

type Source = Parameters<typeof readXml>[0];

const PAIN_002 = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10';
const CAMT_054 = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08';

interface Item {
  readonly values: ReadonlyMap<string, string>;
  readonly header: ReadonlyMap<string, string>;
  readonly line: number;
}

/** Collects the leaf texts of each `item` element by path below it, and of the group header. */
class ItemCollector implements XmlHandler<Item> {
  readonly #path: string[] = [];
  readonly #header = new Map<string, string>();
  #values = new Map<string, string>();
  #finished: Item[] = [];

  constructor(
    private readonly namespace: string,
    private readonly item: string,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    if (this.#path.length === 0 && attributes.xmlns !== this.namespace) {
      throw new FileRefusedError('unexpected-element', line, `expected a ${this.namespace} Document`);
    }
    if (name === this.item) this.#values = new Map();
    this.#path.push(name);
  }

  close(name: string, text: string, line: number): void {
    const path = this.#path;
    const below = path.lastIndexOf(this.item);
    if (below >= 0) this.#values.set(path.slice(below + 1).join('/'), text.trim());
    else if (path.includes('GrpHdr'))
      this.#header.set(path.slice(path.indexOf('GrpHdr') + 1).join('/'), text.trim());
    path.pop();
    if (name === this.item) this.#finished.push({ values: this.#values, header: this.#header, line });
  }

  take(): Item[] {
    const finished = this.#finished;
    this.#finished = [];
    return finished;
  }
}

async function* itemsOf(source: Source, namespace: string, item: string): AsyncGenerator<Item> {
  for await (const items of readXml(source, new ItemCollector(namespace, item))) yield* items;
}

function must(values: ReadonlyMap<string, string>, key: string, line: number): string {
  const value = values.get(key);
  if (!value) throw new FileRefusedError('missing-element', line, key);
  return value;
}

/** The rejected transfers of a pain.002.001.10 status report; accepted or pending ones are not returns. */
export async function readPain002Returns(source: Source): Promise<PaymentReturn[]> {
  const returns: PaymentReturn[] = [];
  for await (const { values, header, line } of itemsOf(source, PAIN_002, 'TxInfAndSts')) {
    if (values.get('TxSts') !== 'RJCT') continue;
    const code = must(values, 'StsRsnInf/Rsn/Cd', line);
    returns.push({
      reference: must(values, 'OrgnlEndToEndId', line),
      amountCents: centsOfDecimal(must(values, 'OrgnlTxRef/Amt/InstdAmt', line), line, 'InstdAmt'),
      reason: reasonOfIsoCode(code),
      bankReasonCode: code,
      returnedOn: isoDateOf(must(header, 'CreDtTm', line), line, 'CreDtTm'),
      format: 'pain.002',
    });
  }
  return returns;
}

/** The returned credits of a camt.054.001.08 notification: entries that carry return information. */
export async function readCamt054Returns(source: Source): Promise<PaymentReturn[]> {
  const returns: PaymentReturn[] = [];
  for await (const { values, line } of itemsOf(source, CAMT_054, 'Ntry')) {
    const code = values.get('NtryDtls/TxDtls/RtrInf/Rsn/Cd');
    if (!code) continue;
    returns.push({
      reference: must(values, 'NtryDtls/TxDtls/Refs/EndToEndId', line),
      amountCents: centsOfDecimal(must(values, 'NtryDtls/TxDtls/Amt', line), line, 'Amt'),
      reason: reasonOfIsoCode(code),
      bankReasonCode: code,
      returnedOn: isoDateOf(must(values, 'BookgDt/Dt', line), line, 'BookgDt'),
      format: 'camt.054',
    });
  }
  return returns;
}

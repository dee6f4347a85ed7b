import type { PaymentReturn } from '../../payment.ts';
import { FileRefusedError } from '../file-refusal.ts';
import { reasonOfIsoCode } from '../return-reasons.ts';
import { centsOfDecimal, isoDateOf } from './iso-reading.ts';
import { xmlEvents } from './xml-events.ts';

type Source = Parameters<typeof xmlEvents>[0];

const PAIN_002 = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10';
const CAMT_054 = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08';

/** Collects the leaf texts of each `item` element by path below it, and of the group header. */
async function* itemsOf(
  source: Source,
  namespace: string,
  item: string,
): AsyncGenerator<{ values: Map<string, string>; header: Map<string, string>; line: number }> {
  const path: string[] = [];
  let values = new Map<string, string>();
  const header = new Map<string, string>();
  for await (const event of xmlEvents(source)) {
    if (event.type === 'open') {
      if (path.length === 0 && event.attributes.xmlns !== namespace) {
        throw new FileRefusedError('unexpected-element', event.line, `expected a ${namespace} Document`);
      }
      if (event.name === item) values = new Map();
      path.push(event.name);
      continue;
    }
    const below = path.lastIndexOf(item);
    if (below >= 0) values.set(path.slice(below + 1).join('/'), event.text.trim());
    else if (path.includes('GrpHdr'))
      header.set(path.slice(path.indexOf('GrpHdr') + 1).join('/'), event.text.trim());
    path.pop();
    if (event.name === item) yield { values, header, line: event.line };
  }
}

function must(values: Map<string, string>, key: string, line: number): string {
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

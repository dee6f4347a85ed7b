// Payment files benchmark: npm run bench:payment-files [-- --payments 1000000 --cheques 20000]
// Writes N synthetic payments to a CPA 005 credit file and to a pain.001.001.09 message on disk, reads each
// back with the bank side's independent reader, and prints for every step: payments/s (wall and CPU), bytes
// per payment and the peak resident memory while it ran. Baseline in the same run: the same number of bytes
// of constant text written to the same disk the same way, the floor any writer of that file size sits on.
// Payments are generated one at a time and never held, so memory measures the writer, not the input.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readCpa005 } from '../src/payments/files/cpa005/cpa005-reader.ts';
import { writeCpa005Credits } from '../src/payments/files/cpa005/cpa005-writer.ts';
import { readPain001 } from '../src/payments/files/iso20022/pain001-reader.ts';
import { writePain001 } from '../src/payments/files/iso20022/pain001-writer.ts';
import { writeChequePrintFile, type ChequePayment } from '../src/payments/files/cheques/cheque-print.ts';
import { INSTITUTIONS } from '../src/payments/files/institutions.ts';
import type { Originator, Payment } from '../src/payments/payment.ts';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const PAYMENTS = argument('payments', 1_000_000);
const CHEQUES = argument('cheques', 20_000);
const MONTHLY_RUN = 13_000_000;
const DATE = '2026-03-27';
const originator: Originator = {
  id: 'GUICHET001',
  shortName: 'Guichet',
  longName: 'Guichet - Service Canada',
  returnAccount: { institution: '177', transit: '00011', account: '000123456789' },
};
const institutions = [...INSTITUTIONS.keys()];
const names = ["Éloïse Gagné-O'Brien", 'Jean Tremblay', 'Mary Smith', 'Nguyễn Văn An', 'Zoë Côté-Lévesque'];

/** Deterministic payments: the same seed gives the same file on every machine. */
function* payments(count: number): Generator<Payment> {
  let state = 20260327;
  const next = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0);
  for (let i = 0; i < count; i++) {
    yield {
      reference: `OAS-2603-${String(i).padStart(9, '0')}`,
      amountCents: 1 + (next() % 250_000),
      date: DATE,
      transactionCode: '311',
      payee: {
        name: names[i % names.length] as string,
        institution: institutions[next() % institutions.length] as string,
        transit: String(next() % 100_000).padStart(5, '0'),
        account: String(next() % 10_000_000),
      },
    };
  }
}

function controlTotals(count: number): { numberOfTransactions: number; totalCents: number } {
  let totalCents = 0;
  for (const p of payments(count)) totalCents += p.amountCents;
  return { numberOfTransactions: count, totalCents };
}

interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function measure(work: () => Promise<unknown>): Promise<Measure> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: peak / 2 ** 20 };
}

const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-CA');
function report(label: string, count: number, m: Measure, bytes?: number): void {
  const size =
    bytes === undefined
      ? ''
      : `, ${(bytes / count).toFixed(1)} bytes/payment (${(bytes / 2 ** 20).toFixed(0)} MiB)`;
  console.log(
    `${label}: ${count.toLocaleString('en-CA')} in ${m.seconds.toFixed(2)} s wall (${rate(count, m.seconds)}/s), ` +
      `${m.cpuSeconds.toFixed(2)} s CPU (${rate(count, m.cpuSeconds)}/s)${size}, peak RSS ${m.peakRssMb.toFixed(0)} MiB` +
      `; ${MONTHLY_RUN.toLocaleString('en-CA')} at this rate: ${(MONTHLY_RUN / (count / m.seconds)).toFixed(0)} s`,
  );
}

/** The baseline: `bytes` of constant text in 64 KiB chunks, as the writers hand on theirs. */
async function* constantBytes(bytes: number): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, 'X');
  for (let written = 0; written < bytes; written += chunk.length)
    yield chunk.subarray(0, Math.min(chunk.length, bytes - written));
}

async function drain(reader: AsyncGenerator<unknown, unknown>): Promise<void> {
  let next = await reader.next();
  while (!next.done) next = await reader.next();
}

async function writeFile(path: string, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  await pipeline(Readable.from(chunks), createWriteStream(path));
}

async function benchmark(dir: string): Promise<void> {
  console.log(
    `node ${process.version}, ${PAYMENTS.toLocaleString('en-CA')} payments, ${CHEQUES.toLocaleString('en-CA')} cheques, files in ${dir}`,
  );
  console.log(`baseline RSS before any file: ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB`);
  const cpaPath = join(dir, 'credits.cpa005');
  const header = {
    originator,
    fileCreationNumber: 1,
    creationDate: '2026-03-20',
    destinationDataCentre: '00120',
  };
  const cpa = await measure(() => writeFile(cpaPath, writeCpa005Credits(header, payments(PAYMENTS))));
  const cpaBytes = statSync(cpaPath).size;
  report('CPA 005 write', PAYMENTS, cpa, cpaBytes);
  report(
    '  baseline: the same number of bytes, constant, in 64 KiB chunks',
    PAYMENTS,
    await measure(() => writeFile(join(dir, 'baseline'), constantBytes(cpaBytes))),
  );
  report(
    'CPA 005 read back (independent reader)',
    PAYMENTS,
    await measure(() => drain(readCpa005(createReadStream(cpaPath)))),
  );
  rmSync(cpaPath);

  const painPath = join(dir, 'credits.pain001.xml');
  const control = controlTotals(PAYMENTS);
  const painHeader = {
    originator,
    messageId: 'GCH-OAS-2026-03',
    createdAt: '2026-03-20T09:00:00',
    executionDate: DATE,
    control,
  };
  const pain = await measure(() => writeFile(painPath, writePain001(painHeader, payments(PAYMENTS))));
  const painBytes = statSync(painPath).size;
  report('pain.001.001.09 write', PAYMENTS, pain, painBytes);
  report(
    '  baseline: the same number of bytes, constant, in 64 KiB chunks',
    PAYMENTS,
    await measure(() => writeFile(join(dir, 'baseline'), constantBytes(painBytes))),
  );
  report(
    'pain.001 read back (independent SAX reader)',
    PAYMENTS,
    await measure(() => drain(readPain001(createReadStream(painPath)))),
  );
  rmSync(painPath);

  const cheques = function* (): Generator<ChequePayment> {
    for (const p of payments(CHEQUES)) {
      yield {
        reference: p.reference,
        amountCents: p.amountCents,
        date: p.date,
        language: p.amountCents % 2 ? 'fr' : 'en',
        programme: { en: 'Old Age Security', fr: 'Sécurité de la vieillesse' },
        payee: {
          name: p.payee.name,
          address: {
            lines: ['123, rue Principale'],
            city: 'Gatineau',
            province: 'QC',
            postalCode: 'J8X 1A1',
          },
        },
      };
    }
  };
  const pdfPath = join(dir, 'cheques.pdf');
  const issuer = { en: 'Guichet - Government of Canada', fr: 'Guichet - Gouvernement du Canada' };
  const chequeRun = await measure(() =>
    writeChequePrintFile(
      { issuer, firstChequeNumber: 1 },
      cheques(),
      createWriteStream(pdfPath),
      createWriteStream(join(dir, 'cheques.csv')),
    ),
  );
  report('cheque print file (PDF + CSV manifest)', CHEQUES, chequeRun, statSync(pdfPath).size);
}

const dir = mkdtempSync(join(tmpdir(), 'guichet-payment-files-'));
try {
  await benchmark(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

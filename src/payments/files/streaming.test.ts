import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, describe, it } from 'node:test';
import type { Payment } from '../payment.ts';
import { writeCpa005Credits } from './cpa005/cpa005-writer.ts';
import { writePain001 } from './iso20022/pain001-writer.ts';
import { CPA_HEADER, ORIGINATOR } from '../../../test/support/payments/payment-fixtures.ts';

// Writing a million payments must not hold the file: resident memory grows by what the heap and V8's
// allowance for buffers settle at (45 to 70 MiB whatever the count, measured at 0.1, 0.4 and 1.2 million),
// not with the file (233 MiB for CPA 005, 376 MiB for pain.001). npm run bench:payment-files reports the same.
const COUNT = 1_000_000;
const BOUND_MIB = 128;
const DATE = '2026-03-27';

function* payments(): Generator<Payment> {
  for (let i = 0; i < COUNT; i++) {
    yield {
      reference: `S-${i}`,
      amountCents: 1 + (i % 250_000),
      date: DATE,
      transactionCode: '311',
      payee: {
        name: i % 3 ? 'Jean Tremblay' : 'Zoë Côté-Lévesque',
        institution: '003',
        transit: '12345',
        account: String(i),
      },
    };
  }
}

async function peakGrowth(
  path: string,
  chunks: AsyncIterable<string | Buffer>,
): Promise<{ grownMb: number; fileMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  await pipeline(Readable.from(chunks), createWriteStream(path));
  clearInterval(sampler);
  return { grownMb: (peak - before) / 2 ** 20, fileMb: statSync(path).size / 2 ** 20 };
}

describe('payment files stream with bounded memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-streaming-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`CPA 005: ${COUNT.toLocaleString('en-CA')} payments, resident memory grows by less than ${BOUND_MIB} MiB`, async () => {
    const { grownMb, fileMb } = await peakGrowth(
      join(dir, 'credits.cpa005'),
      writeCpa005Credits(CPA_HEADER, payments()),
    );
    console.log(`CPA 005: file ${fileMb.toFixed(0)} MiB, resident memory grew ${grownMb.toFixed(0)} MiB`);
    assert.ok(fileMb > 2 * BOUND_MIB - 32);
    assert.ok(grownMb < BOUND_MIB, `grew ${grownMb.toFixed(0)} MiB writing ${fileMb.toFixed(0)} MiB`);
  });
  it(`pain.001: ${COUNT.toLocaleString('en-CA')} payments, resident memory grows by less than ${BOUND_MIB} MiB`, async () => {
    let totalCents = 0;
    for (const p of payments()) totalCents += p.amountCents;
    const header = {
      originator: ORIGINATOR,
      messageId: 'STREAM-1',
      createdAt: '2026-03-20T09:00:00',
      executionDate: DATE,
      control: { numberOfTransactions: COUNT, totalCents },
    };
    const { grownMb, fileMb } = await peakGrowth(join(dir, 'credits.xml'), writePain001(header, payments()));
    console.log(`pain.001: file ${fileMb.toFixed(0)} MiB, resident memory grew ${grownMb.toFixed(0)} MiB`);
    assert.ok(fileMb > 2 * BOUND_MIB);
    assert.ok(grownMb < BOUND_MIB, `grew ${grownMb.toFixed(0)} MiB writing ${fileMb.toFixed(0)} MiB`);
  });
});

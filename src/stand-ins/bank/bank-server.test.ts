import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readCpa005Returns } from '../../payments/files/cpa005/cpa005-returns.ts';
import { writeCpa005Credits } from '../../payments/files/cpa005/cpa005-writer.ts';
import { CPA_HEADER, collect, payment } from '../../../test/support/payments/payment-fixtures.ts';
import { BankStandIn } from './bank.ts';
import { DEMO_BANK_CONFIG } from './bank-config.ts';
import { createBankServer } from './bank-server.ts';

describe('bank stand-in over HTTP', () => {
  const server = createBankServer(new BankStandIn(DEMO_BANK_CONFIG), { maxBytes: 20_000 });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const file = collect(
    writeCpa005Credits(CPA_HEADER, [
      payment(1),
      payment(2, { payee: { ...payment(2).payee, account: '12000' } }),
    ]),
  );
  const post = async (path: string, body: string): Promise<Response> =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });

  it('accepts a file (202) and serves its returns file, which reads back', async () => {
    const response = await post('/files/cpa005', await file);
    assert.equal(response.status, 202);
    const receipt = (await response.json()) as {
      returns: { reference: string }[];
      returnFiles: { cpa005: string };
    };
    assert.deepEqual(
      receipt.returns.map((r) => r.reference),
      ['PAY-000002'],
    );
    const returnsFile = await fetch(`${base}${receipt.returnFiles.cpa005}`);
    assert.equal(returnsFile.status, 200);
    assert.deepEqual(
      (await readCpa005Returns(await returnsFile.text())).map((r) => r.reason),
      ['account-closed'],
    );
  });
  it('refuses the same file creation number again with a problem document naming the line', async () => {
    const response = await post('/files/cpa005', await file);
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const body = (await response.json()) as { code: string; line: number; message_fr: string };
    assert.deepEqual([body.code, body.line], ['duplicate-file-creation-number', 1]);
    assert.match(body.message_fr, /^Ligne 1 :/);
  });
  it('refuses a file over the size limit (413) and an unknown route (404)', async () => {
    assert.equal((await post('/files/cpa005', 'x'.repeat(30_000))).status, 413);
    assert.equal((await fetch(`${base}/returns/00000000-0000-0000-0000-000000000000/cpa005`)).status, 404);
    assert.equal((await fetch(`${base}/nothing`)).status, 404);
  });
});

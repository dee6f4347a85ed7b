import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AcceptedFile, BankReceipt, BankStandIn } from './bank.ts';

/**
 * The bank stand-in over HTTP (node:http, as a bank's file-transfer gateway would be reached):
 *   POST /files/cpa005 and POST /files/pain.001 with the file as the body → 202 with the receipt, or
 *        422 application/problem+json (RFC 9457) naming the refusal and its line;
 *   GET  /returns/{fileId}/{cpa005|pain002|camt054} → the return file the bank prepared.
 * The body streams into the reader; it is never held whole.
 */
export interface BankServerOptions {
  /** Largest file accepted, in bytes. */
  readonly maxBytes?: number;
}

const RETURN_TYPES = {
  cpa005: 'text/plain; charset=us-ascii',
  pain002: 'application/xml',
  camt054: 'application/xml',
} as const;

class BodyTooLargeError extends Error {}

export function createBankServer(bank: BankStandIn, options: BankServerOptions = {}): Server {
  const accepted = new Map<string, AcceptedFile>();
  const maxBytes = options.maxBytes ?? 2 ** 31;
  return createServer((request, response) => {
    route(bank, accepted, maxBytes, request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError)
        problem(response, 413, 'File too large', `The limit is ${maxBytes} bytes.`);
      else problem(response, 500, 'The bank stand-in failed', '');
    });
  });
}

async function route(
  bank: BankStandIn,
  accepted: Map<string, AcceptedFile>,
  maxBytes: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://bank.invalid');
  if (request.method === 'POST' && url.pathname === '/files/cpa005') {
    return answer(response, accepted, await bank.receiveCpa005(limited(request, maxBytes)));
  }
  if (request.method === 'POST' && url.pathname === '/files/pain.001') {
    return answer(response, accepted, await bank.receivePain001(limited(request, maxBytes)));
  }
  const returnFile = /^\/returns\/([0-9a-f-]{36})\/(cpa005|pain002|camt054)$/.exec(url.pathname);
  if (request.method === 'GET' && returnFile) {
    const kind = returnFile[2] as keyof typeof RETURN_TYPES;
    const body = accepted.get(returnFile[1] ?? '')?.returnFiles[kind];
    if (body === undefined) return problem(response, 404, 'No such return file', '');
    response.writeHead(200, { 'content-type': RETURN_TYPES[kind] }).end(body);
    return;
  }
  problem(response, 404, 'Not found', `${request.method ?? ''} ${url.pathname}`);
}

function answer(response: ServerResponse, accepted: Map<string, AcceptedFile>, receipt: BankReceipt): void {
  if (receipt.status === 'refused') {
    const { status: _refused, ...refusal } = receipt;
    const body = {
      type: `urn:guichet:bank-stand-in:refused:${refusal.code}`,
      title: refusal.message_en,
      status: 422,
      ...refusal,
    };
    response.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify(body));
    return;
  }
  accepted.set(receipt.fileId, receipt);
  const returnFiles = Object.fromEntries(
    Object.keys(receipt.returnFiles).map((kind) => [kind, `/returns/${receipt.fileId}/${kind}`]),
  );
  response
    .writeHead(202, { 'content-type': 'application/json' })
    .end(JSON.stringify({ ...receipt, returnFiles }));
}

function problem(response: ServerResponse, status: number, title: string, detail: string): void {
  response
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function* limited(request: IncomingMessage, maxBytes: number): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of request as AsyncIterable<Uint8Array>) {
    received += chunk.length;
    if (received > maxBytes) throw new BodyTooLargeError();
    yield chunk;
  }
}

import { FileRefusedError, describeRefusal, readCpa005, readPain001 } from '../../payments/index.ts';
import type { PaymentReturn, RefusalCode } from '../../payments/index.ts';
import { randomUUID } from 'node:crypto';
import { returnReasonFor, type BankConfig } from './bank-config.ts';
import { cpa005ReturnFile, isoReturnFiles, type PreparedReturns, type ReturnFiles } from './bank-returns.ts';

type Source = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
export type FileFormat = 'cpa005' | 'pain.001';

export interface AcceptedFile {
  readonly status: 'accepted';
  readonly fileId: string;
  readonly format: FileFormat;
  readonly originatorId: string;
  readonly items: number;
  readonly totalCents: number;
  /** The returns the bank will send, as the platform's readers read them back from the return files. */
  readonly returns: readonly PaymentReturn[];
  readonly returnFiles: ReturnFiles;
}

export interface RefusedFile {
  readonly status: 'refused';
  readonly format: FileFormat;
  readonly code: RefusalCode;
  readonly line: number;
  readonly detail: string;
  readonly message_en: string;
  readonly message_fr: string;
}

export type BankReceipt = AcceptedFile | RefusedFile;

/**
 * A stand-in for the originator's bank. It checks each file with the platform's independent readers,
 * refuses a bad one whole (nothing is paid) with the line of the first problem, refuses a file creation
 * number or message id the same originator already used, and for an accepted file prepares the returns
 * its configuration calls for. Pointing the platform at a real bank replaces this object, not the files.
 */
export class BankStandIn {
  readonly #received = new Map<string, Set<string>>();
  #returnFileNumber = 0;

  constructor(readonly config: BankConfig) {}

  async receiveCpa005(source: Source): Promise<BankReceipt> {
    return this.#refusingBadFiles('cpa005', async () => {
      const reader = readCpa005(source, { isKnownInstitution: this.config.isKnownInstitution });
      const { summary: file, returned } = await this.#screen(reader, (item) => item.crossReference);
      const fileKey = `FCN ${file.fileCreationNumber}`;
      this.#firstTime(file.originatorId, fileKey, 'duplicate-file-creation-number', 1);
      const prepared = await cpa005ReturnFile(this.config, file, returned, ++this.#returnFileNumber);
      return {
        originatorId: file.originatorId,
        items: file.itemCount,
        totalCents: file.totalCents,
        prepared,
      };
    });
  }

  async receivePain001(source: Source): Promise<BankReceipt> {
    return this.#refusingBadFiles('pain.001', async () => {
      const reader = readPain001(source, { isKnownInstitution: this.config.isKnownInstitution });
      const { summary: message, returned } = await this.#screen(reader, (item) => item.endToEndId);
      this.#firstTime(message.initiatingPartyId, `MsgId ${message.messageId}`, 'duplicate-message-id', 2);
      const prepared = await isoReturnFiles(this.config, message, returned);
      const { initiatingPartyId: originatorId, numberOfTransactions: items, totalCents } = message;
      return { originatorId, items, totalCents, prepared };
    });
  }

  /** Reads every item, refusing a reference seen twice, and keeps those the configuration returns. */
  async #screen<T extends { readonly line: number; readonly account: string }, S>(
    reader: AsyncGenerator<T, S>,
    referenceOf: (item: T) => string,
  ): Promise<{ summary: S; returned: T[] }> {
    const references = new Set<string>();
    const returned: T[] = [];
    let next = await reader.next();
    for (; !next.done; next = await reader.next()) {
      this.#once(references, referenceOf(next.value), next.value.line);
      if (returnReasonFor(this.config.returnRules, next.value.account)) returned.push(next.value);
    }
    return { summary: next.value, returned };
  }

  async #refusingBadFiles(
    format: FileFormat,
    receive: () => Promise<{
      originatorId: string;
      items: number;
      totalCents: number;
      prepared: PreparedReturns;
    }>,
  ): Promise<BankReceipt> {
    try {
      const { prepared, ...accepted } = await receive();
      return {
        status: 'accepted',
        fileId: randomUUID(),
        format,
        ...accepted,
        returns: prepared.returns,
        returnFiles: prepared.files,
      };
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      const { code, line, detail } = error;
      return {
        status: 'refused',
        format,
        code,
        line,
        detail,
        message_en: describeRefusal(error, 'en'),
        message_fr: describeRefusal(error, 'fr'),
      };
    }
  }

  #once(seen: Set<string>, reference: string, line: number): void {
    if (seen.has(reference)) throw new FileRefusedError('duplicate-reference', line, reference);
    seen.add(reference);
  }

  /** Marks a file as received from its originator, refusing one received before. */
  #firstTime(originator: string, fileKey: string, code: RefusalCode, line: number): void {
    const received = this.#received.get(originator) ?? new Set<string>();
    if (received.has(fileKey)) throw new FileRefusedError(code, line, `${originator} ${fileKey}`);
    received.add(fileKey);
    this.#received.set(originator, received);
  }
}

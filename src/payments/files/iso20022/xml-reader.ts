import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { FileRefusedError } from '../file-refusal.ts';

/** What a streaming reader does with each element; `take` hands over what it has finished so far. */
export interface XmlHandler<T> {
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  /** `text` is the element's own text (the leaf value). */
  close(name: string, text: string, line: number): void;
  take(): T[];
}

type Source = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Streams an XML document through a handler, one chunk at a time, yielding what the handler finished
 * after each chunk. saxes checks well-formedness; a malformed document, or bytes that are not UTF-8, are
 * refused with the line reached. Only a chunk and the handler's unfinished element are held.
 */
export async function* readXml<T>(source: Source, handler: XmlHandler<T>): AsyncGenerator<T[]> {
  const parser = new SaxesParser({ position: true });
  let text = '';
  parser.on('opentag', (tag) => {
    text = '';
    const names = Object.keys(tag.attributes);
    const attributes = names.length === 0 ? NO_ATTRIBUTES : (tag.attributes as Record<string, string>);
    handler.open(tag.name, attributes, parser.line);
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('closetag', (tag) => {
    handler.close(tag.name, text, parser.line);
    text = '';
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    guarded(parser, () =>
      parser.write(typeof chunk === 'string' ? chunk : utf8(decoder, chunk, parser.line)),
    );
    yield handler.take();
  }
  guarded(parser, () => parser.write(decoder.end()).close());
  yield handler.take();
}

/** Node's decoder replaces bad bytes with U+FFFD rather than failing; a bank file has no reason to hold one. */
function utf8(decoder: StringDecoder, chunk: Uint8Array, line: number): string {
  const text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  if (text.includes('\uFFFD')) throw new FileRefusedError('invalid-character', line, 'not UTF-8');
  return text;
}

function guarded(parser: SaxesParser, work: () => unknown): void {
  try {
    work();
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError('malformed-xml', parser.line, error instanceof Error ? error.message : '');
  }
}

import { SaxesParser } from 'saxes';
import { FileRefusedError } from '../file-refusal.ts';

export type XmlEvent =
  | {
      readonly type: 'open';
      readonly name: string;
      readonly attributes: Readonly<Record<string, string>>;
      readonly line: number;
    }
  | { readonly type: 'close'; readonly name: string; readonly text: string; readonly line: number };

type Source = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Streams an XML document as open and close events, each close carrying the element's own text, with the
 * line it was read on. saxes checks well-formedness; a malformed document is refused with its line.
 * Only a chunk's worth of events is held at a time.
 */
export async function* xmlEvents(source: Source): AsyncGenerator<XmlEvent> {
  const parser = new SaxesParser({ position: true });
  let pending: XmlEvent[] = [];
  let text = '';
  parser.on('opentag', (tag) => {
    text = '';
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    pending.push({ type: 'open', name: tag.name, attributes, line: parser.line });
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('closetag', (tag) => {
    pending.push({ type: 'close', name: tag.name, text, line: parser.line });
    text = '';
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    write(parser, typeof chunk === 'string' ? chunk : decode(decoder, chunk, parser.line));
    yield* pending;
    pending = [];
  }
  write(parser, decode(decoder, undefined, parser.line));
  close(parser);
  yield* pending;
}

function decode(decoder: TextDecoder, chunk: Uint8Array | undefined, line: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new FileRefusedError('invalid-character', line, 'not UTF-8');
  }
}

function write(parser: SaxesParser, text: string): void {
  try {
    parser.write(text);
  } catch (error) {
    throw new FileRefusedError('malformed-xml', parser.line, error instanceof Error ? error.message : '');
  }
}

function close(parser: SaxesParser): void {
  try {
    parser.close();
  } catch (error) {
    throw new FileRefusedError('malformed-xml', parser.line, error instanceof Error ? error.message : '');
  }
}

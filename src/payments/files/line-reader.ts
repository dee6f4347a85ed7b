/**
 * Splits a byte or text stream into lines (LF or CRLF) without holding more than one chunk and one
 * partial line. Bytes are read as Latin-1, so every byte is one character and a stray byte outside ASCII
 * reaches the format's own character check instead of vanishing in a UTF-8 decoder.
 */
export async function* linesOf(
  source: string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    let newline = pending.indexOf('\n');
    let start = 0;
    while (newline >= 0) {
      yield stripCarriageReturn(pending.slice(start, newline));
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield stripCarriageReturn(pending);
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

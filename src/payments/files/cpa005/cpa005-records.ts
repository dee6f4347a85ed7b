import {
  HEADER,
  julianDate,
  PREFIX,
  RECORD_LENGTH,
  RECORD_SEPARATOR,
  renderFields,
  SEGMENT_LENGTH,
  SEGMENTS_PER_RECORD,
  TRAILER,
  type FieldValues,
} from './cpa005-layout.ts';

/** What the A header says; `fileRecords` checks it before writing anything. */
export interface RecordsHeader {
  readonly originatorId: string;
  readonly fileCreationNumber: number;
  readonly creationDate: string;
  readonly destinationDataCentre: string;
  readonly currency: string;
}

export interface Cpa005Totals {
  count: number;
  totalCents: number;
}

const RECORD_BYTES = RECORD_LENGTH + RECORD_SEPARATOR.length;
const SEGMENTS_AT = RECORD_LENGTH - SEGMENT_LENGTH * SEGMENTS_PER_RECORD;
/** Whole records are handed on about 64 KiB at a time, written in place into one buffer per chunk. */
const CHUNK_BYTES = RECORD_BYTES * 44;

/**
 * The A header, then the items' segments packed six to a record of `type` (C credits, I returned credits),
 * then the Z trailer with their count and total, as chunks of bytes. `writeSegment` renders one item's
 * 240 bytes in place; nothing but the chunk being filled is held.
 */
export async function* fileRecords<T>(
  header: RecordsHeader,
  type: 'C' | 'I',
  items: Iterable<T> | AsyncIterable<T>,
  writeSegment: (target: Buffer, offset: number, item: T) => void,
  amountOf: (item: T) => number,
): AsyncGenerator<Buffer, Cpa005Totals> {
  const prefix = { originatorId: header.originatorId, fileCreationNumber: header.fileCreationNumber };
  const totals = { count: 0, totalCents: 0 };
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = chunk.write(headerRecord(header, prefix), 0, 'latin1');
  let [recordAt, recordCount, filled] = [0, 1, 0];
  for await (const item of items) {
    if (filled === 0) {
      if (used + RECORD_BYTES > chunk.length) {
        yield chunk.subarray(0, used);
        [chunk, used] = [Buffer.allocUnsafe(CHUNK_BYTES), 0];
      }
      [recordAt, used] = [used, used + RECORD_BYTES];
    }
    writeSegment(chunk, recordAt + SEGMENTS_AT + filled * SEGMENT_LENGTH, item);
    totals.count++;
    totals.totalCents += amountOf(item);
    if (++filled < SEGMENTS_PER_RECORD) continue;
    closeRecord(
      chunk,
      recordAt,
      renderFields(PREFIX, { ...prefix, recordType: type, recordCount: ++recordCount }),
      filled,
    );
    filled = 0;
  }
  if (filled > 0) {
    closeRecord(
      chunk,
      recordAt,
      renderFields(PREFIX, { ...prefix, recordType: type, recordCount: ++recordCount }),
      filled,
    );
  }
  const trailer = trailerRecord(recordCount + 1, prefix, {
    creditValue: totals.totalCents,
    creditCount: totals.count,
  });
  yield Buffer.concat([chunk.subarray(0, used), Buffer.from(trailer, 'latin1')]);
  return totals;
}

/** The record's prefix, blanks for the segments it did not fill, and the line end. */
function closeRecord(chunk: Buffer, recordAt: number, prefix: string, filled: number): void {
  chunk.write(prefix, recordAt, 'latin1');
  chunk.fill(' ', recordAt + SEGMENTS_AT + filled * SEGMENT_LENGTH, recordAt + RECORD_LENGTH);
  chunk.write(RECORD_SEPARATOR, recordAt + RECORD_LENGTH, 'latin1');
}

function headerRecord(header: RecordsHeader, prefix: FieldValues): string {
  return (
    renderFields(PREFIX, { ...prefix, recordType: 'A', recordCount: 1 }) +
    renderFields(HEADER, {
      creationDate: julianDate(header.creationDate),
      destinationDataCentre: header.destinationDataCentre,
      currency: header.currency,
    }) +
    RECORD_SEPARATOR
  );
}

function trailerRecord(recordCount: number, prefix: FieldValues, totals: FieldValues): string {
  return (
    renderFields(PREFIX, { ...prefix, recordType: 'Z', recordCount }) +
    renderFields(TRAILER, totals) +
    RECORD_SEPARATOR
  );
}

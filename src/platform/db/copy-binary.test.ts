import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describe } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { BinaryCopyWriter } from './copy-binary.ts';

interface Sample {
  readonly id: string;
  readonly label: string | null;
  readonly day: string | null;
  readonly count: number;
  readonly flag: boolean;
  readonly share: number | null;
}

const SAMPLES: readonly Sample[] = [
  {
    id: '0190f2a4-7c1e-7abc-8def-0123456789ab',
    label: 'Zoé\tD’Amours\n\\',
    day: '2000-01-01',
    count: 0,
    flag: true,
    share: 0.5,
  },
  {
    id: 'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
    label: null,
    day: null,
    count: -2_147_483_648,
    flag: false,
    share: null,
  },
  {
    id: '00000000-0000-0000-0000-000000000000',
    label: '',
    day: '1899-12-31',
    count: 2_147_483_647,
    flag: true,
    share: 0,
  },
  {
    id: '123e4567-e89b-12d3-a456-426614174000',
    label: 'ᐃᓄᒃᑎᑐᑦ 🍁',
    day: '2024-02-29',
    count: 2025,
    flag: false,
    share: 1,
  },
  {
    id: '123e4567-e89b-12d3-a456-426614174001',
    label: 'v1.key.AbC-_09',
    day: '2200-12-31',
    count: 7,
    flag: true,
    share: 9_999.99,
  },
  {
    id: '123e4567-e89b-12d3-a456-426614174002',
    label: 'x'.repeat(5_000),
    day: '1970-01-01',
    count: 1,
    flag: true,
    share: 12.05,
  },
];

function copyOf(samples: readonly Sample[], initialBytes?: number): Uint8Array<ArrayBuffer> {
  const rows = new BinaryCopyWriter(initialBytes);
  for (const sample of samples)
    rows
      .row(6)
      .uuid(sample.id)
      .text(sample.label)
      .date(sample.day)
      .integer(sample.count)
      .boolean(sample.flag)
      .hundredths(sample.share);
  return rows.finish();
}

describe('BinaryCopyWriter', () => {
  it('writes the signature, the header and the trailer around the rows', () => {
    const data = new BinaryCopyWriter().finish();
    assert.deepEqual(
      [...data],
      [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff],
    );
  });

  it('writes each field as its length then its bytes, and null as length -1', () => {
    const data = new BinaryCopyWriter().row(3).integer(258).text(null).hundredths(0.25).finish();
    assert.deepEqual(
      [...data.subarray(19, -2)],
      [
        0, 3, 0, 0, 0, 4, 0, 0, 1, 2, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 10, 0, 1, 0xff, 0xff, 0, 0, 0, 2, 0x09,
        0xc4,
      ],
    );
  });

  it('writes every date from 1600 to 2400 as its days since 2000-01-01', () => {
    const rows = new BinaryCopyWriter();
    const first = Date.UTC(1600, 0, 1);
    const last = Date.UTC(2400, 11, 31);
    for (let time = first; time <= last; time += 86_400_000)
      rows.row(1).date(new Date(time).toISOString().slice(0, 10));
    const data = rows.finish();
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const epoch = Date.UTC(2000, 0, 1);
    let offset = 19;
    for (let time = first; time <= last; time += 86_400_000, offset += 10)
      if (view.getInt32(offset + 6) !== (time - epoch) / 86_400_000)
        assert.fail(`${new Date(time).toISOString()} written as ${view.getInt32(offset + 6)}`);
    assert.equal(offset, data.length - 2);
  });

  it('grows past its initial size without losing what it wrote', () => {
    assert.deepEqual(copyOf(SAMPLES, 16), copyOf(SAMPLES));
  });

  it('refuses values its column type cannot hold', () => {
    const rows = new BinaryCopyWriter().row(1);
    assert.throws(() => rows.uuid('0190f2a4-7c1e-7abc-8def-0123456789a'), /Not a canonical UUID/);
    assert.throws(() => rows.uuid('0190f2a4-7c1e-7abc-8def-0123456789ag'), /Not a canonical UUID/);
    assert.throws(() => rows.uuid('0190f2a4+7c1e-7abc-8def-0123456789ab'), /Not a canonical UUID/);
    assert.throws(() => rows.uuid('0190f2a4-7c1e-7abc-8def-0123456789a\u0130'), /Not a canonical UUID/);
    assert.throws(() => rows.date('2025-02-30'), /Not a date/);
    assert.throws(() => rows.date('2023-02-29'), /Not a date/);
    assert.throws(() => rows.date('2025-13-01'), /Not a date/);
    assert.throws(() => rows.date('2025-1-01'), /Not a date/);
    assert.throws(() => rows.date('yesterday'), /Not a date/);
    assert.throws(() => rows.integer(2_147_483_648), /Not a 32-bit integer/);
    assert.throws(() => rows.integer(1.5), /Not a 32-bit integer/);
    assert.throws(() => rows.hundredths(-0.01), /Not a number of hundredths/);
    assert.throws(() => rows.hundredths(0.125), /Not a number of hundredths/);
    assert.throws(() => rows.hundredths(10_000), /Not a number of hundredths/);
  });
});

describeOnBothDatabases('Binary COPY into the database', (database) => {
  it('reads back every value exactly as written', async () => {
    await sql`CREATE TABLE copy_binary_sample (id uuid, label text, day date, count integer, flag boolean,
      share numeric(6, 2))`.execute(database().db);
    await database().withCopySession((session) =>
      session.copyIn({
        table: 'copy_binary_sample',
        columns: ['id', 'label', 'day', 'count', 'flag', 'share'],
        data: copyOf(SAMPLES),
      }),
    );
    const { rows } = await sql<Record<keyof Sample, string | null>>`SELECT id::text, label, day::text,
      count::text, flag::text, share::text FROM copy_binary_sample`.execute(database().db);
    const text = (value: unknown): string | null => (value === null ? null : String(value));
    assert.deepEqual(
      rows,
      SAMPLES.map((sample) => ({
        id: sample.id.toLowerCase(),
        label: sample.label,
        day: sample.day,
        count: text(sample.count),
        flag: text(sample.flag),
        share: sample.share === null ? null : sample.share.toFixed(2),
      })),
    );
  });

  it('is refused by the server when a field does not match its column type', async () => {
    const data = new BinaryCopyWriter().row(1).text('not a uuid').finish();
    await assert.rejects(
      database().withCopySession((session) =>
        session.copyIn({ table: 'copy_binary_sample', columns: ['id'], data }),
      ),
    );
  });
});

/**
 * Rows in PostgreSQL's binary COPY format (PostgreSQL manual, COPY, "Binary Format"): a signature and
 * header, then per row a 16-bit field count and each field as a 32-bit length (-1 for null) followed by
 * the type's binary form, then a -1 trailer. Parsing this costs the server far less than text: no
 * escapes to scan for, and a uuid or date is copied, not parsed. Every integer is big-endian.
 *
 * Each method writes one field of the declared type; the column list of the COPY must match, type for
 * type, or the server rejects the data ("incorrect binary data format"). A value the type cannot hold
 * throws, and leaves its row half written: discard the writer then.
 */
export class BinaryCopyWriter {
  private bytes: Uint8Array<ArrayBuffer>;
  private view: DataView;
  private length = 0;

  constructor(initialBytes = 1 << 20) {
    this.bytes = new Uint8Array(initialBytes);
    this.view = new DataView(this.bytes.buffer);
    this.append(SIGNATURE);
    this.int32(0); // flags: no OIDs
    this.int32(0); // header extension length
  }

  row(fields: number): this {
    this.reserve(2);
    this.view.setInt16(this.length, fields);
    this.length += 2;
    return this;
  }

  /** uuid: the 16 bytes of its canonical 36-character form. */
  uuid(value: string): this {
    const dashes =
      value.charCodeAt(8) === DASH &&
      value.charCodeAt(13) === DASH &&
      value.charCodeAt(18) === DASH &&
      value.charCodeAt(23) === DASH;
    if (value.length !== 36 || !dashes) throw new TypeError(`Not a canonical UUID: ${value}`);
    this.fieldLength(16);
    let invalid = 0;
    for (let byte = 0; byte < 16; byte++) {
      const start = UUID_BYTE_STARTS[byte] as number;
      const high = hexValue(value, start);
      const low = hexValue(value, start + 1);
      invalid |= high | low; // -1 for a character that is not a hex digit
      this.bytes[this.length + byte] = (high << 4) | low;
    }
    if (invalid < 0) throw new TypeError(`Not a canonical UUID: ${value}`);
    this.length += 16;
    return this;
  }

  /** text: UTF-8 bytes; null for SQL NULL. */
  text(value: string | null): this {
    if (value === null) return this.nullField();
    const lengthAt = this.length;
    this.fieldLength(0);
    this.reserve(value.length * 3);
    const written = asciiInto(this.bytes, this.length, value);
    this.length +=
      written >= 0 ? written : TEXT_ENCODER.encodeInto(value, this.bytes.subarray(this.length)).written;
    this.view.setInt32(lengthAt, this.length - lengthAt - 4);
    return this;
  }

  /** date: days since 2000-01-01, from YYYY-MM-DD; null for SQL NULL. */
  date(value: string | null): this {
    if (value === null) return this.nullField();
    this.fieldLength(4);
    return this.int32(daysSincePostgresEpoch(value));
  }

  /** integer (int4). */
  integer(value: number): this {
    if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647)
      throw new RangeError(`Not a 32-bit integer: ${value}`);
    this.fieldLength(4);
    return this.int32(value);
  }

  boolean(value: boolean): this {
    this.fieldLength(1);
    this.bytes[this.length++] = value ? 1 : 0;
    return this;
  }

  /**
   * numeric with two decimals, 0 to 9,999.99 (e.g. a `numeric(3, 2)` share); null for SQL NULL.
   * numeric's binary form is base-10,000 digits: count, weight of the first, sign, display scale.
   */
  hundredths(value: number | null): this {
    if (value === null) return this.nullField();
    const cents = Math.round(value * 100);
    if (cents < 0 || cents > 999_999 || Math.abs(cents - value * 100) > 1e-6)
      throw new RangeError(`Not a number of hundredths from 0 to 9,999.99: ${value}`);
    const whole = Math.floor(cents / 100);
    const fraction = (cents % 100) * 100;
    const digits =
      whole === 0 ? (fraction === 0 ? [] : [fraction]) : fraction === 0 ? [whole] : [whole, fraction];
    this.fieldLength(8 + 2 * digits.length);
    for (const word of [digits.length, whole === 0 && digits.length > 0 ? -1 : 0, 0, 2, ...digits]) {
      this.view.setInt16(this.length, word);
      this.length += 2;
    }
    return this;
  }

  /** The finished data, trailer included; the writer must not be used afterwards. */
  finish(): Uint8Array<ArrayBuffer> {
    this.reserve(2);
    this.view.setInt16(this.length, -1);
    this.length += 2;
    return this.bytes.subarray(0, this.length);
  }

  private nullField(): this {
    return this.fieldLength(-1);
  }

  private fieldLength(length: number): this {
    this.reserve(4 + Math.max(length, 0));
    return this.int32(length);
  }

  private int32(value: number): this {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
    return this;
  }

  private append(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
}

const DASH = 45;
// Where each of the 16 bytes' two hex digits start in xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
const UUID_BYTE_STARTS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
// "PGCOPY\n\377\r\n\0"
const SIGNATURE = Uint8Array.of(0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00);
const TEXT_ENCODER = new TextEncoder();

/** Days since 2000-01-01 of a YYYY-MM-DD date, by arithmetic: parsing with Date cost a tenth of seeding. */
function daysSincePostgresEpoch(value: string): number {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const valid =
    value.length === 10 &&
    value.charCodeAt(4) === DASH &&
    value.charCodeAt(7) === DASH &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) throw new TypeError(`Not a date: ${value}`);
  return daysFromCivil(year, month, day) - UNIX_TO_POSTGRES_DAYS;
}

const UNIX_TO_POSTGRES_DAYS = 10_957;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant, "days_from_civil"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number in `value` at `start`, or NaN if any of its `count` characters is not a digit. */
function digits(value: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = value.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    number = number * 10 + digit;
  }
  return number;
}

// Each ASCII code's value as a hex digit, or -1.
const HEX_VALUES = Int8Array.from({ length: 128 }, (_, code) => {
  const lower = code | 0x20;
  if (code >= 48 && code <= 57) return code - 48;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
});

function hexValue(value: string, index: number): number {
  const code = value.charCodeAt(index);
  return code < 128 ? (HEX_VALUES[code] as number) : -1;
}

/** Writes `value` byte for byte when it is all ASCII (ids, codes, ciphertexts); -1 when it is not. */
function asciiInto(bytes: Uint8Array, offset: number, value: string): number {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code > 0x7f) return -1;
    bytes[offset + index] = code;
  }
  return value.length;
}

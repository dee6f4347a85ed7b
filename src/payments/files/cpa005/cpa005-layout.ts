/**
 * The writer's description of Payments Canada Standard 005 records (1,464 characters each): fields in
 * order with their widths. 'N' fields are right-justified and zero-filled, 'A' fields left-justified and
 * space-filled. The reader has its own table of positions (cpa005-positions.ts); neither imports the other.
 */

export type FieldKind = 'N' | 'A';
export interface Field {
  readonly name: string;
  readonly width: number;
  readonly kind: FieldKind;
}

export const RECORD_LENGTH = 1464;
export const SEGMENT_LENGTH = 240;
export const SEGMENTS_PER_RECORD = 6;
export const RECORD_SEPARATOR = '\r\n';

const field = (name: string, width: number, kind: FieldKind): Field => ({ name, width, kind });

/** Positions 1–24 of every record. */
export const PREFIX: readonly Field[] = [
  field('recordType', 1, 'A'),
  field('recordCount', 9, 'N'),
  field('originatorId', 10, 'A'),
  field('fileCreationNumber', 4, 'N'),
];

/** Logical record type A, after the prefix. */
export const HEADER: readonly Field[] = [
  field('creationDate', 6, 'N'),
  field('destinationDataCentre', 5, 'N'),
  field('communicationArea', 20, 'A'),
  field('currency', 3, 'A'),
  field('filler', 1406, 'A'),
];

/** One 240-character segment of a C (credit) record, or of an I (returned credit) record. */
export const SEGMENT: readonly Field[] = [
  field('transactionCode', 3, 'N'),
  field('amount', 10, 'N'),
  field('date', 6, 'N'),
  field('institutionId', 9, 'N'),
  field('account', 12, 'A'),
  field('itemTrace', 22, 'N'),
  field('storedTransactionType', 3, 'N'),
  field('originatorShortName', 15, 'A'),
  field('payeeName', 30, 'A'),
  field('originatorLongName', 30, 'A'),
  field('originatorUserId', 10, 'A'),
  field('crossReference', 19, 'A'),
  field('returnInstitutionId', 9, 'N'),
  field('returnAccount', 12, 'A'),
  field('sundry', 15, 'A'),
  field('filler', 22, 'A'),
  field('settlementCode', 2, 'A'),
  field('invalidDataElement', 11, 'N'),
];

/** Logical record type Z, after the prefix. */
export const TRAILER: readonly Field[] = [
  field('debitValue', 14, 'N'),
  field('debitCount', 8, 'N'),
  field('creditValue', 14, 'N'),
  field('creditCount', 8, 'N'),
  field('errorCorrectionEValue', 14, 'N'),
  field('errorCorrectionECount', 8, 'N'),
  field('errorCorrectionFValue', 14, 'N'),
  field('errorCorrectionFCount', 8, 'N'),
  field('filler', 1352, 'A'),
];

export class FieldOverflowError extends Error {}

export type FieldValues = Readonly<Record<string, string | number | undefined>>;

/** The fields in order, each filled to its width; a value that does not fit is refused, never cut. */
export function renderFields(fields: readonly Field[], values: FieldValues): string {
  let out = '';
  for (const f of fields) out += renderField(f, values[f.name]);
  return out;
}

/** Writes one layout's fields into a buffer at an offset. */
export type LayoutWriter = (target: Buffer, offset: number, values: FieldValues) => void;

/**
 * The layout as a byte template: the fields whose values never change within a file (originator, return
 * account, fillers) are rendered once into it, and each write copies the template and renders only the
 * others in place. A run writes millions of segments that differ in seven fields.
 */
export function compileLayout(fields: readonly Field[], constants: FieldValues): LayoutWriter {
  const width = fields.reduce((sum, f) => sum + f.width, 0);
  const template = Buffer.alloc(width, ' ');
  const variables: { field: Field; at: number }[] = [];
  let at = 0;
  for (const f of fields) {
    if (f.name in constants) template.write(renderField(f, constants[f.name]), at, 'latin1');
    else variables.push({ field: f, at });
    at += f.width;
  }
  return (target, offset, values) => {
    template.copy(target, offset);
    for (const { field, at: position } of variables)
      writeField(target, offset + position, field, values[field.name]);
  };
}

const DIGIT_0 = 0x30;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** renderField's rules, written straight into the bytes; the template already holds spaces there. */
function writeField(target: Buffer, at: number, f: Field, value: string | number | undefined): void {
  if (typeof value === 'number' && f.kind === 'N') return writeDigits(target, at, f, value);
  const text = value === undefined ? '' : String(value);
  if (text.length > f.width)
    throw new FieldOverflowError(`${f.name} is ${text.length} characters, ${f.width} allowed`);
  if (f.kind === 'A') {
    if (!PRINTABLE_ASCII.test(text))
      throw new FieldOverflowError(`${f.name} holds a character outside ASCII`);
    target.write(text, at, 'latin1');
    return;
  }
  if (!/^\d*$/.test(text))
    throw new FieldOverflowError(`${f.name} must be digits, got ${JSON.stringify(text)}`);
  target.fill(DIGIT_0, at, at + f.width - text.length);
  target.write(text, at + f.width - text.length, 'latin1');
}

function writeDigits(target: Buffer, at: number, f: Field, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new FieldOverflowError(`${f.name} must be a whole number`);
  let rest = value;
  for (let i = f.width - 1; i >= 0; i--) {
    target[at + i] = DIGIT_0 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  if (rest > 0) throw new FieldOverflowError(`${f.name} ${value} is more than ${f.width} digits`);
}

function renderField(f: Field, value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  if (text.length > f.width)
    throw new FieldOverflowError(`${f.name} is ${text.length} characters, ${f.width} allowed`);
  if (f.kind === 'A') return text.padEnd(f.width, ' ');
  if (!/^\d*$/.test(text))
    throw new FieldOverflowError(`${f.name} must be digits, got ${JSON.stringify(text)}`);
  return text.padStart(f.width, '0');
}

const julianDates = new Map<string, string>();

/** Standard 005 dates are "0YYDDD": a zero, the year's last two digits and the day of the year. */
export function julianDate(isoDate: string): string {
  let julian = julianDates.get(isoDate);
  if (julian === undefined) {
    julian = computeJulianDate(isoDate);
    if (julianDates.size < 10_000) julianDates.set(isoDate, julian);
  }
  return julian;
}

function computeJulianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // The leading zero stands for the 2000s: a date outside them cannot be written in this format.
  if (!(year >= 2000 && year <= 2099)) throw new FieldOverflowError(`${isoDate} is outside 2000–2099`);
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return `0${String(year % 100).padStart(2, '0')}${String(dayOfYear).padStart(3, '0')}`;
}

/** "0" + 3-digit institution number + 5-digit transit. */
export function institutionId(institution: string, transit: string): string {
  return `0${institution}${transit}`;
}

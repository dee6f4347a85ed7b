import { XMLBuilder } from 'fast-xml-parser';

/**
 * A fragment of XML built once by fast-xml-parser's builder, with named slots where values go. Writing a
 * record is then one pass of string joins with the values escaped, instead of building and walking an
 * object tree per payment: the builder fixes the structure, the template only fills it. A test holds
 * every filled template equal to the builder's own output for the same values.
 */
const SLOT_MARK = '\u0001';

export const xmlBuilder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  suppressEmptyNode: true,
});

export type XmlTree = Record<string, unknown>;

export function slot(name: string): string {
  return `${SLOT_MARK}${name}${SLOT_MARK}`;
}

export class XmlTemplate {
  readonly #parts: readonly string[];
  /** The fixed text between slots, encoded once. */
  readonly #fixed: readonly Buffer[];

  constructor(tree: XmlTree) {
    this.#parts = (xmlBuilder.build(tree) as string).split(SLOT_MARK);
    this.#fixed = this.#parts.filter((_, i) => i % 2 === 0).map((part) => Buffer.from(part, 'utf8'));
  }

  /** The most bytes `writeInto` can take for these values (an escaped character is at most 6 bytes). */
  maxBytes(values: Readonly<Record<string, string>>): number {
    let bytes = 0;
    for (const part of this.#fixed) bytes += part.length;
    for (let i = 1; i < this.#parts.length; i += 2)
      bytes += 6 * (values[this.#parts[i] as string]?.length ?? 0);
    return bytes;
  }

  /** Writes the filled template as UTF-8 into `target` at `offset`; returns the bytes written. */
  writeInto(target: Buffer, offset: number, values: Readonly<Record<string, string>>): number {
    let at = offset + (this.#fixed[0] as Buffer).copy(target, offset);
    for (let i = 1; i < this.#parts.length; i += 2) {
      at += target.write(escapeXml(this.#value(values, i)), at, 'utf8');
      at += (this.#fixed[(i + 1) / 2] as Buffer).copy(target, at);
    }
    return at - offset;
  }

  #value(values: Readonly<Record<string, string>>, index: number): string {
    const name = this.#parts[index] as string;
    const value = values[name];
    if (value === undefined) throw new Error(`No value for slot ${name}`);
    return value;
  }

  fill(values: Readonly<Record<string, string>>): string {
    let out = this.#parts[0] ?? '';
    for (let i = 1; i < this.#parts.length; i += 2)
      out += escapeXml(this.#value(values, i)) + (this.#parts[i + 1] ?? '');
    return out;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const SPECIAL = /[&<>"']/;

export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

import { FileRefusedError } from '../file-refusal.ts';

/** The readers' own checks of ISO 20022 values (kept apart from the writers' formatting). */

const DECIMAL_AMOUNT = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** "1234.5" to 123450 cents; more than two decimals, a sign or an exponent is refused. */
export function centsOfDecimal(text: string, line: number, what: string): number {
  const match = DECIMAL_AMOUNT.exec(text.trim());
  if (!match) throw new FileRefusedError('invalid-amount', line, `${what} ${JSON.stringify(text)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const validDates = new Set<string>();

export function isoDateOf(text: string, line: number, what: string): string {
  const date = text.trim().slice(0, 10);
  if (validDates.has(date)) return date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    new Date(Date.UTC(year, month - 1, day)).toISOString().startsWith(date);
  if (!valid) throw new FileRefusedError('invalid-date', line, `${what} ${JSON.stringify(text)}`);
  if (validDates.size < 10_000) validDates.add(date);
  return date;
}

export function required(values: ReadonlyMap<string, string>, path: string, line: number): string {
  const value = values.get(path)?.trim();
  if (!value) throw new FileRefusedError('missing-element', line, path);
  return value;
}

/**
 * Children in the order the message's schema allows them, for the levels the readers check; a child not
 * in the list, or one that comes back after a later sibling, is refused as the XSD would refuse it.
 */
export class ElementOrder {
  readonly #stack: { name: string; path: string; order: readonly string[] | undefined; last: number }[] = [];

  constructor(private readonly orders: Readonly<Record<string, readonly string[]>>) {}

  open(name: string, line: number): void {
    const parent = this.#stack.at(-1);
    if (parent?.order) {
      const index = parent.order.indexOf(name);
      if (index < 0 || index < parent.last) {
        throw new FileRefusedError('unexpected-element', line, `<${name}> in <${parent.name}>`);
      }
      parent.last = index;
    }
    this.#stack.push({
      name,
      path: parent ? `${parent.path}/${name}` : name,
      order: this.orders[name],
      last: 0,
    });
  }

  close(): void {
    this.#stack.pop();
  }

  /** The open elements' names below the innermost `from` (exclusive), joined with '/'. */
  pathBelow(from: string): string {
    const top = this.#stack.at(-1);
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const entry = this.#stack[i];
      if (entry?.name === from) return top ? top.path.slice(entry.path.length + 1) : '';
    }
    return top?.path ?? '';
  }

  depth(): number {
    return this.#stack.length;
  }
}

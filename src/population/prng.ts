/**
 * A small seeded pseudo-random generator (mulberry32) so that a seed always yields the same demo
 * population. Not for anything secret: keys, IVs and tokens come from node:crypto.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  integer(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Weights<K>): K;
  /** Log-normal with the given median; `spread` is the standard deviation of the log. */
  logNormal(median: number, spread: number): number;
  /** 32 random bits as an unsigned integer. */
  uint32(): number;
}

/** Relative weights, prepared once (see `weights`) so each draw is a short scan. */
export interface Weights<K extends string> {
  readonly keys: readonly K[];
  readonly cumulative: readonly number[];
}

export function weights<K extends string>(table: { readonly [key in K]?: number }): Weights<K> {
  const keys = Object.keys(table) as K[];
  if (keys.length === 0) throw new Error('A weight table needs at least one entry');
  let total = 0;
  const cumulative = keys.map((key) => (total += table[key] ?? 0));
  return { keys, cumulative: cumulative.map((value) => value / total) };
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4_294_967_296;
  return {
    next,
    uint32,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: (weights) => pickWeighted(weights, next()),
    logNormal: (median, spread) => median * Math.exp(spread * standardNormal(next)),
  };
}

function pickWeighted<K extends string>({ keys, cumulative }: Weights<K>, draw: number): K {
  let index = 0;
  while (index < keys.length - 1 && draw >= (cumulative[index] as number)) index++;
  return keys[index] as K;
}

// Box–Muller; one of the pair is thrown away, which keeps the generator stateless between calls.
function standardNormal(next: () => number): number {
  const u = 1 - next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

const hexByte = (word: number, shift: number): string => HEX[(word >>> shift) & 0xff] as string;
const hexWord = (word: number): string =>
  hexByte(word, 24) + hexByte(word, 16) + hexByte(word, 8) + hexByte(word, 0);

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/**
 * UUIDv7s (RFC 9562) from a deterministic clock that ticks one millisecond per id. Time-ordered ids
 * append to the right edge of each primary-key B-tree instead of landing on random pages, which keeps
 * seeding a million people from thrashing the buffer cache; the random bits still come from the seed.
 */
export function createIdSequence(random: Random, startMilliseconds: number): () => string {
  let milliseconds = startMilliseconds;
  return () => {
    const time = hex(milliseconds++, 12);
    const high = random.uint32();
    const low = random.uint32();
    const variantAndRandom = ((high >>> 16) & 0x3fff) | 0x8000;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(high & 0xfff, 3)}-${hex(variantAndRandom, 4)}-${hexWord(low)}${hex(random.uint32() & 0xffff, 4)}`;
  };
}

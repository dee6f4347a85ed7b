// Rules engine benchmark: npm run bench:rules  (tsx bench/rules.bench.ts)
// Prints throughput of the batch fast path and latency of the traced single path. No assertions.
import { compileBatch, evaluateHousehold, programmes } from '../src/rules/index.ts';
import type { Household, Person, Relationship } from '../src/rules/index.ts';

const ASOF = '2025-10-15';
const POOL = 250_000;

/** Deterministic PRNG (mulberry32) so every run measures the same households. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20251015);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const date = (y0: number, y1: number): string =>
  `${int(y0, y1)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

function adult(id: string, born: string, centsPerYear: number): Person {
  const income = { employment: centsPerYear, cpp: int(0, 1) * int(0, 1_500_000) };
  return {
    id,
    birthDate: born,
    maritalStatus: pick(['married', 'single', 'widowed', 'divorced'] as const),
    disability: { dtcEligible: rand() < 0.05 },
    residence: { status: 'citizen', livesInCanada: rand() < 0.97, yearsInCanadaAfter18: int(5, 60) },
    income: { '2023': income, '2024': income, '2025': income },
  };
}

function syntheticHousehold(i: number): Household {
  const senior = rand() < 0.35;
  const people: Person[] = [adult(`a${i}`, senior ? date(1935, 1966) : date(1970, 2000), int(0, 12_000_000))];
  const relationships: Relationship[] = [];
  if (rand() < 0.5) {
    people.push(adult(`b${i}`, senior ? date(1935, 1966) : date(1970, 2000), int(0, 8_000_000)));
    relationships.push({ type: 'spouse', partners: [`a${i}`, `b${i}`], kind: 'married' });
  }
  const kids = senior ? 0 : int(0, 4);
  for (let k = 0; k < kids; k++) {
    people.push({
      id: `c${i}-${k}`,
      birthDate: date(2008, 2025),
      disability: { dtcEligible: rand() < 0.04 },
    });
    relationships.push({
      type: 'parent',
      parentId: `a${i}`,
      childId: `c${i}-${k}`,
      custodyShare: pick([1, 1, 1, 0.5]),
    });
  }
  return { province: pick(['ON', 'BC', 'AB', 'NS', 'MB'] as const), people, relationships };
}

function run(label: string, pool: readonly Household[], ids: readonly string[], total: number): void {
  const { evaluators } = compileBatch({ asOf: ASOF, programmes: ids });
  let checksum = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let n = 0; n < total; n++) {
    const h = pool[n % pool.length] as Household;
    for (const evaluate of evaluators) {
      const cents = evaluate(h);
      if (cents > 0) checksum += cents;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rate = (s: number): string => Math.round(total / s).toLocaleString('en-CA');
  console.log(
    `${label}: ${total.toLocaleString('en-CA')} households, wall ${seconds.toFixed(2)} s (${rate(seconds)}/s), ` +
      `CPU ${cpuSeconds.toFixed(2)} s (${rate(cpuSeconds)}/s) [checksum ${checksum}]`,
  );
}

function percentiles(times: number[]): string {
  times.sort((a, b) => a - b);
  const at = (q: number): string => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(3);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`;
}

/** Wall time per call, and the process's own CPU time per call (immune to other processes on the host). */
function latency(pool: readonly Household[], samples: number): void {
  const wall: number[] = [];
  const cpuTimes: number[] = [];
  for (let n = 0; n < samples; n++) {
    const h = pool[(n * 7919) % pool.length] as Household;
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    evaluateHousehold(h, { asOf: ASOF });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1e3);
  }
  console.log(`single household, every programme, full trace (${samples} samples):`);
  console.log(`  wall ${percentiles(wall)}`);
  console.log(`  CPU  ${percentiles(cpuTimes)}`);
}

const all = programmes.map((p) => p.id);
const fast = programmes.filter((p) => p.compile).map((p) => p.id);
console.log(`node ${process.version}, asOf ${ASOF}`);
console.log(`programmes: ${all.join(', ')}\nwith a compiled fast path: ${fast.join(', ')}`);

// Latency first, on a small pool, so the large pool's heap does not inflate GC pauses.
const small = Array.from({ length: 5_000 }, (_, i) => syntheticHousehold(i));
for (let n = 0; n < 30_000; n++) evaluateHousehold(small[n % small.length] as Household, { asOf: ASOF }); // JIT warm-up
latency(small, 20_000);

const pool = Array.from({ length: POOL }, (_, i) => syntheticHousehold(i));
console.log(`batch: a pool of ${POOL.toLocaleString('en-CA')} synthetic households, cycled`);
run('warm-up', pool, ['ccb', 'oas'], 500_000);
run('CCB+OAS batch', pool, ['ccb', 'oas'], 1_000_000);
run('programmes with a fast path, batch', pool, fast, 15_000_000);
run('every registered programme, batch', pool, all, 1_000_000);

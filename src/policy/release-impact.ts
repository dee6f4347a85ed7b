import { PROVINCE_CODES } from '../rules/index.ts';
import type { PreparedHousehold } from './policy.households.ts';

export interface ProgrammeImpact {
  readonly programme: string;
  /** Annual cost on each date: the sum over households the rules could evaluate on that date. */
  readonly beforeCents: number;
  readonly afterCents: number;
  readonly changeCents: number;
  readonly householdsAffected: number;
  readonly peopleAffected: number;
  /** Households the rules cannot tell about on one date or both (facts the register does not hold). */
  readonly cannotTell: number;
}

export interface GroupImpact {
  /** The decile number (1 = lowest income) or the province code. */
  readonly group: string;
  readonly households: number;
  readonly winners: number;
  readonly losers: number;
  readonly changeCents: number;
  /** Highest household income in the decile (deciles only). */
  readonly upperIncomeCents?: number;
}

export interface ReleaseImpact {
  readonly households: number;
  readonly people: number;
  readonly householdsAffected: number;
  readonly peopleAffected: number;
  readonly changeCents: number;
  readonly programmes: readonly ProgrammeImpact[];
  readonly deciles: readonly GroupImpact[];
  readonly provinces: readonly GroupImpact[];
}

interface ProgrammeTotals {
  before: number;
  after: number;
  households: number;
  people: number;
  cannotTell: number;
}

/**
 * Adds up a release's effect batch by batch: `before` and `after` are the batch path's annual cents
 * (household-major, one column per programme; NaN = cannot tell). Per household it keeps four numbers
 * only, so a million people fit in a few megabytes.
 */
export function createImpactAccumulator(programmes: readonly string[]) {
  const totals: ProgrammeTotals[] = programmes.map(() => ({
    before: 0,
    after: 0,
    households: 0,
    people: 0,
    cannotTell: 0,
  }));
  const income: number[] = [];
  const change: number[] = [];
  const touched: boolean[] = [];
  const size: number[] = [];
  const province: number[] = [];

  function addHousehold(
    prepared: PreparedHousehold,
    before: Float64Array,
    after: Float64Array,
    row: number,
  ): void {
    const h = prepared.source;
    const width = programmes.length;
    let delta = 0;
    let changed = false;
    for (let p = 0; p < width; p++) {
      const b = before[row * width + p] as number;
      const a = after[row * width + p] as number;
      const t = totals[p] as ProgrammeTotals;
      if (!Number.isNaN(b)) t.before += b;
      if (!Number.isNaN(a)) t.after += a;
      if (Number.isNaN(a) || Number.isNaN(b)) t.cannotTell += 1;
      else if (a !== b) {
        t.households += 1;
        t.people += h.people.length;
        delta += a - b;
        changed = true;
      }
    }
    income.push(prepared.totalIncomeCents);
    change.push(delta);
    touched.push(changed);
    size.push(h.people.length);
    province.push((PROVINCE_CODES as readonly string[]).indexOf(h.provinceCode));
  }

  return {
    add(batch: readonly PreparedHousehold[], before: Float64Array, after: Float64Array): void {
      batch.forEach((h, row) => addHousehold(h, before, after, row));
    },
    result(): ReleaseImpact {
      return summarise(programmes, totals, { income, change, touched, size, province });
    },
  };
}

interface PerHousehold {
  readonly income: readonly number[];
  readonly change: readonly number[];
  /** A programme's amount changed, even if the household's changes net to zero. */
  readonly touched: readonly boolean[];
  readonly size: readonly number[];
  readonly province: readonly number[];
}

function group(name: string, indices: readonly number[], data: PerHousehold): GroupImpact {
  let winners = 0;
  let losers = 0;
  let total = 0;
  for (const i of indices) {
    const delta = data.change[i] as number;
    if (delta > 0) winners += 1;
    else if (delta < 0) losers += 1;
    total += delta;
  }
  return { group: name, households: indices.length, winners, losers, changeCents: total };
}

/** Deciles of household income before tax: ten groups of (nearly) equal numbers of households. */
function deciles(data: PerHousehold): GroupImpact[] {
  const order = data.income
    .map((_, i) => i)
    .sort((a, b) => (data.income[a] as number) - (data.income[b] as number));
  return Array.from({ length: 10 }, (_, d) => {
    const slice = order.slice(Math.floor((d * order.length) / 10), Math.floor(((d + 1) * order.length) / 10));
    const top = slice[slice.length - 1];
    return {
      ...group(String(d + 1), slice, data),
      upperIncomeCents: top === undefined ? 0 : (data.income[top] as number),
    };
  });
}

function provinces(data: PerHousehold): GroupImpact[] {
  const byProvince = PROVINCE_CODES.map((): number[] => []);
  data.province.forEach((p, i) => byProvince[p]?.push(i));
  return PROVINCE_CODES.map((code, p) => group(code, byProvince[p] ?? [], data)).filter(
    (g) => g.households > 0,
  );
}

function summarise(
  programmes: readonly string[],
  totals: readonly ProgrammeTotals[],
  data: PerHousehold,
): ReleaseImpact {
  let householdsAffected = 0;
  let peopleAffected = 0;
  let people = 0;
  let changeCents = 0;
  data.change.forEach((delta, i) => {
    people += data.size[i] as number;
    changeCents += delta;
    if (data.touched[i] === true) {
      householdsAffected += 1;
      peopleAffected += data.size[i] as number;
    }
  });
  return {
    households: data.change.length,
    people,
    householdsAffected,
    peopleAffected,
    changeCents,
    programmes: programmes.map((programme, p) => {
      const t = totals[p] as ProgrammeTotals;
      return {
        programme,
        beforeCents: t.before,
        afterCents: t.after,
        changeCents: t.after - t.before,
        householdsAffected: t.households,
        peopleAffected: t.people,
        cannotTell: t.cannotTell,
      };
    }),
    deciles: deciles(data),
    provinces: provinces(data),
  };
}

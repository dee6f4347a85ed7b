import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Which tax slip reports each programme and what goes in each box, from the cited parameter file
 * `reference-data/canada/tax-slips.yaml`. Pure: the year's payments in, the slips' boxes out.
 */
export const SLIP_IDS = ['t4a-oas', 't4a-p', 't5007', 't4e'] as const;
export type SlipId = (typeof SLIP_IDS)[number];

export function isSlipId(value: string): value is SlipId {
  return (SLIP_IDS as readonly string[]).includes(value);
}

interface SlipEntry {
  readonly name_en: string;
  readonly name_fr: string;
  readonly reference: readonly { title: string; href: string }[];
  /** Programme id → its part on the slip ('pension', 'supplement', 'retirement', 'social-assistance'). */
  readonly programmes: Readonly<Record<string, string>>;
}

const FILE = new URL('../../../reference-data/canada/tax-slips.yaml', import.meta.url);
const SLIPS = (parse(readFileSync(FILE, 'utf8'), { version: '1.2' }) as { slips: Record<SlipId, SlipEntry> })
  .slips;

/** One payment issued in the year, gross (before any recovery) and net (what was deposited). */
export interface PaidAmount {
  readonly programmeId: string;
  readonly grossCents: number;
  readonly recoveredCents: number;
}

export interface SlipBox {
  /** The box number printed on the slip, e.g. '18'. */
  readonly box: string;
  readonly cents: number;
}

export interface TaxSlip {
  readonly slip: SlipId;
  readonly year: number;
  readonly name: { readonly en: string; readonly fr: string };
  readonly boxes: readonly SlipBox[];
  readonly reference: readonly { title: string; href: string }[];
}

export function slipOfProgramme(programmeId: string): SlipId | undefined {
  return SLIP_IDS.find((id) => programmeId in SLIPS[id].programmes);
}

function sum(amounts: readonly PaidAmount[], pick: (a: PaidAmount) => number): number {
  return amounts.reduce((total, amount) => total + pick(amount), 0);
}

/**
 * The boxes of one slip. T4A(OAS): box 19 is the gross pension and box 20 what was kept from it for an
 * earlier overpayment; box 18, the taxable pension, is the gross too, because the person deducts box 20 on
 * line 23200 (counting it out of box 18 as well would deduct it twice); box 21 is the supplements net of
 * recoveries. T4A(P): box 14 and box 20 are the gross retirement benefit (box 20 "includes any recovery of
 * overpayments"). T5007: box 11 is the assistance paid, net of recoveries (the recovered part was reported
 * in the year it was first paid). T4E: box 14, total benefits paid, and box 15, regular benefits, are the gross
 * benefits (an overpayment recovered from them was income when paid). No tax is withheld by Guichet: boxes 22
 * are zero.
 */
export function slipBoxes(slip: SlipId, amounts: readonly PaidAmount[]): SlipBox[] {
  const part = (name: string) => amounts.filter((a) => SLIPS[slip].programmes[a.programmeId] === name);
  const gross = (a: PaidAmount) => a.grossCents;
  const net = (a: PaidAmount) => a.grossCents - a.recoveredCents;
  switch (slip) {
    case 't4a-oas': {
      const pension = part('pension');
      return [
        { box: '18', cents: sum(pension, gross) },
        { box: '19', cents: sum(pension, gross) },
        { box: '20', cents: sum(pension, (a) => a.recoveredCents) },
        { box: '21', cents: sum(part('supplement'), net) },
        { box: '22', cents: 0 },
      ];
    }
    case 't4a-p':
      return [
        { box: '14', cents: sum(part('retirement'), gross) },
        { box: '20', cents: sum(part('retirement'), gross) },
        { box: '22', cents: 0 },
      ];
    case 't5007':
      return [{ box: '11', cents: sum(part('social-assistance'), net) }];
    case 't4e':
      return [
        { box: '14', cents: sum(amounts, gross) },
        { box: '15', cents: sum(part('regular'), gross) },
        { box: '22', cents: 0 },
      ];
  }
}

/** Every slip the year's payments call for: one per slip with any programme of it paid. */
export function slipsFor(year: number, amounts: readonly PaidAmount[]): TaxSlip[] {
  return SLIP_IDS.flatMap((slip) => {
    const mine = amounts.filter((a) => slipOfProgramme(a.programmeId) === slip);
    if (mine.length === 0) return [];
    const entry = SLIPS[slip];
    return [
      {
        slip,
        year,
        name: { en: entry.name_en, fr: entry.name_fr },
        boxes: slipBoxes(slip, mine),
        reference: entry.reference,
      },
    ];
  });
}

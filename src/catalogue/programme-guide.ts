import { readFileSync } from 'node:fs';
import { defaultParameters, versionInForce } from '../rules/index.ts';
import type { Citation, ParameterFile } from '../rules/index.ts';
import type { BilingualPath } from '../platform/http/route-table.ts';

type Per = 'month' | 'year' | 'week' | null;

interface AmountSpec {
  readonly parameter: string;
  readonly key?: string;
  readonly per: Per;
  readonly label: string;
}

interface GuideSpec {
  readonly amounts: readonly AmountSpec[];
  readonly schedule: string | null;
  readonly documents: readonly string[];
  readonly standard: { readonly days: number; readonly official: boolean; readonly source: string };
  readonly apply: {
    readonly online: boolean;
    readonly phone: boolean;
    readonly inPerson: boolean;
    readonly form: string | null;
  };
  readonly review: {
    readonly days: number;
    readonly kind: string;
    readonly law_en: string;
    readonly law_fr: string;
    /** Set when a law exists in English only (a provincial act): the title is marked up in that language. */
    readonly law_fr_lang?: 'en';
  };
}

/** One amount as the page shows it: the value in force on the day, or the latest on file and until when. */
export interface GuideAmount {
  readonly label: string;
  readonly per: Per;
  readonly unit: string;
  /** In force on the day asked; null when the day is past what is on file. */
  readonly current: { readonly value: number; readonly effective: string } | null;
  /** The last value on file (shown, labelled, when nothing is on file for today). */
  readonly latest: { readonly value: number; readonly effective: string } | null;
  readonly coverageEnd: string;
  readonly reference: readonly Citation[];
}

/** Everything a person needs to act on a programme, from data: none of it typed into the page. */
export interface ProgrammeGuide extends Omit<GuideSpec, 'amounts'> {
  readonly programmeId: string;
  readonly amounts: readonly GuideAmount[];
  /** The next payment dates from the payments calendar (empty when paid from a claim's own start). */
  readonly nextPayments: readonly string[];
}

/** What the root gives the programme pages: the payment calendar and where help lives. */
export interface GuidePorts {
  readonly nextPayments: (schedule: string, after: string, count: number) => readonly string[];
  readonly helpLinks: { readonly contact: BilingualPath; readonly offices: BilingualPath };
  readonly clock: () => Date;
}

const GUIDES = (
  JSON.parse(readFileSync(new URL('./data/programme-guides.json', import.meta.url), 'utf8')) as {
    guides: Record<string, GuideSpec>;
  }
).guides;

function numberOf(file: ParameterFile, value: unknown, key: string | undefined): number | null {
  const picked = key === undefined ? value : (value as Record<string, unknown> | null)?.[key];
  if (typeof picked !== 'number') return null;
  return file.unit === 'cents' || file.unit === 'rate' ? picked : null;
}

function amountOf(spec: AmountSpec, today: string): GuideAmount {
  const file = defaultParameters.load(spec.parameter);
  const inForce = versionInForce(file, today);
  const lastEntry = [...file.entries].reverse().find((entry) => entry.value !== null);
  const current = inForce ? numberOf(file, inForce.value, spec.key) : null;
  const latest = lastEntry ? numberOf(file, lastEntry.value, spec.key) : null;
  return {
    label: spec.label,
    per: spec.per,
    unit: file.unit,
    current: inForce && current !== null ? { value: current, effective: inForce.effective } : null,
    latest: lastEntry && latest !== null ? { value: latest, effective: lastEntry.effective } : null,
    coverageEnd: file.coverageEnd,
    reference: file.reference,
  };
}

/** The guide for one programme on `today` (YYYY-MM-DD), or null when the programme has none. */
export function guideFor(programmeId: string, today: string, ports: GuidePorts): ProgrammeGuide | null {
  const spec = GUIDES[programmeId];
  if (!spec) return null;
  return {
    ...spec,
    programmeId,
    amounts: spec.amounts.map((amount) => amountOf(amount, today)),
    nextPayments: spec.schedule ? ports.nextPayments(spec.schedule, today, 3) : [],
  };
}

export const guideProgrammeIds = (): readonly string[] => Object.keys(GUIDES);

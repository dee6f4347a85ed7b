import { readFileSync } from 'node:fs';
import type { Lang } from '../platform/i18n/i18n.ts';

/** A programme as the help pages name it (from the catalogue, given by the root). */
export interface HelpProgramme {
  readonly id: string;
  readonly name: Record<Lang, string>;
  /** The programme's public page. */
  readonly href: Record<Lang, string>;
}

/** A programme's telephone line: numbers, TTY, hours and when to call, with where they were read. */
export interface ContactLine {
  readonly id: string;
  readonly programmes: readonly string[];
  readonly agency: Record<Lang, string>;
  readonly phone: Record<Lang, string>;
  readonly tty: string | null;
  readonly outsideCanada: string | null;
  readonly hours: Record<Lang, string>;
  readonly when: Record<Lang, string>;
  readonly busy: Record<Lang, string>;
  readonly source: string;
  /** False when the line could not be checked against an official page: the page says so. */
  readonly official: boolean;
}

export type AccessibilityFeature =
  | 'step-free'
  | 'automatic-doors'
  | 'accessible-washroom'
  | 'accessible-parking'
  | 'hearing-loop'
  | 'sign-language';
export type OfficeService = 'sin' | 'pensions' | 'ei' | 'passport' | 'id-check' | 'social-assistance' | 'qpp';

export interface Office {
  readonly id: string;
  readonly kind: 'service-canada' | 'provincial';
  readonly name: Record<Lang, string>;
  readonly province: string;
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly lat: number;
  readonly lng: number;
  readonly hours: Record<Lang, string>;
  readonly accessibility: readonly AccessibilityFeature[];
  readonly services: readonly OfficeService[];
}

export interface Point {
  readonly lat: number;
  readonly lng: number;
}

export interface HelpData {
  readonly lines: readonly ContactLine[];
  readonly offices: readonly Office[];
  /** Whether the office table comes from an official extract (today it does not: the pages say so). */
  readonly officesOfficial: boolean;
  readonly officesSource: string;
  readonly districts: Readonly<Record<string, Point & { province: string }>>;
  readonly fsa: ReadonlyMap<string, Point>;
}

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

type Raw = Record<string, unknown>;
const both = (raw: Raw, field: string): Record<Lang, string> => ({
  en: String(raw[`${field}_en`]),
  fr: String(raw[`${field}_fr`]),
});

function lineFrom(raw: Raw): ContactLine {
  return {
    id: String(raw.id),
    programmes: raw.programmes as string[],
    agency: both(raw, 'agency'),
    phone: both(raw, 'phone'),
    tty: (raw.tty as string | null) ?? null,
    outsideCanada: (raw.outside_canada as string | null) ?? null,
    hours: both(raw, 'hours'),
    when: both(raw, 'when'),
    busy: both(raw, 'busy'),
    source: String(raw.source),
    official: raw.official === true,
  };
}

function officeFrom(raw: Raw): Office {
  return {
    id: String(raw.id),
    kind: raw.kind as Office['kind'],
    name: both(raw, 'name'),
    province: String(raw.province),
    address: String(raw.address),
    city: String(raw.city),
    postalCode: String(raw.postal_code),
    lat: Number(raw.lat),
    lng: Number(raw.lng),
    hours: both(raw, 'hours'),
    accessibility: raw.accessibility as AccessibilityFeature[],
    services: raw.services as OfficeService[],
  };
}

/** The help module's reference data, read once at start-up from `data/`. */
export function loadHelpData(): HelpData {
  const contacts = readJson('contacts.json') as { lines: Raw[] };
  const offices = readJson('offices.json') as { official: boolean; source: string; offices: Raw[] };
  const postal = readJson('postal-districts.json') as {
    districts: Record<string, Point & { province: string }>;
    fsa: Record<string, Point>;
  };
  const officeList = offices.offices.map(officeFrom);
  const fsa = new Map<string, Point>(Object.entries(postal.fsa));
  // An office's own forward sortation area is located at the office.
  for (const office of officeList) {
    const code = office.postalCode.slice(0, 3);
    if (!fsa.has(code)) fsa.set(code, { lat: office.lat, lng: office.lng });
  }
  return {
    lines: contacts.lines.map(lineFrom),
    offices: officeList,
    officesOfficial: offices.official,
    officesSource: offices.source,
    districts: postal.districts,
    fsa,
  };
}

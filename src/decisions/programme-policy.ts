import { readFileSync } from 'node:fs';

/** Algorithmic Impact Assessment levels, Directive on Automated Decision-Making, Appendix B (I to IV). */
export type ImpactLevel = 1 | 2 | 3 | 4;

/** How one programme is decided: its AIA level, its service standard and how its entitlement starts. */
export interface ProgrammePolicy {
  /** The catalogue's id (what enrolments and applications name). */
  readonly id: string;
  /** The rules engine's id for the same programme. */
  readonly rules: string;
  readonly impactLevel: ImpactLevel;
  readonly serviceStandardDays: number;
  /** `next-month`: paid from the first of the month after the application; `application-date`: from that day. */
  readonly start: 'next-month' | 'application-date';
}

export interface DecisionPolicy {
  /** An award above this (per period, in cents) needs a second person's approval (four eyes). */
  readonly fourEyesAboveCents: number;
  /** Days the person has to ask for a reconsideration after the decision is sent. */
  readonly reviewDays: number;
  readonly programmes: readonly ProgrammePolicy[];
}

/** At level III and above the Directive requires a human to make the final decision (Appendix C). */
export const HIGHEST_AUTOMATED_LEVEL: ImpactLevel = 2;

export function loadDecisionPolicy(
  file: URL = new URL('./data/programmes.json', import.meta.url),
): DecisionPolicy {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as DecisionPolicy;
  for (const p of raw.programmes)
    if (![1, 2, 3, 4].includes(p.impactLevel)) throw new Error(`${p.id}: impact level must be 1 to 4`);
  return raw;
}

/** The programme by its catalogue id or by its rules id; undefined when it is not decided here. */
export function policyFor(policy: DecisionPolicy, programmeId: string): ProgrammePolicy | undefined {
  return (
    policy.programmes.find((p) => p.id === programmeId) ??
    policy.programmes.find((p) => p.rules === programmeId)
  );
}

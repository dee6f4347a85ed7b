import type { EvaluationContext } from '../../core/types.ts';

/**
 * EI Pilot Project No. 24 (EI Regulations ss. 77.995–77.999, SOR/2025-115 and its extensions).
 * Each measure is switched on by a dated parameter, keyed by the day the benefit period begins.
 */

export interface DeemedRate {
  readonly tenths: number;
  readonly deemed: boolean;
}

/** s. 77.998: a regional rate below the ceiling is deemed higher for claims starting in the window. */
export function regionalRateForClaim(tenths: number, start: string, ctx: EvaluationContext): DeemedRate {
  const boost = ctx.table('ei/pilot-24-rate-boost', start);
  if (boost['active'] !== 1) return { tenths, deemed: false };
  const [low, floor, increment, high, ceiling] = ['low', 'floor', 'increment', 'high', 'ceiling'].map((k) =>
    Math.round((boost[k] ?? 0) * 10),
  ) as [number, number, number, number, number];
  if (tenths >= ceiling) return { tenths, deemed: false };
  if (tenths <= low) return { tenths: floor, deemed: true };
  return { tenths: tenths < high ? tenths + increment : ceiling, deemed: true };
}

/** s. 77.996: the Commission may waive the waiting period; we report it as waived. */
export function isWaitingPeriodWaived(start: string, ctx: EvaluationContext): boolean {
  return ctx.param('ei/pilot-24-waiting-period-waived', start) === 1;
}

/** s. 77.999: up to 20 more weeks for long-tenured workers; needs premium history we do not hold. */
export function isLongTenuredMeasureInForce(start: string, ctx: EvaluationContext): boolean {
  return ctx.param('ei/pilot-24-long-tenured', start) === 1;
}

import type { Programme } from '../../core/types.ts';
import { compileCcbLike, evaluateCcbLike } from './ccb.programme.ts';

/** Child disability benefit (paid with the CCB): one result per household. */
export const cdbProgramme: Programme = {
  id: 'cdb',
  evaluate: (h, asOf, ctx) => evaluateCcbLike('cdb', h, asOf, ctx),
  compile: compileCcbLike('cdb'),
};

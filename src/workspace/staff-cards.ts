import type { BilingualPath } from '../platform/http/route-table.ts';

/**
 * One link on the staff home: a capability's work (a queue, a report), shown to staff holding its permission.
 * The root gives the workspace every capability's cards, so a new capability shows itself to staff without
 * the workspace knowing it (as `PortalCard`s do for My Guichet).
 */
export interface StaffCard {
  readonly path: BilingualPath;
  /** Translation keys, in the capability's own namespace. */
  readonly title: string;
  readonly description: string;
  readonly permission: string;
}

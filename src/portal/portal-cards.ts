import type { BilingualPath } from '../platform/http/route-table.ts';

/**
 * One card on the person's signed-in home: a capability's page, named and described in that capability's
 * own words (translation keys). The root gives the portal every capability's cards, in order, so a new
 * capability shows itself on My Guichet without the portal knowing it.
 */
export interface PortalCard {
  readonly path: BilingualPath;
  readonly title: string;
  readonly description: string;
  /** Shown once the sign-in is linked to the person's record (it is about that record). */
  readonly linkedOnly: boolean;
}

import type { AccessContext } from '../platform/audit/access-context.ts';
import type { BilingualPath } from '../platform/http/route-table.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { SafeHtml } from '../platform/views/html.ts';

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

/** A part of the client file another capability renders (e.g. the client's applications), for staff. */
export type ClientFileSection = (
  personId: string,
  t: Translator,
  csrf: string,
  /** The staff member's access under the purpose they stated: reads through it are audited as theirs. */
  context: AccessContext,
) => Promise<SafeHtml>;

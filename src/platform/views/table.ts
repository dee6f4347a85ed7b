import { html } from './html.ts';
import type { SafeHtml } from './html.ts';

/**
 * A table of figures read across its columns, which would lose its sense if it reflowed into blocks: on a small
 * screen it scrolls sideways inside its own region, named by the table's caption (`captionId`) and focusable, so
 * a keyboard user can scroll it too, while the page itself never does (WCAG 1.4.10, axe
 * `scrollable-region-focusable`). Tables of records reflow instead (`reflow-table` with `data-label`s).
 */
export function scrollingTable(captionId: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">${table}</div>`;
}

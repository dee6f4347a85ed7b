import { html } from '../platform/views/html.ts';
import type { SafeHtml } from '../platform/views/html.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = 32;

/**
 * A bar chart drawn on the server (works without JavaScript): gains above the line, losses below.
 * It is an image with a title and a description; the same figures are in the table beside it.
 */
export function barChart(bars: readonly Bar[], title: string, description: string, id: string): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const plotHeight = HEIGHT - 2 * MARGIN;
  const zero = MARGIN + plotHeight / 2;
  const step = (WIDTH - 2 * MARGIN) / Math.max(1, bars.length);
  const scale = plotHeight / 2 / max;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc>
<line x1="${MARGIN}" y1="${zero}" x2="${WIDTH - MARGIN}" y2="${zero}" stroke="#333" stroke-width="1"/>
${bars.map((bar, i) => {
  const h = Math.abs(bar.value) * scale;
  const x = MARGIN + i * step + step * 0.15;
  const y = bar.value >= 0 ? zero - h : zero;
  const fill = bar.value >= 0 ? '#26374a' : '#a62a1e';
  return html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"/><text x="${(x + step * 0.35).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle" font-size="14" fill="#333">${bar.label}</text>`;
})}
</svg>`;
}

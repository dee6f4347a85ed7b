import { html, unsafeRaw } from './html.ts';
import type { SafeHtml } from './html.ts';
import type { Lang } from '../i18n/i18n.ts';

// A drawing of the Government of Canada signature (flag symbol + bilingual title), served inline so the
// service works offline. The accessible name is given by the surrounding link or by aria-label.
const FLAG = `<rect x="0" y="0" width="10" height="20" fill="#eb2d37"/><rect x="30" y="0" width="10" height="20" fill="#eb2d37"/><path fill="#eb2d37" d="M20 2.5l-1.6 3.1c-.2.3-.5.3-.8.2l-1.2-.6.8 4.1c.2.8-.4.8-.6.4l-1.7-2-.3 1c0 .2-.2.3-.4.3l-2.3-.5.6 2.2c.1.5.3.7-.1.8l-.8.4 4 3.3c.2.1.2.4.2.6l-.4 1.1c1.4-.2 2.6-.4 4-.5.1 0 .3.1.3.3l-.2 4.2h.8l-.2-4.2c0-.2.2-.3.3-.3 1.4.1 2.6.3 4 .5l-.4-1.1c-.1-.2 0-.5.2-.6l4-3.3-.8-.4c-.4-.1-.2-.3-.1-.8l.6-2.2-2.3.5c-.2 0-.4-.1-.4-.3l-.3-1-1.7 2c-.2.4-.8.4-.6-.4l.8-4.1-1.2.6c-.3.1-.6.1-.8-.2z"/>`;

export function gcSignature(lang: Lang): SafeHtml {
  const [first, second] = lang === 'en' ? ['Government', 'of Canada'] : ['Gouvernement', 'du Canada'];
  const title = lang === 'en' ? 'Government of Canada' : 'Gouvernement du Canada';
  return html`<svg class="gc-signature" viewBox="0 0 180 22" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg"><g transform="scale(1)">${unsafeSvg(FLAG)}</g><text x="46" y="9" font-size="9" font-weight="700" fill="#333">${first}</text><text x="46" y="20" font-size="9" font-weight="700" fill="#333">${second}</text></svg>`;
}

export function canadaWordmark(): SafeHtml {
  return html`<svg class="gc-wordmark" viewBox="0 0 120 30" role="img" aria-label="Symbol of the Government of Canada / Symbole du gouvernement du Canada" xmlns="http://www.w3.org/2000/svg"><text x="0" y="27" font-size="28" font-weight="700" font-family="Lato, sans-serif" fill="#000">Canada</text><g transform="translate(100 0) scale(0.45)">${unsafeSvg(FLAG)}</g></svg>`;
}

// Our own constant markup, never user input.
function unsafeSvg(markup: string): SafeHtml {
  return unsafeRaw(markup);
}

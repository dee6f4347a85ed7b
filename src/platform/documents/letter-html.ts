import { html } from '../views/html.ts';
import type { SafeHtml } from '../views/html.ts';
import type { Letter, LetterBlock, LetterSection } from './letter.ts';

export interface LetterHtmlOptions {
  /** 1 when the letter is the page (its heading is the page's h1); 2 when it sits under the page's own h1. */
  readonly headingLevel?: 1 | 2;
}

/**
 * The letter as an HTML fragment for the inbox page: one `article` in the letter's language, a real
 * heading hierarchy, lists as lists and tables with column and row headers (WCAG 1.3.1).
 */
export function letterToHtml(letter: Letter, { headingLevel = 1 }: LetterHtmlOptions = {}): SafeHtml {
  const [top, section] = headingLevel === 1 ? (['h1', 'h2'] as const) : (['h2', 'h3'] as const);
  return html`<article class="letter" lang="${letter.lang}">
  <header class="letter-head">
    <address class="letter-agency"><strong>${letter.letterhead.agency}</strong>${lines(letter.letterhead.lines)}</address>
    <dl class="letter-meta">
      <div><dt>${letter.date.label}</dt><dd>${letter.date.value}</dd></div>
      <div><dt>${letter.reference.label}</dt><dd>${letter.reference.value}</dd></div>
    </dl>
    <p class="letter-recipient">${letter.recipient.map((line, index) => html`${index > 0 && html`<br>`}${line}`)}</p>
  </header>
  ${heading(top, letter.heading)}
  ${letter.sections.map((part) => sectionHtml(part, section, 'letter-section'))}
  ${sectionHtml(letter.rights, section, 'letter-section letter-rights')}
  <footer class="letter-closing">
    <p>${letter.closing.text}</p>
    <p>${letter.closing.signatory}<br>${letter.closing.role}</p>
  </footer>
</article>`;
}

function lines(values: readonly string[]): SafeHtml[] {
  return values.map((line) => html`<br>${line}`);
}

function heading(level: 'h1' | 'h2' | 'h3', text: string): SafeHtml {
  return { h1: html`<h1>${text}</h1>`, h2: html`<h2>${text}</h2>`, h3: html`<h3>${text}</h3>` }[level];
}

function sectionHtml(part: LetterSection, level: 'h2' | 'h3', className: string): SafeHtml {
  return html`<section class="${className}">
    ${heading(level, part.heading)}
    ${part.blocks.map(blockHtml)}
  </section>`;
}

function blockHtml(block: LetterBlock): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${item}</li>`);
      return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'table':
      return html`<table>
      <caption>${block.caption}</caption>
      <thead><tr><th scope="col">${block.headers[0]}</th><th scope="col">${block.headers[1]}</th></tr></thead>
      <tbody>${block.rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${row.value}</td></tr>`)}</tbody>
    </table>`;
  }
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterToHtml } from './letter-html.ts';
import { renderLetter } from './render-letter.ts';
import { sampleLetter } from '../../../test/support/documents/sample-letters.ts';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('letter as an HTML fragment', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`is one article in ${lang} with one h1, an h2 per section and the rights`, async () => {
      const letter = sampleLetter(lang);
      const html = await renderLetter(letter, 'html');
      assert.match(html, new RegExp(`^<article class="letter" lang="${lang}">`));
      assert.equal(count(html, /<h1>/g), 1);
      assert.equal(count(html, /<h2>/g), letter.sections.length + 1);
      assert.ok(html.includes(`<h2>${letter.rights.heading}</h2>`));
      assert.ok(html.indexOf(letter.rights.heading) > html.indexOf(letter.sections.at(-1)?.heading ?? '?'));
    });
  }

  it('gives tables a caption, column headers and row headers, and keeps lists as lists', () => {
    const html = letterToHtml(sampleLetter('en')).toString();
    assert.match(html, /<table>\s*<caption>Your benefit<\/caption>/);
    assert.equal(count(html, /<th scope="col">/g), 2);
    assert.match(html, /<tr><th scope="row">Monthly amount<\/th><td>\$642\.50<\/td><\/tr>/);
    assert.match(html, /<ul><li>One child under 6 lives with you\.<\/li>/);
    assert.match(html, /<ol><li>Sign in to My Guichet\.<\/li>/);
  });

  it('starts at h2 when the page has its own h1', () => {
    const html = letterToHtml(sampleLetter('en'), { headingLevel: 2 }).toString();
    assert.equal(count(html, /<h1>/g), 0);
    assert.equal(count(html, /<h2>/g), 1);
    assert.equal(count(html, /<h3>/g), 3);
  });

  it('escapes what the letter says', () => {
    const letter = sampleLetter('en');
    const html = letterToHtml({ ...letter, heading: '<script>alert(1)</script> & more' }).toString();
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
  });
});

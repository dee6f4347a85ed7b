import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderLetter } from './render-letter.ts';
import { sampleLetter } from '../../../test/support/documents/sample-letters.ts';

describe('letter as plain text for screen readers', () => {
  it('reads top to bottom with labelled values in the letter’s own punctuation', async () => {
    const english = await renderLetter(sampleLetter('en'), 'text');
    const french = await renderLetter(sampleLetter('fr'), 'text');
    assert.ok(english.includes('\nOur reference: CCB-7KQ4-M2XH\n'));
    assert.ok(english.includes('\nMonthly amount: $642.50\n'));
    assert.ok(french.includes('\nNotre référence\u00a0: CCB-7KQ4-M2XH\n'));
    const order = [
      'Guichet demonstration agency',
      'ALEX SAMPLE',
      'What we decided',
      'If you disagree',
      'Jordan Example',
    ];
    const positions = order.map((text) => english.indexOf(text));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
  });

  it('sets headings apart by blank lines and numbers ordered lists', async () => {
    const text = await renderLetter(sampleLetter('en'), 'text');
    assert.ok(text.includes('\n\nWhy\n\nWe used'));
    assert.ok(text.includes('\n1. Sign in to My Guichet.\n2. Open this letter.\n'));
    assert.ok(text.includes('\n• One child under 6 lives with you.\n'));
    assert.ok(!/[<>#*]/.test(text), 'no markup a screen reader would read aloud');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, unsafeRaw } from './html.ts';

test('interpolated values are escaped unless already safe', () => {
  const name = '<script>alert("x")</script>';
  assert.equal(html`<p>${name}</p>`.value, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  assert.equal(html`<p>${html`<b>${"O'Neil"}</b>`}</p>`.value, '<p><b>O&#39;Neil</b></p>');
  assert.equal(html`${unsafeRaw('<br>')}`.value, '<br>');
});

test('arrays render item by item and empty values render nothing', () => {
  assert.equal(
    html`<ul>${['a', '<b>'].map((x) => html`<li>${x}</li>`)}</ul>`.value,
    '<ul><li>a</li><li>&lt;b&gt;</li></ul>',
  );
  assert.equal(html`[${null}${undefined}${false}]`.value, '[]');
  assert.equal(html`${0}`.value, '0');
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('html escaping', () => {
  it('escapes every interpolated value, never marked-safe fragments', () => {
    const payload = '<script>alert("x")</script>&\'';
    expect(html`<p>${payload}</p>${raw('<br>')}`.__html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p><br>',
    );
  });

  it('never lets a tag or quote through (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../util/html.js';
import { xmlSafe } from './shared.js';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const validXml = (s: string): boolean =>
  [...s].every((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000
    );
  });

describe('xmlSafe', () => {
  it('leaves only characters XML 1.0 can hold, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => validXml(xmlSafe(s))));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (s) => validXml(xmlSafe(s)),
      ),
    );
  });

  it('does not change text that is already valid (Chinese, emoji, newlines)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => !validXml(s) || xmlSafe(s) === s));
    expect(xmlSafe('你好\n😀 a&b<c>')).toBe('你好\n😀 a&b<c>');
    expect(xmlSafe(`a${String.fromCharCode(1)}b${String.fromCharCode(0xd800)}c`)).toBe('abc');
  });
});

describe('escapeHtml', () => {
  it('never lets markup characters through', () => {
    fc.assert(
      fc.property(fc.string(), (s) => !/[<>"'&]/.test(escapeHtml(s).replace(/&(#\d+|[a-z]+);/g, ''))),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeAt, OUTSIDE } from './code-at.js';

describe('codeAt', () => {
  it('is charCodeAt inside the text and U+FFFF before its start or at and past its end', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.integer({ min: -3, max: 15 }),
        (text, i) => {
          expect(codeAt(text, i)).toBe(i >= 0 && i < text.length ? text.charCodeAt(i) : OUTSIDE);
        },
      ),
    );
    expect(codeAt('张伟', 2)).toBe(0xffff);
    expect(codeAt('张伟', -1)).toBe(0xffff);
    expect(codeAt('张伟', 1)).toBe('伟'.charCodeAt(0));
  });
});

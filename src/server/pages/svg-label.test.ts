import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormed } from '../../util/well-formed.js';
import { clipLabel, labelPx } from './svg-label.js';

describe('chart labels', () => {
  it('measures CJK wider than Latin and keeps a label that fits', () => {
    expect(labelPx('ab')).toBe(14);
    expect(labelPx('备案')).toBe(24);
    expect(clipLabel('算法备案', 48)).toBe('算法备案');
  });

  it('property: a clipped label fits, ends in …, and is a prefix of whole characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '备', '𠀀', 'Z') }),
        fc.integer({ min: 20, max: 200 }),
        (s, max) => {
          const out = clipLabel(s, max);
          expect(labelPx(out)).toBeLessThanOrEqual(max);
          if (out === s) return;
          expect(out.endsWith('…')).toBe(true);
          const kept = out.slice(0, -1);
          expect(s.startsWith(kept)).toBe(true);
          expect(wellFormed(kept)).toBe(kept); // never half of a surrogate pair
        },
      ),
    );
  });
});

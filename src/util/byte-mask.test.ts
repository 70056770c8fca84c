import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteMask } from './byte-mask.js';

describe('ByteMask', () => {
  it('gives n zero bytes whatever was written before, and its own buffer past max', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300), { minLength: 1, maxLength: 20 }), (sizes) => {
        const mask = new ByteMask(256);
        for (const n of sizes) {
          const m = mask.zeroed(n);
          expect(m.length).toBeGreaterThanOrEqual(n);
          for (let k = 0; k < n; k++) expect(m[k]).toBe(0);
          m.fill(1);
          if (n > 256) expect(m.length).toBe(n);
          else expect(m.length).toBeLessThanOrEqual(Math.max(1024, 256));
        }
      }),
    );
  });
});

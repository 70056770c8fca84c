import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEWLINES_SIMD, newlineCounter, newlinesByIndexOf } from './newlines.js';

const naive = (b: Uint8Array): number => b.reduce((n, x) => n + (x === 0x0a ? 1 : 0), 0);

describe('newline counts (the reader’s next first line)', () => {
  it('counts what a byte loop counts, in views at any offset of any buffer, SIMD or not', () => {
    expect(NEWLINES_SIMD).toBe(true); // Node 20's V8 has WebAssembly SIMD: the loop is what runs
    const count = newlineCounter();
    // mostly newlines and 0x8a/0x0b (one bit off), up to 3 pages: the 16-byte steps, the tail and growth
    const byte = fc.oneof(fc.constantFrom(0x0a, 0x0b, 0x8a, 0x4a), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(
        fc
          .uint8Array({ minLength: 0, maxLength: 3 * 65536 + 17 })
          .chain((a) => fc.tuple(fc.constant(a), fc.array(byte, { maxLength: 64 }), fc.nat({ max: 31 }))),
        ([bulk, head, skip]) => {
          const all = new Uint8Array(new SharedArrayBuffer(head.length + bulk.length));
          all.set(head);
          all.set(bulk, head.length);
          const view = all.subarray(Math.min(skip, all.length));
          expect(count(view)).toBe(naive(view));
          expect(newlinesByIndexOf(view)).toBe(naive(view));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts blocks of real size, larger and smaller ones after, with the same memory', () => {
    const count = newlineCounter();
    for (const size of [1 << 20, 5000, (2 << 20) + 3, 100, 17 << 20]) {
      const b = new Uint8Array(size).map((_, i) => (i % 97 === 0 || i % 13 === 5 ? 0x0a : 0x41));
      expect(count(b)).toBe(naive(b));
    }
  });
});

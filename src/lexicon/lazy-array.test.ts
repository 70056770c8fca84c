import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyArray } from './lazy-array.js';

describe('lazyArray', () => {
  it('makes an element once, on first read, and reads like a plain array (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), fc.array(fc.nat(25)), (plain, reads) => {
        const made: number[] = [];
        const lazy = lazyArray(plain.length, (i) => {
          made.push(i);
          return { v: plain[i] as string };
        });
        for (const r of reads) expect(lazy[r]?.v).toBe(plain[r]);
        expect(new Set(made).size).toBe(made.length);
        expect(made.every((i) => reads.includes(i))).toBe(true);
        expect(lazy.length).toBe(plain.length);
        expect(lazy.map((x) => x.v)).toEqual(plain);
        expect([...lazy].map((x) => x.v)).toEqual(plain);
        expect(lazy.filter((x) => x.v.length > 0).length).toBe(plain.filter((x) => x.length > 0).length);
        expect(Object.keys(lazy)).toEqual(plain.map((_, i) => String(i)));
        expect(lazy).toStrictEqual(plain.map((v) => ({ v })));
      }),
    );
  });
});

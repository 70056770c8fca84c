import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intSet, SmallIntSet, WideIntSet } from './int-set.js';

describe('typed-array integer sets', () => {
  it('answers has() exactly as a Set, small and wide keys alike', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 2 ** 48 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (keys, probes) => {
        const set = intSet(keys);
        const ref = new Set(keys);
        expect(set.size).toBe(ref.size);
        for (const k of [...keys, ...probes]) expect(set.has(k)).toBe(ref.has(k));
      }),
    );
  });

  it('answers the same made again over its table, as the word-statistics file loads it', () => {
    // (the prefix bits are made again from the table: a key they missed would read as absent)
    const key = fc.oneof(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 2 ** 52 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (keys, probes) => {
        const set = intSet(keys);
        const again =
          set instanceof SmallIntSet
            ? new SmallIntSet(set.table.slice(), set.size)
            : new WideIntSet(set.table.slice(), set.size);
        for (const k of [...keys, ...probes]) expect(again.has(k)).toBe(set.has(k));
        for (const k of keys) expect(again.has(k)).toBe(true);
      }),
    );
  });

  it('picks the Int32 table when every key fits, and says no to what can never be a key', () => {
    expect(intSet([1, 2, 3])).toBeInstanceOf(SmallIntSet);
    expect(intSet([1, 2 ** 40])).toBeInstanceOf(WideIntSet);
    for (const s of [intSet([0, 5]), intSet([0, 2 ** 40])])
      for (const k of [-1, 0.5, Number.NaN, 2 ** 53, -0.5]) expect(s.has(k)).toBe(false);
    expect(intSet([]).has(0)).toBe(false);
    expect(() => intSet([-2])).toThrow(RangeError);
  });
});

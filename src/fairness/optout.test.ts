import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard, kendall, pairIndices, rbo, summariseOptout } from './optout.js';

describe('opt-out overlap measures (hand-computed)', () => {
  it('Jaccard', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard(['a'], ['b'])).toBe(0);
  });

  it('Kendall tau-a over shared items', () => {
    expect(kendall(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(-1);
    expect(kendall(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])).toBeCloseTo(4 / 6, 12);
    expect(kendall(['a', 'x'], ['a', 'y'])).toBeNull();
  });

  it('RBO: [a,b] vs [b,a] at p = 0.9 is 0.81 + (0.1/0.9)·0.81 = 0.9; identical lists give 1', () => {
    expect(rbo(['a', 'b'], ['b', 'a'], 0.9)).toBeCloseTo(0.9, 12);
    expect(rbo(['a', 'b', 'c'], ['x', 'y', 'z'], 0.9)).toBe(0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 30 }), (xs) => {
        expect(rbo(xs, xs, 0.9)).toBeCloseTo(1, 10);
        expect(jaccard(xs, [...xs].reverse())).toBe(1);
      }),
    );
  });

  it('summarises pairs, failing below the bound', () => {
    const same = summariseOptout(
      [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
      ],
      { p: 0.9, bound: 0.9 },
    );
    expect(same).toMatchObject({ profiles: 3, pairs: 3, passed: true, jaccard: { min: 1, mean: 1 } });
    const leak = summariseOptout(
      [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
      ],
      { p: 0.9, bound: 0.9 },
    );
    expect(leak.passed).toBe(false);
    expect(leak.jaccard.min).toBeCloseTo(1 / 3, 12);
    expect(leak.worst[0]).toMatchObject({ b: 2 });
  });

  it('bounds the number of pairs for many profiles', () => {
    expect(pairIndices(4)).toHaveLength(6);
    expect(pairIndices(1000, 20_000)).toHaveLength(20_000);
  });
});

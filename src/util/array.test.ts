import { describe, expect, it } from 'vitest';
import { appendAll, firstPer, nestedDeeperThan } from './array.js';

describe('appendAll', () => {
  it('appends in order, however many items (spread would overflow the stack)', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    const out = appendAll([-1], many);
    expect(out.length).toBe(500_001);
    expect(out[0]).toBe(-1);
    expect(out.at(-1)).toBe(499_999);
  });
});

describe('nestedDeeperThan', () => {
  it('measures nesting without recursion, even 200k levels deep', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(nestedDeeperThan(deep, 256)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });
});

describe('firstPer', () => {
  it('keeps the first item of each key, in order (the newest of each when sorted newest first)', () => {
    const rows = [
      { k: 'b', n: 3 },
      { k: 'a', n: 2 },
      { k: 'b', n: 1 },
      { k: 'a', n: 0 },
    ];
    expect(firstPer(rows, (r) => r.k)).toEqual([
      { k: 'b', n: 3 },
      { k: 'a', n: 2 },
    ]);
    expect(firstPer([], String)).toEqual([]);
  });
});

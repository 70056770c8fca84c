import { describe, expect, it } from 'vitest';
import { appendAll } from './array.js';

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

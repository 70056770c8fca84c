import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectList, intIn, num, positive, positiveInt } from './flags.js';

describe('flag parsers', () => {
  it('pass through what was not given and parse what was', () => {
    expect(num(undefined, '--x')).toBeUndefined();
    expect(num('1.5', '--x')).toBe(1.5);
    expect(positive('0.2', '--x', 1)).toBe(0.2);
    expect(positiveInt('3', '--jobs')).toBe(3);
    expect(intIn('0', '--port', 0, 65535)).toBe(0);
    expect(collectList('a, b', ['z'])).toEqual(['z', 'a', 'b']);
  });

  it('refuse bad values with a USAGE error that names the flag', () => {
    for (const [f, v] of [
      [() => num('abc', '--x'), 'flag.notNumber'],
      [() => num(' ', '--x'), 'flag.notNumber'],
      [() => positive('0', '--x'), 'flag.notPositive'],
      [() => positive('2', '--x', 1), 'flag.outOfRange'],
      [() => positiveInt('1.5', '--jobs'), 'flag.notPositiveInt'],
      [() => intIn('70000', '--port', 0, 65535), 'flag.outOfRange'],
    ] as const)
      expect(f).toThrow(
        expect.objectContaining({ code: 'USAGE', key: v, params: expect.objectContaining({}) }),
      );
  });

  it('accept exactly the positive integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        if (n >= 1) expect(positiveInt(String(n), '--n')).toBe(n);
        else expect(() => positiveInt(String(n), '--n')).toThrow();
      }),
    );
  });
});

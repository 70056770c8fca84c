import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const time = (d: Date) => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const rfc850 = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${p2(d.getUTCFullYear() % 100)} ${time(d)} GMT`;
const asctime = (d: Date) =>
  `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time(d)} ${d.getUTCFullYear()}`;

// whole seconds between 2000 and 2060: the range the RFC 850 two-digit year reads unambiguously
const dates = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000));

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 7 }), fc.string({ unit: fc.constantFrom(' ', '\t') }), (n, pad) => {
        expect(parseRetryAfter(`${pad}${n}${pad}`)).toBe(n * 1000);
      }),
    );
    expect(parseRetryAfter('1.5')).toBe(1500);
  });

  it('reads all three HTTP-date forms as the same instant, in GMT', () => {
    fc.assert(
      fc.property(dates, (d) => {
        for (const form of [d.toUTCString(), rfc850(d), asctime(d)])
          expect(parseHttpDate(form)).toBe(d.getTime());
      }),
    );
  });

  it('turns a date into the wait from now, never negative', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), (d, offset) => {
        const now = d.getTime() + offset;
        expect(parseRetryAfter(d.toUTCString(), now)).toBe(Math.max(0, -offset));
      }),
    );
  });

  it('gives undefined (not NaN, not a negative wait) for anything else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseRetryAfter(s, 0);
        expect(r === undefined || (Number.isFinite(r) && r >= 0)).toBe(true);
      }),
    );
    for (const bad of [
      '',
      '-5',
      '1e3',
      '0x10',
      'soon',
      'Sun, 31 Feb 2026 10:00:00 GMT',
      'Sun, 06 Nov 1994 25:00:00 GMT',
    ])
      expect(parseRetryAfter(bad, 0)).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

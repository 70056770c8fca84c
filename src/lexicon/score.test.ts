import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreRecord } from './score.js';
import type { Match, Severity } from './types.js';

const hit = (keyword: string, severity: Severity, start: number): Match => ({
  keyword,
  category: 'A.1.6',
  severity,
  start,
  end: start + keyword.length,
  text: keyword,
});

describe('scoreRecord', () => {
  it('weighs distinct keywords by severity', () => {
    const low = hit('性', 1, 0);
    expect(scoreRecord('x'.repeat(10), [low, low, low]).flagged).toBe(false);
    expect(scoreRecord('x'.repeat(10), [low, hit('色情', 3, 2)])).toMatchObject({
      score: 4,
      flagged: true,
      categories: ['A.1.6'],
    });
  });

  it('does not add up weak hits that lie far apart in a long record', () => {
    const text = 'x'.repeat(2000);
    const spread = [hit('甲', 1, 0), hit('乙', 1, 500), hit('丙', 1, 1000), hit('丁', 2, 1500)];
    expect(scoreRecord(text, spread)).toMatchObject({ score: 2, flagged: false });
    const close = [hit('甲', 1, 1000), hit('乙', 2, 1050)];
    expect(scoreRecord(text, [...spread, ...close])).toMatchObject({ score: 4, flagged: true });
    expect(scoreRecord(text, spread, { window: 5000 })).toMatchObject({ score: 5, flagged: true });
  });

  it('never scores above the whole-record sum nor below the best single keyword', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            k: fc.constantFrom('a', 'b', 'c', 'd'),
            s: fc.constantFrom<Severity>(1, 2, 3),
            at: fc.nat(1000),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 400 }),
        (hs, window) => {
          const seen = new Map<string, Severity>();
          const ms = hs.map((h) => {
            const s = seen.get(h.k) ?? h.s;
            seen.set(h.k, s);
            return hit(h.k, s, h.at);
          });
          const total = [...seen.values()].reduce((n, s) => n + s, 0);
          const { score } = scoreRecord('x'.repeat(1100), ms, { window });
          expect(score).toBeLessThanOrEqual(total);
          expect(score).toBeGreaterThanOrEqual(Math.max(0, ...seen.values()));
        },
      ),
    );
  });
});

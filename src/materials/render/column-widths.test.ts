import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumnWidths, longestUnbreakable, textEms } from './column-widths.js';

const O = { total: 9412, em: 190, padding: 160 };

describe('fitColumnWidths', () => {
  it('keeps numbers whole next to a long text column', () => {
    const long = '这是一段很长的说明文字，'.repeat(12);
    const rows = [
      [long, '300,000.00', '100.0%'],
      [long, '12,345,678', '99.5%'],
    ];
    const w = fitColumnWidths(['说明', '金额', '比例'], rows, O);
    expect(w[1]).toBeGreaterThanOrEqual(Math.floor(textEms('12,345,678') * O.em + O.padding));
    expect(w[2]).toBeGreaterThanOrEqual(Math.floor(textEms('100.0%') * O.em + O.padding));
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(O.total);
    expect(w[0]).toBeGreaterThan(w[1]!);
  });

  it('never exceeds the total and gives every unbreakable run room when they fit', () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en')),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('待补充', '已核实', '个性化推送类、排序精选类'),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc
              .array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 20 })
              .map((rows) => ({ n, rows })),
          ),
        ({ n, rows }) => {
          const cols = Array.from({ length: n }, (_, i) => `c${i}`);
          const w = fitColumnWidths(cols, rows, O);
          expect(w).toHaveLength(n);
          expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(O.total);
          const mins = cols.map(
            (c, i) =>
              Math.max(
                ...[c, ...rows.map((r) => r[i]!)].flatMap((t) => t.split('\n')).map(longestUnbreakable),
              ) *
                O.em +
              O.padding,
          );
          if (mins.reduce((a, b) => a + b, 0) <= O.total)
            for (const [i, x] of w.entries()) expect(x).toBeGreaterThanOrEqual(Math.floor(mins[i]!) - 1);
        },
      ),
    );
  });

  it('treats CJK text as breakable between characters', () => {
    expect(longestUnbreakable('个性化推送类')).toBe(1);
    expect(longestUnbreakable('网信算备110108123456701250011号')).toBeCloseTo(
      textEms('110108123456701250011'),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString, normalizeWithOffsets } from './normalize.js';

const table = buildNormTable(DEFAULT_NORMALIZE);
/** Units that exercise every rule: normal CJK, traditional, full width, capitals, noise, digits, NUL, pairs. */
const unit = fc.constantFrom(
  ...'色情赌博马法轮功颜情况abz09',
  ...'陰輪功ＡＢ１Ａ',
  ...' *-_|·☆\u200b\u3000',
  '\u0000',
  '\u0007',
  '\ud86c\ude1c', // 𫘜, kept (CJK Extension)
  '\ud83d\ude00', // 😀, noise
  '\ud86c', // lone high surrogate
  '\ude1c', // lone low surrogate
);

describe('normalizeString', () => {
  it('equals the text of normalizeWithOffsets (its fast path for already-normal keywords included)', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const s = units.join('');
        expect(normalizeString(s, table)).toBe(normalizeWithOffsets(s, table).text);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a normal keyword as it is, and folds the others', () => {
    expect(normalizeString('色情网站', table)).toBe('色情网站');
    expect(normalizeString('法輪功', table)).toBe('法轮功');
    expect(normalizeString('色\u0000情', table)).toBe('色情');
  });
});

describe('buildNormTable', () => {
  it('lowers each unit as String.prototype.toLowerCase does alone (the table asks blocks at once)', () => {
    const caseless = (c: number) => (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xf8ff);
    const t = buildNormTable({ width: false, case: true, t2s: false, noise: false });
    const wrong: number[] = [];
    for (let c = 0x20; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      let m = c;
      if (c >= 0x41 && c <= 0x5a) m = c + 0x20;
      else if (c >= 0xc0 && !caseless(c)) {
        const lower = String.fromCharCode(c).toLowerCase();
        if (lower.length === 1) m = lower.charCodeAt(0);
      }
      if (t[c] !== m) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    // İ lowers to two units (kept), Σ alone to σ (not the final ς)
    expect(t[0x130]).toBe(0x130);
    expect(t[0x3a3]).toBe(0x3c3);
  });
});

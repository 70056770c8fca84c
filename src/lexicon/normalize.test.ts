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

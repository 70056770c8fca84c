import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from './matcher.js';
import type { LexiconEntry } from './types.js';

const e = (keyword: string, category = 'A.1.6', severity: 1 | 2 | 3 = 3): LexiconEntry => ({
  keyword,
  category,
  severity,
});

describe('compileLexicon', () => {
  const m = compileLexicon([e('色情'), e('法轮功', 'A.1.8'), e('性', 'A.1.6', 1), e('porn'), e('性交易')], {
    allow: ['性别'],
    pinyin: true,
  });

  it('reports matches at original offsets through noise, width, case and traditional forms', () => {
    const text = '免费色*情网站，法 輪 功，PORN 视频';
    const got = m.scan(text).map((x) => [x.keyword, x.text, text.slice(x.start, x.end)]);
    expect(got).toEqual([
      ['色情', '色*情', '色*情'],
      ['法轮功', '法 輪 功', '法 輪 功'],
      ['porn', 'PORN', 'PORN'],
    ]);
  });

  it('does not let a one-character keyword flag words that merely contain it', () => {
    for (const text of ['算法的透明性与公平性', '不得有性别歧视', '性价比很高'])
      expect(m.scan(text)).toEqual([]);
    expect(m.scan('他们在讨论性和暴力').map((x) => x.keyword)).toEqual(['性']);
  });

  it('respects ASCII word boundaries and matches pinyin variants', () => {
    expect(m.scan('pornography is a word; sporn too')).toEqual([]);
    const py = m.scan('找 se qing 网站');
    expect(py.map((x) => [x.keyword, x.variant, x.text])).toEqual([['色情', 'pinyin', 'se qing']]);
  });

  it('picks leftmost-longest in scan, all overlaps in findAll, and explains rejections', () => {
    expect(m.scan('性交易').map((x) => x.keyword)).toEqual(['性交易']);
    expect(
      m
        .findAll('性交易')
        .map((x) => x.keyword)
        .sort(),
    ).toEqual(['性', '性交易']);
    const why = m.explain('性别，色＊情');
    expect(why.map((x) => [x.keyword, x.rejected, x.steps])).toEqual([
      ['性', 'allow-list', []],
      ['色情', undefined, ['noise']],
    ]);
  });

  it('scan spans never overlap and lie inside the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('色', '情', '性', '交', '易', '别', ' ', '*', 'p', 'o', 'r', 'n'),
        }),
        (text) => {
          const got = m.scan(text);
          for (let i = 0; i < got.length; i++) {
            const g = got[i] as (typeof got)[number];
            expect(g.start).toBeGreaterThanOrEqual(0);
            expect(g.end).toBeLessThanOrEqual(text.length);
            if (i > 0) expect(g.start).toBeGreaterThanOrEqual((got[i - 1] as (typeof got)[number]).end);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

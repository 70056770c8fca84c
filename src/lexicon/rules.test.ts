import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from './matcher.js';
import { countedMatcher } from './rules.js';

describe('context rules', () => {
  const m = compileLexicon([
    { keyword: '疫情', category: 'A.1.7', severity: 3, context: ['颜色革命', '封锁'] },
    { keyword: '色情网站', category: 'A.1.6', severity: 3 },
  ]);
  const count = countedMatcher(m);
  it('count a hit only when every context word occurs in the record (normalised)', () => {
    expect(count('疫情期间大家注意防护')).toEqual([]);
    expect(count('疫情只是借口，封锁消息，搞颜色革命').map((m) => m.keyword)).toEqual(['疫情']);
    expect(count('疫情 顏色革命 封-锁').map((m) => m.keyword)).toEqual(['疫情']);
    expect(count('免费色情网站').map((m) => m.keyword)).toEqual(['色情网站']);
  });
});

describe('reporting cues', () => {
  const m = compileLexicon([
    { keyword: '买卖枪支', category: 'A.1.8', severity: 3 },
    { keyword: '网络赌博', category: 'A.1.8', severity: 3 },
  ]);
  const count = countedMatcher(m, { reportingCues: { window: 6, words: ['打击', '非法', '谨防'] } });
  it('do not count a hit right after a cue in the same clause', () => {
    expect(count('破获非法制造、买卖枪支案件')).toEqual([]);
    expect(count('严厉打击网络赌博')).toEqual([]);
    expect(count('出售枪支，买卖枪支找我').map((x) => x.keyword)).toEqual(['买卖枪支']);
    // a clause boundary cuts the cue off
    expect(count('我们反对非法，买卖枪支找我').map((x) => x.keyword)).toEqual(['买卖枪支']);
    // too far before the hit
    expect(count('打击一下下下下下下下下网络赌博').map((x) => x.keyword)).toEqual(['网络赌博']);
  });
});

describe('reporting cues (property)', () => {
  const words = ['打击', '非法', '谨'];
  const m = compileLexicon([
    { keyword: '枪支', category: 'A.1.8', severity: 3 },
    { keyword: '赌', category: 'A.1.8', severity: 3, boundary: 'none' },
  ]);
  const count = countedMatcher(m, { reportingCues: { window: 4, words } });
  /** the rule as written first: the text before the hit cut at its last clause end (a regular expression) */
  const afterCue = (text: string, start: number): boolean => {
    let before = text.slice(Math.max(0, start - 4 - 2), start);
    for (let k = before.length - 1; k >= 0; k--)
      if (/[。！？!?；;，,\n]/.test(before[k] as string)) {
        before = before.slice(k + 1);
        break;
      }
    return words.some((w) => {
      const at = before.lastIndexOf(w);
      return at >= 0 && before.length - (at + w.length) <= 4;
    });
  };
  it('keep exactly the hits that no cue precedes within the window and clause', () => {
    const unit = fc.constantFrom(
      '打击',
      '非法',
      '谨',
      '枪支',
      '赌',
      '枪',
      '。',
      '，',
      ',',
      '!',
      '\n',
      '；',
      'a',
      '中',
      '𫘜',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const want = m.scan(text).filter((x) => !afterCue(text, x.start));
        expect(count(text)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

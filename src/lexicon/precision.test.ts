import { describe, expect, it } from 'vitest';
import { parseTxtLibrary } from './library.js';
import { compileLexicon } from './matcher.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString, SEP } from './normalize.js';
import type { LexiconEntry } from './types.js';
import { keywordWarnings } from './warnings.js';

const e = (keyword: string, severity: 1 | 2 | 3 = 3): LexiconEntry => ({
  keyword,
  category: 'A.1.6',
  severity,
});
const found = (keywords: string[], text: string): string[] =>
  compileLexicon(keywords.map((k) => e(k)))
    .scan(text)
    .map((m) => m.text);
const table = buildNormTable(DEFAULT_NORMALIZE);

describe('engine precision (issue #12 point 3)', () => {
  it('keeps CJK characters outside the BMP as letters, emoji as noise', () => {
    expect(normalizeString('马𫘜', table)).toBe('马𫘜');
    expect(found(['马𫘜'], '他叫马𫘜。')).toEqual(['马𫘜']);
    expect(found(['马𫘜'], '马先生')).toEqual([]);
    expect(found(['𨳒'], '𨳒')).toEqual(['𨳒']);
    // an emoji between characters is still noise
    expect(found(['色情'], '色😀情')).toEqual(['色😀情']);
  });

  it('rejects control characters in keywords with file and line', () => {
    const lib = parseTxtLibrary('kw.txt', '#! category=A.1.6\nb\u007f\n正常词\n', new Set(['A.1.6']));
    expect(lib.entries.map((x) => x.keyword)).toEqual(['正常词']);
    expect(lib.issues).toEqual([
      {
        file: 'kw.txt',
        line: 2,
        path: 'keyword',
        message: expect.stringContaining('U+007F'),
        key: 'lexicon.issue.control',
        params: { code: '007F', keyword: 'b\uFFFD' },
      },
    ]);
  });

  it('never lets noise removal join digits', () => {
    expect(found(['65'], '增长6.5%')).toEqual([]);
    expect(found(['40='], '比分4-0')).toEqual([]);
    expect(found(['65'], '第65条')).toEqual(['65']);
    // a keyword written with a separator matches the usual separators
    expect(found(['6.4'], '6-4 与 6/4')).toEqual(['6-4', '6/4']);
    expect(normalizeString('6.4', table)).toBe(`6${String.fromCharCode(SEP)}4`);
  });

  it('does not join words across brackets', () => {
    expect(found(['博讯'], '来源(微博)讯')).toEqual([]);
    expect(found(['天图'], '20天(图)')).toEqual([]);
    expect(found(['博讯'], '博讯新闻')).toEqual(['博讯']);
  });

  it('checks word boundaries where traditional→simplified folding made the match', () => {
    expect(found(['阴道'], '山陰道士')).toEqual([]);
    expect(found(['阴道'], '陰道炎')).toEqual(['陰道']);
    expect(found(['法轮功'], '法 輪 功')).toEqual(['法 輪 功']);
    // noise joined two words: rejected; noise inside one word: kept
    expect(found(['色情'], '颜色 情况')).toEqual([]);
    expect(found(['色情'], '免费色*情网站')).toEqual(['色*情']);
  });

  it('warns about one-character keywords at load, naming the row', () => {
    const lib = parseTxtLibrary('kw.txt', '#! category=A.1.6\n日\n色*\n色情\n', new Set(['A.1.6']));
    const warnings = keywordWarnings(lib.entries, table);
    expect(warnings.map((w) => [w.file, w.line])).toEqual([
      ['kw.txt', 2],
      ['kw.txt', 3],
    ]);
    expect(warnings[0]?.message).toContain('one Chinese character');
    expect(warnings[0]?.key).toBe('lexicon.warn.oneChar');
  });
});

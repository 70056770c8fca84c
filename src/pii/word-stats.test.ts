import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWordStats, pack3, packHan } from './word-stats.js';

// A dictionary in jieba's shape (`word freq tag`), written here: ordinary words, person names (nr),
// a frequent "name" that is really a word, and lines the parser must skip.
const DICT = [
  '王国 2000 ns',
  '高度 3000 n',
  '明天 5000 t',
  '王明华 3 nr',
  '王丽 4 nr',
  '李丽华 2 nr',
  '李国强 2 nr',
  '文明 6000 nr',
  '星罗棋布 50 i',
  '科尔 124 nrt',
  '托雷斯 26 nr',
  '黎明 900 nr',
  '罕见词 1 n',
  'iPhone 30 eng',
  'broken line',
  '',
].join('\n');
const stats = buildWordStats(DICT, ['王', '李', '欧阳']);
const code = (c: string) => c.charCodeAt(0);

describe('word statistics from a jieba-shaped dictionary', () => {
  it('keeps ordinary words, including a frequent entry tagged as a name, and drops rare ones', () => {
    expect(stats.words2.has(packHan(code('王'), code('国')))).toBe(true);
    expect(stats.words2.has(packHan(code('文'), code('明')))).toBe(true);
    expect(stats.words2.has(packHan(code('王'), code('丽')))).toBe(false);
    expect(stats.words3.has(pack3(code('罕'), code('见'), code('词')))).toBe(false);
    expect(stats.words4.has('星罗棋布')).toBe(false); // holds no surname of the list
  });

  it('keeps the entries tagged as foreign names (2 characters) or persons (3), however frequent', () => {
    expect(stats.taggedPersons.has(packHan(code('科'), code('尔')))).toBe(true);
    expect(stats.taggedPersons.has(pack3(code('托'), code('雷'), code('斯')))).toBe(true);
    // a two-character nr entry is as often an ordinary word (黎明, 文明): not kept
    expect(stats.taggedPersons.has(packHan(code('黎'), code('明')))).toBe(false);
    expect(stats.taggedPersons.has(packHan(code('王'), code('国')))).toBe(false);
  });

  it('makes characters of names more name-like than characters of ordinary words', () => {
    expect(stats.given[code('丽')]).toBeGreaterThan(0);
    expect(stats.given[code('丽')]).toBeGreaterThan(stats.given[code('度')] ?? 0);
    expect(stats.surname[code('李')]).toBeGreaterThan(stats.surname[code('高')] ?? 0);
  });

  it('never throws and yields finite odds on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const s = buildWordStats(text, ['王']);
        for (const c of [...text].map(code)) {
          expect(Number.isFinite(s.given[c] ?? 0)).toBe(true);
          expect(Number.isFinite(s.surname[c] ?? 0)).toBe(true);
        }
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from './load.js';
import { buildWordStats, pack3, packHan } from './word-stats.js';
import {
  decodeWordStats,
  encodeWordStats,
  shareDictionaries,
  unshareDictionaries,
  wordStatsTag,
} from './word-stats-file.js';

// our own jieba-shaped lines (`word freq tag`)
const DICT = [
  '王国 2000 ns',
  '高度 3000 n',
  '王明华 3 nr',
  '李丽 4 nr',
  '星罗棋布 50 i',
  '王者归来 40 i',
].join('\n');
const code = (c: string) => c.charCodeAt(0);

describe('the word-statistics byte layout', () => {
  const stats = buildWordStats(DICT, ['王', '李']);

  it('decodes to statistics that answer every question as the built ones', () => {
    const bytes = encodeWordStats(stats, 'tag-1');
    expect(wordStatsTag(bytes)).toBe('tag-1');
    const back = decodeWordStats(bytes);
    expect(back).toBeDefined();
    expect(back?.words2.has(packHan(code('王'), code('国')))).toBe(true);
    expect(back?.words2.has(packHan(code('王'), code('丽')))).toBe(false);
    expect(back?.names.has(pack3(code('王'), code('明'), code('华')))).toBe(true);
    expect(back?.words4.has('王者归来')).toBe(true);
    expect(back?.given[code('丽')]).toBe(stats.given[code('丽')]);
    expect(back).toStrictEqual(stats);
  });

  it('reads a copy at an unaligned offset, and refuses bytes that are not such a file', () => {
    const bytes = encodeWordStats(stats, 't');
    const odd = new Uint8Array(bytes.length + 3);
    odd.set(bytes, 3);
    expect(decodeWordStats(odd.subarray(3))).toStrictEqual(stats);
    expect(decodeWordStats(new Uint8Array(16))).toBeUndefined();
    expect(decodeWordStats(bytes.subarray(0, bytes.length >> 1))).toBeUndefined();
    expect(wordStatsTag(new TextEncoder().encode('not a snapshot'))).toBeUndefined();
  });

  it('shares the dictionaries as worker data (structured-cloneable) and gets the same back', () => {
    const dicts = loadPiiDictionaries();
    const shared = structuredClone(shareDictionaries(dicts));
    expect(shared.bytes).toBeInstanceOf(SharedArrayBuffer);
    expect(unshareDictionaries(shared)).toStrictEqual(dicts);
  });
});

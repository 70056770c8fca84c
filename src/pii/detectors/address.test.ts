import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';

// Our own sentences in the shape of news and posts (never corpus text).
const registry = createDetectors(loadPiiDictionaries());
const found = (text: string) =>
  scanText(text, registry, { types: ['address'] }).map(
    (f) => `${text.slice(f.start, f.end)}:${f.confidence}`,
  );

describe('villages, estates and squares named without a cue', () => {
  it('takes a short name that stands alone, as possible only', () => {
    expect(found('两个项目分别是青禾村和石榴村。')).toEqual(['青禾村:possible', '石榴村:possible']);
    expect(found('紫荆广场的音乐喷泉很美')).toEqual(['紫荆广场:possible']);
  });

  it('drops the words of the sentence that run into the name', () => {
    expect(found('这个时候紫荆广场人很多')).toEqual(['紫荆广场:possible']);
  });

  it('does not take ordinary words that end in a place kind', () => {
    expect(found('他在农村长大，后来回到乡村，又住进度假村')).toEqual([]);
    expect(found('文化村是无法单独前往的')).toEqual([]);
    expect(found('园中的私家园林很有名')).toEqual([]);
  });

  it('takes no village or road out of a line of verse', () => {
    expect(found('柳暗孤村晚，风斜野渡寒。')).toEqual([]);
    expect(found('江边村事忙，稻熟满山冈。')).toEqual([]);
    expect(found('寒山石径路，落日远钟声。')).toEqual([]);
  });
});

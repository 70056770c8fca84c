import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';
import type { Finding } from '../types.js';
import {
  ACRONYM,
  ALL_CAPITALS,
  createTransliteratedNames,
  HAS_DIGIT,
  latinTokenShape,
} from './transliterated-name.js';

const dicts = loadPiiDictionaries();
const registry = createDetectors(dicts);
const names = (text: string): string[] =>
  scanText(text, registry, { types: ['person-name'] }).map((f) => f.value);
const alone = createTransliteratedNames(dicts);

// Invented sentences in the shape of news and posts (no corpus sentence).
/** A name the older rules found: `len` characters at `pos` (none in a text shorter than that). */
const priorName = (text: string, pos: number, len: number, score: number): Finding[] =>
  text.length >= len
    ? [
        {
          type: 'person-name',
          start: pos,
          end: Math.min(text.length, pos + len),
          value: text.slice(pos, pos + len),
          score,
          confidence: 'medium',
        },
      ]
    : [];

describe('transliterated foreign names (transliterated-name.ts)', () => {
  it('finds a run of transliteration characters with a word after it that people do', () => {
    expect(names('上一场，奥德里斯因伤缺阵')).toEqual(['奥德里斯']);
    expect(names('本场比赛，博纳维尔再度因伤缺阵')).toEqual(['博纳维尔']);
    expect(names('看来奥斯提诺执教的球队很难取胜')).toEqual(['奥斯提诺']);
    expect(names('展出了莫兰迪尼的《静物》')).toEqual(['莫兰迪尼']);
  });

  it('finds one after a role, and one whose surname ending is Slavic', () => {
    expect(names('球队新帅卡萨罗的战术很保守')).toEqual(['卡萨罗']);
    expect(names('，帕夫连科维奇将出任队长')).toContain('帕夫连科维奇');
  });

  it('finds the given name of a name cut off after its dot, and a Latin gloss beside it', () => {
    expect(names('收藏家老罗宾斯·')).toEqual(['罗宾斯']);
    // a name joined by a dot, with characters of common renderings (大卫, 伊丽莎白) and a Latin initial
    expect(names('昨天，伊丽莎白·莫兰出席')).toEqual(['伊丽莎白·莫兰']);
    expect(names('他和大卫•卢卡斯见面')).toEqual(['大卫•卢卡斯']);
    expect(names('演员约翰·Ｃ·莱利入围')).toEqual(['约翰·Ｃ·莱利']);
    // it replaces a shorter reading inside it (a bare given name after 艺术家)
    expect(names('英国艺术家达米恩·赫斯特的作品')).toEqual(['达米恩·赫斯特']);
    expect(names('《我的故事·我的歌》')).toEqual([]);
    expect(names('据报道，奥德里斯（marco')).toEqual(['奥德里斯', 'marco']);
    // after a name the older rules found, cut off before its closing bracket
    expect(names('签证官王德力（charles')).toEqual(['王德力', 'charles']);
  });

  it('finds Tibetan and Uyghur names with a cue or a dot', () => {
    expect(names('据介绍，卓嘎措姆缺席了比赛')).toEqual(['卓嘎措姆']);
    expect(names('来自拉萨的旺堆群培获得冠军')).toEqual(['旺堆群培']);
    expect(names('艾力·玉素甫在会上发言')).toEqual(['艾力·玉素甫']);
  });

  it('carries a name along a list in either direction', () => {
    // 两名 after the last item is the cue; 马蒂诺 and 罗宾逊 are read back along the list
    expect(names('主帅只能派出罗宾逊、马蒂诺和巴尔德斯两名替补')).toEqual(['罗宾逊', '马蒂诺', '巴尔德斯']);
  });

  it('reads three or more runs in a 、 list as people, unless they are places or clubs', () => {
    expect(names('后防线上，罗萨托、卡纳瓦、桑德罗表现出色')).toEqual(['罗萨托', '卡纳瓦', '桑德罗']);
    expect(names('切尔西、阿森纳、利物浦都在争夺')).toEqual([]);
    expect(names('美国、德国、法国')).toEqual([]);
  });

  it('finds a Latin handle after a role, not an acronym or a URL', () => {
    expect(names('赛后，著名解说Kurogane认为')).toContain('Kurogane');
    expect(names('著名解说CEO认为，访问www.example.com')).toEqual([]);
    // a handle with the real name after it, in brackets or after 原名
    expect(names('战队的Frost(王志成)表现出色')).toEqual(['Frost', '王志成']);
    expect(names('Kane原名刘一鸣，来自上海')).toEqual(['Kane', '刘一鸣']);
    // a given name and a surname run together with a particle
    expect(names('这本书由KevinMcAllister撰写')).toEqual(['KevinMcAllister']);
  });

  it('reports no place, club, firm, ordinary word or title of a work, even beside a cue', () => {
    for (const t of [
      '切尔西表示将上诉',
      '威廉希尔表示赔率不变',
      '哈哈表示很开心',
      '《纳米亚传奇：卡斯宾王子》上映',
      '米格－29战斗机完成了试飞',
      '主帅坎德拉岛上度假',
      '他们前往阿纳海姆会议中心参加活动',
    ])
      expect(names(t)).toEqual([]);
  });

  it('takes back what the older rules read there that is no person', () => {
    // a character in the title of a work, a bookmaker written with a dot, a word in brackets
    expect(names('他读完了《哈利·波特与魔法石》')).toEqual([]);
    expect(names('《萨维奇一家》上映')).toEqual([]);
    expect(names('威廉·希尔开出的赔率')).toEqual([]);
    expect(names('比赛在约翰·莫兰球场举行')).toEqual([]);
    expect(names('演员韩志远（blog）表示')).toEqual(['韩志远']);
    // a dotted name outside a title stays
    expect(names('他读完了哈利·波特的信')).toEqual(['哈利·波特']);
    // a dotted name with a place or firm as one part stays (only the whole firm, 威廉·希尔, goes)
    expect(names('演员杰克·福特出席')).toEqual(['杰克·福特']);
    expect(names('画家萨尔瓦多·莫兰的作品')).toEqual(['萨尔瓦多·莫兰']);
    expect(names('他读了约翰·林肯的信')).toEqual(['约翰·林肯']);
  });

  it('keeps one cue at medium, two cues at high, and finds the name again where it recurs', () => {
    const one = scanText('上一场，奥德里斯因伤缺阵', registry, { types: ['person-name'] });
    expect(one.map((f) => f.confidence)).toEqual(['medium']);
    expect(names('上一场，奥德里斯因伤缺阵。奥德里斯的状态')).toEqual(['奥德里斯', '奥德里斯']);
    const two = scanText('大师莫兰迪尼的《静物》', registry, { types: ['person-name'] });
    expect(two.map((f) => [f.value, f.confidence])).toEqual([['莫兰迪尼', 'high']]);
  });

  it('does nothing without its dictionary', () => {
    const { transliteration: _omit, ...rest } = dicts;
    expect(createTransliteratedNames(rest)('上一场，奥德里斯因伤缺阵', []).added).toEqual([]);
  });

  it('reads a very long run or many dots in one pass (a post of 哈哈哈…, a list of dotted names)', () => {
    expect(alone('哈'.repeat(200_000), []).added).toEqual([]);
    const many = '约翰·莫兰、'.repeat(20_000);
    expect(alone(many, []).added).toHaveLength(20_000);
  });

  it('never crashes, keeps spans inside the text and off what was found, and is deterministic', () => {
    const pieces = [
      ...'阿巴斯特罗尼奥科维奇·•-－.（()》《、和与及的，。'.split(''),
      '因伤缺阵',
      '主帅',
      '表示',
      '切尔西',
      '会议中心',
      'Grubby',
      '解说',
      'www',
      '12',
      ' ',
    ];
    const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(textArb, fc.nat(), (parts, cut) => {
        const text = parts.join('');
        const pos = text.length === 0 ? 0 : cut % text.length;
        const prior = priorName(text, pos, 2, 0.7);
        const r = alone(text, prior);
        const a = r.added;
        expect(alone(text, prior)).toEqual(r);
        for (const f of a) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.value).toBe(text.slice(f.start, f.end));
          // off what was found, or holding it whole (and then it gives way)
          for (const p of prior)
            if (f.start < p.end && p.start < f.end) {
              expect(f.start <= p.start && p.end <= f.end).toBe(true);
              expect(r.replaced.has(p)).toBe(true);
            }
        }
        for (const p of r.replaced) expect(prior).toContain(p);
        // no two of its spans overlap
        const sorted = [...a].sort((x, y) => x.start - y.start);
        for (let k = 1; k < sorted.length; k++)
          expect(sorted[k]?.start ?? 0).toBeGreaterThanOrEqual(sorted[k - 1]?.end ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('skips the list pass only where it would add nothing (no join beside any plain run)', () => {
    const reference = createTransliteratedNames(dicts, { listPrefilter: false });
    const pieces = [
      ...'阿巴斯特罗尼奥科维奇·、和与及同+＋/以，。'.split(''),
      '以及',
      '布丰',
      '格罗索',
      '马特拉齐',
      '主帅',
      '表示',
      'Grubby',
      'Hermes',
      'filip',
      '解说',
      '切尔西',
      ' ',
    ];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, fc.nat(), (text, cut) => {
        const pos = text.length === 0 ? 0 : cut % text.length;
        const prior = priorName(text, pos, 3, 0.8);
        expect(alone(text, prior)).toEqual(reference(text, prior));
      }),
      { numRuns: 600 },
    );
  });

  it('finds the same reading every character as every other one between runs', () => {
    // (single letters, dots of every kind, runs of one, two and many, titles of works, cues and
    // Latin words, in any order: where the skip lands next to a run, or on a dot, matters)
    const reference = createTransliteratedNames(dicts, { runSkip: false });
    const pieces = [
      ...'阿巴斯特罗尼奥科维奇·•‧・-－.□、和，。的是《》（(a1 '.split(''),
      '奥德里斯',
      '格罗索',
      '克·罗',
      '阿.斯',
      '主帅',
      '表示',
      '因伤缺阵',
      '（marco）',
      'Grubby',
      '解说',
      '切尔西',
      '阿斯特罗尼阿斯特罗尼阿斯特罗尼阿斯特罗尼阿斯特罗尼',
    ];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, fc.nat(), (text, cut) => {
        const pos = text.length === 0 ? 0 : cut % text.length;
        const prior = priorName(text, pos, 3, 0.8);
        expect(alone(text, prior)).toEqual(reference(text, prior));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same asking the word list every time as keeping its answers by pair', () => {
    // (two slots: pairs evict each other at most questions, as a text of many pairs would)
    const reference = createTransliteratedNames(dicts, { pairSlots: 0 });
    const tiny = createTransliteratedNames(dicts, { pairSlots: 2 });
    const pieces = [
      ...'阿巴斯特罗尼奥科维奇美国多达基本东西哈、和，。的是·'.split(''),
      '格罗索',
      '托雷斯',
      '科尔',
      '基金会',
      '主帅',
      '表示',
      '因伤缺阵',
    ];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const text of texts) {
          const want = reference(text, []);
          expect(alone(text, [])).toEqual(want);
          expect(tiny(text, [])).toEqual(want);
        }
      }),
      { numRuns: 400 },
    );
    expect(() => createTransliteratedNames(dicts, { pairSlots: 3 })).toThrow(RangeError);
  });

  it("reads a Latin token's shape as the regular expressions it replaced", () => {
    const token = fc
      .array(fc.constantFrom(..."ABZXaqz019’'中·".split('')), { maxLength: 12 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(token, token, token, (before, tok, after) => {
        const text = before + tok + after;
        const shape = latinTokenShape(text, before.length, before.length + tok.length);
        expect((shape & ACRONYM) !== 0).toBe(/^[A-Z]{1,3}[0-9]*$/.test(tok));
        expect((shape & ALL_CAPITALS) !== 0).toBe(/^[A-Z]+$/.test(tok));
        expect((shape & HAS_DIGIT) !== 0).toBe(/[0-9]/.test(tok));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads each text as if it were the first: nothing of an earlier text carries over', () => {
    // (it keeps its position mask between texts: a longer text read before, covered by names,
    // must leave nothing behind; so must a text too long for that buffer)
    const covering = (text: string): Finding[] =>
      text.length >= 2
        ? [
            {
              type: 'person-name',
              start: 0,
              end: text.length,
              value: text,
              score: 0.9,
              confidence: 'high',
            },
          ]
        : [];
    const pieces = [
      '奥德里斯',
      '因伤缺阵',
      '主帅',
      '、',
      '和',
      '·',
      '（marco',
      'Grubby',
      '解说',
      '，',
      '《',
      '》',
    ];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, textArb, fc.boolean(), (before, text, huge) => {
        const expected = createTransliteratedNames(dicts)(text, []);
        const first = huge ? `${before}${'阿'.repeat(70_000)}` : `${before}${before}${before}`;
        alone(first, covering(first));
        expect(alone(text, [])).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { DEFAULT_POLICY, redactText } from '../redact.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';
import type { Finding } from '../types.js';
import { packHan } from '../word-stats.js';

const dicts = loadPiiDictionaries();
const registry = createDetectors(dicts);
const TYPES = ['person-name', 'address'] as const;
const scan = (text: string): Finding[] => scanText(text, registry, { types: TYPES });

// Our own building blocks in the shape of real text (no corpus sentence): surnames and given-name
// characters from data/pii, cues a name or an address stands beside, ordinary words, digits.
const single = dicts.surnames.filter(
  (s) => s.length === 1 && !dicts.nameCues['ambiguous-surnames'].includes(s),
);
// the most name-like given characters (the first ones of data/pii/given-name-chars.txt): a name
// from the rest can be an ordinary word too (周一, 丁月), which the detector rightly leaves
const given = [...dicts.givenNameChars].filter((c) => !dicts.nameCues.stop.includes(c)).slice(0, 40);
const nameArb = fc
  .tuple(
    fc.constantFrom(...single.slice(0, 60)),
    fc.constantFrom(...given),
    fc.option(fc.constantFrom(...given), { nil: undefined }),
  )
  .map(([s, a, b]) => s + a + (b ?? ''));
const FRAGMENTS = [
  '记者',
  '副局长',
  '总裁',
  '表示',
  '认为',
  '说',
  '，',
  '。',
  '、',
  '的',
  '在',
  '位于',
  '北京市',
  '海淀区',
  '中关村大街',
  '27号',
  '3栋',
  '502室',
  '文汇路',
  '附近',
  '星港花园',
  '举行',
  '公司',
  '今天',
  '我们',
  '研究',
  '王国',
  '高度',
  '12',
  'abc',
  'Smith',
  ' ',
  '😀',
];
const fragmentArb = fc.oneof(fc.constantFrom(...FRAGMENTS), nameArb, fc.string({ maxLength: 3 }));
const textArb = fc.array(fragmentArb, { maxLength: 14 }).map((parts) => parts.join(''));
const recordSep = fc.constantFrom('\n', '\r\n', '\u2028', '\t\n');

describe('name and address detectors (property)', () => {
  it('report spans inside the text whose value is the slice, without overlaps, in order', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const found = scan(text);
        let last = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.value);
          last = f.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never report a span across a record boundary (line break between two records)', () => {
    fc.assert(
      fc.property(textArb, recordSep, textArb, (a, sep, b) => {
        const text = a + sep + b;
        for (const f of scan(text)) expect(/[\n\r\u2028]/.test(f.value), JSON.stringify(f.value)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('never run an address on into the next record (door number, line break, building)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('住址：北京市', '位于', '地址：上海市'),
        fc.constantFrom('中关村大街', '文汇路'),
        fc.integer({ min: 1, max: 99 }),
        recordSep,
        fc.constantFrom('3栋502室', '2单元', '附近', '星港花园'),
        (before, street, no, sep, next) => {
          const text = `${before}${street}${no}号${sep}${next}`;
          const found = scan(text);
          expect(found.some((f) => f.value.includes(`${street}${no}号`))).toBe(true);
          for (const f of found) expect(/[\n\r\u2028]/.test(f.value), JSON.stringify(f.value)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('find the same things whatever ASCII white space surrounds the text', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.stringMatching(/^[ \t\r\n]{0,4}$/),
        fc.stringMatching(/^[ \t\r\n]{0,4}$/),
        (text, pre, post) => {
          const core = text.trim();
          const plain = scan(core).map((f) => [f.type, f.start, f.end, f.confidence]);
          const padded = scan(pre + core + post).map((f) => [
            f.type,
            f.start - pre.length,
            f.end - pre.length,
            f.confidence,
          ]);
          expect(padded).toEqual(plain);
        },
      ),
      // a by-line read as a speaker's label only at a line's start once lost its name after a tab;
      // an unclosed Latin gloss at the text's end once lost its name before a line break
      {
        numRuns: 300,
        examples: [
          ['丁伟记者:', '\t', ''],
          ['丁伟(AA', '', '\r'],
        ],
      },
    );
  });

  it('find a generated name after a title and before a speech verb, and masking leaves none of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('记者', '副局长', '总裁', '主任'),
        nameArb,
        fc.constantFrom('表示', '认为', '说'),
        fc.constantFrom('', '今天', '。'),
        (title, name, verb, tail) => {
          // a name that is also an ordinary word (宁静, 周一) is rightly left: 记者周一表示 reads as
          // "the reporter said on Monday"
          const head = name.slice(0, 2);
          fc.pre(
            !dicts.commonWords.has(head) &&
              !dicts.words?.words2.has(packHan(head.charCodeAt(0), head.charCodeAt(1))),
          );
          const text = `${title}${name}${verb}${tail}`;
          const found = scan(text);
          const hit = found.find((f) => f.type === 'person-name' && f.start === title.length);
          expect(hit?.value, text).toBe(name);
          const out = redactText(text, found, { policy: DEFAULT_POLICY });
          expect(out.includes(name), `${text} → ${out}`).toBe(false);
          // the given characters never survive next to each other
          expect(out.includes(name.slice(1)), `${text} → ${out}`).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('find a Latin-script name led by a known given name in Chinese text, whole, and no lone English word', () => {
    const givenNames = [...dicts.latinGivenAlone].slice(0, 400);
    fc.assert(
      fc.property(
        fc.constantFrom(...givenNames),
        fc.option(fc.stringMatching(/^[A-Z][a-z]{2,9}$/), { nil: undefined }),
        fc.constantFrom('', ' '),
        fc.constantFrom('这部影片由', '据悉，', '我们和', '他的朋友'),
        fc.constantFrom('执导。', '负责编剧', '，', '也来了', ''),
        (first, last, gap, before, after) => {
          const name = last === undefined ? first : `${first}${gap}${last}`;
          const text = `${before}${name}${after}`;
          const hit = scan(text).find((f) => f.type === 'person-name' && f.start === before.length);
          expect(hit?.value, text).toBe(name);
          expect(hit?.confidence, text).not.toBe('possible');
        },
      ),
      { numRuns: 300 },
    );
    for (const word of ['Summer', 'Grace', 'Will', 'Moon'])
      expect(scan(`今年${word}版本上线`).filter((f) => f.type === 'person-name')).toEqual([]);
  });

  it('mask every address found, so its door number and street never reach the copy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '北京市', '上海市浦东新区', '广东省深圳市南山区'),
        fc.constantFrom('中关村大街', '文汇路', '长阳大街', '梨园南街'),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('', '3栋502室', '2单元'),
        (region, street, no, detail) => {
          const address = `${region}${street}${no}号${detail}`;
          const text = `住址：${address}，电话另告。`;
          const found = scan(text);
          expect(found.some((f) => f.type === 'address' && f.value.includes(`${street}${no}号`))).toBe(true);
          const out = redactText(text, found, { policy: DEFAULT_POLICY });
          expect(out.includes(`${street}${no}号`), `${text} → ${out}`).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

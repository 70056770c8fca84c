import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { ANCHOR, anchorMatches, createAddress, STREET, streetMatches } from './address.js';

// every character the street expression reads (Han runs, modifiers, street words, what may not
// follow), plus digits, Latin and punctuation that end a run
const alphabet = [...'文汇长阳东西南北中一二三十大道街胡同路巷弄线站口局人子牌知时办边头沿委A1，'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));
const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0]]);

describe('street names without a door number: the anchored search', () => {
  it('finds exactly the matches of running the expression over the whole text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(spans(streetMatches(t))).toEqual(spans(t.matchAll(STREET)));
      }),
      { numRuns: 3000 },
    );
  });

  it('also on long runs of Han characters before a street word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), text, (n, t) => {
        const s = `${'文'.repeat(n)}大道${t}胡同${'汇'.repeat(n)}路`;
        expect(spans(streetMatches(s))).toEqual(spans(s.matchAll(STREET)));
      }),
    );
  });
});

// the characters the door-number expression reads: ASCII and full-width digits, the hyphen, 号 弄
// and what may follow them (院 楼 堂), and characters that end a run
const anchorAlphabet = [...'0123456789０９-号弄院楼堂路A，'];
const anchorText = fc.array(fc.constantFrom(...anchorAlphabet), { maxLength: 60 }).map((a) => a.join(''));

describe('door numbers: the search from each 号 and 弄', () => {
  it('finds exactly the matches of running the expression over the whole text', () => {
    fc.assert(
      fc.property(anchorText, (t) => {
        expect([...anchorMatches(t)]).toEqual(
          [...t.matchAll(ANCHOR)].map((m) => [m.index, m.index + m[0].length]),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('also on long digit runs and hyphens before the anchor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 7 }),
        anchorText,
        (w, n, k, t) => {
          const s = `${'２'.repeat(w)}${'1'.repeat(n)}-${'3'.repeat(k)}号${t}${'4'.repeat(n)}-${'5'.repeat(k)}弄`;
          const expected = [...s.matchAll(ANCHOR)].map((m) => [m.index, m.index + m[0].length]);
          expect([...anchorMatches(s)]).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// Our own pieces in the shape of addresses in running text: regions, admin words, street and place
// names, kind words, details, list joiners, cues, verse-like clauses and noise.
const dicts = loadPiiDictionaries();
const address = createAddress(dicts);
const PIECES = [
  '上海',
  '福州',
  '朝阳区',
  '枫林街道',
  '青桐',
  '白鹭',
  '五一',
  '路',
  '大街',
  '街',
  '道',
  '村',
  '广场',
  '小区',
  '花园',
  '大厦',
  '苑',
  '8幢',
  '2单元',
  '12层',
  '3号门',
  '南侧',
  '路口',
  '号',
  '27',
  '地铁6号线',
  '站',
  '2号口',
  '一路',
  '向北',
  '、',
  '和',
  '与',
  '，',
  '。',
  '在',
  '位于',
  '家住',
  '附近',
  '营业部',
  '的',
  '这个时候',
  '柳暗孤村晚',
  '风斜野渡寒',
  '农村',
  'ab',
  ' ',
  '\n',
  // session 7: numbered street names, rooms, phases, zones, sides, exits, parks, hotels, lead words
  '2号',
  '308',
  '5-8楼',
  '三期',
  '二区',
  '两侧',
  '西边',
  '出口',
  '科技园',
  '饭店',
  '门口',
  '到达',
  '此次',
  '2008年',
];
const piecesText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 16 })
  .map((a) => a.join(''));
const streetName = fc.constantFrom('青桐', '白鹭', '松溪', '银杏', '枫林', '海棠');

describe('the address detector on address-shaped text (property)', () => {
  it('never throws, reports spans in bounds whose value is the slice, in order, without overlap', () => {
    fc.assert(
      fc.property(piecesText, (t) => {
        let last = 0;
        for (const f of address.detect(t)) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(f.start, f.end)).toBe(f.value);
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(1);
          last = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same text gives the same findings', () => {
    fc.assert(
      fc.property(piecesText, (t) => {
        expect(address.detect(t)).toEqual(address.detect(t));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same whatever white space or line break pads the text (verse clauses included)', () => {
    fc.assert(
      fc.property(
        piecesText,
        fc.stringMatching(/^[ \t\r\n]{0,3}$/),
        fc.stringMatching(/^[ \t\r\n]{0,3}$/),
        (t, pre, post) => {
          const core = t.trim();
          const plain = address.detect(core).map((f) => [f.start, f.end, f.score]);
          const padded = address
            .detect(pre + core + post)
            .map((f) => [f.start - pre.length, f.end - pre.length, f.score]);
          expect(padded).toEqual(plain);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds every street of a list after a locative cue, each whole', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(streetName, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('路', '大街'),
        fc.constantFrom('、', '和'),
        (names, kind, joiner) => {
          const streets = names.map((n) => n + kind);
          const text = `新店位于${streets.join(joiner)}附近。`;
          const values = address.detect(text).map((f) => f.value);
          for (const s of streets) expect(values, text).toContain(s);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the span of a street after a motion verb (property)', () => {
  it('starts at the street name, not inside the verb before it', () => {
    fc.assert(
      fc.property(
        streetName,
        fc.constantFrom('路', '大街'),
        fc.constantFrom('到达', '直达', '选择'),
        (n, kind, verb) => {
          const text = `我们${verb}${n}${kind}附近。`;
          expect(address.detect(text).map((f) => f.value)).toEqual([n + kind]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('session 7 span invariants (property)', () => {
  it('never reads a year, a price, an amount or a length after a building as its room', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.constantFrom('年', '元', '万', '米', '个', '%'),
        (n, unit) => {
          const text = `青桐路8号松溪大厦${n}${unit}以后`;
          for (const f of address.detect(text)) expect(f.value.includes(String(n)), text).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes a room number after a building up to its last digit, then stops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), (n) => {
        const text = `寄到青桐路8号松溪大厦${n}联系人王先生`;
        expect(address.detect(text).map((f) => f.value)).toEqual([`青桐路8号松溪大厦${n}`]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads a street named by its number as one span ending at its street word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('路', '大街', '街'), (n, kind) => {
        const text = `店开在白鹭经济技术开发区${n}号${kind}，`;
        expect(address.detect(text).map((f) => f.value)).toEqual([`白鹭经济技术开发区${n}号${kind}`]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a door number after a numbered street in the same span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 999 }), (s, n) => {
        const text = `白鹭经济技术开发区${s}号大街${n}号`;
        expect(address.detect(text).map((f) => f.value)).toEqual([text]);
      }),
      { numRuns: 100 },
    );
  });
});

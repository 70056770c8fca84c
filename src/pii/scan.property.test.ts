import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankCard, makeIdCard, makeUscc, SAMPLE_DIVISIONS } from './generate.js';
import { loadPiiDictionaries } from './load.js';
import { createDetectors } from './registry.js';
import { planScan, scanText } from './scan.js';
import { CONFIDENCE_ORDER, type Finding, PII_TYPES, type PiiType } from './types.js';

const registry = createDetectors(loadPiiDictionaries());

/**
 * The straightforward composition the planned scan must equal: every detector over the whole text
 * (no profile, no prefilter), then the greedy overlap rule written out as documented.
 */
function composed(text: string, types: readonly PiiType[] = PII_TYPES, min = 0): Finding[] {
  if (text.length === 0) return [];
  const all: Finding[] = [];
  for (const t of types)
    for (const f of registry[t].detect(text)) if (CONFIDENCE_ORDER[f.confidence] >= min) all.push(f);
  all.sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      PII_TYPES.indexOf(a.type) - PII_TYPES.indexOf(b.type) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Pieces of text in the shapes the detectors look at, and the characters around them. */
const piece = fc.oneof(
  fc.constantFrom(
    '张',
    '王',
    '李',
    '欧阳',
    '伟',
    '娜',
    '秀英',
    '记者',
    '表示',
    '说',
    '先生',
    '联系人：',
    '手机',
    '电话',
    '身份证',
    '卡号',
    '邮箱',
    '地址：',
    '北京市',
    '海淀区',
    '中关村大街',
    '路',
    '街',
    '号',
    '室',
    '栋',
    '订单号',
    '金额',
    '元',
    '的',
    '了',
    '之',
    '於',
    '們',
    '，',
    '。',
    '：',
    ' ',
    '-',
    '.',
    ':',
    '@',
    '/',
    '·',
    '（',
    '）',
    '(',
    ')',
    '+86 ',
    '0086-',
    '\u3000',
    '\n',
    '𠀀',
    '𡈽',
    '😀',
    '\uD800',
    'E',
    'G',
    'CA',
    'X',
    'ISBN',
    'Tel',
    'https://',
    '京A',
    '粤B·',
    '#',
    'ext.',
    '转',
  ),
  digits(1, 20),
  fc
    .record({
      div: fc.constantFrom(...SAMPLE_DIVISIONS),
      y: fc.integer({ min: 1940, max: 2010 }),
      s: fc.nat(999),
    })
    .map(({ div, y, s }) => makeIdCard(div, y, 1 + (s % 12), 1 + (s % 28), s)),
  fc.tuple(fc.constantFrom('3', '5', '8', '9'), digits(9, 9)).map(([b, d]) => `1${b}${d}`),
  digits(13, 13).map((d) => makeBankCard('622202', d, 19)),
  fc.array(fc.nat(30), { minLength: 9, maxLength: 9 }).map((o) => makeUscc('91', '110108', o)),
  fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9._]{0,8}$/),
      fc.constantFrom('example.com', 'mail.qq.com', '163.com'),
    )
    .map(([u, d]) => `${u}@${d}`),
  fc.constantFrom('192.168.1.10', '2001:db8::1', '00:1A:2B:3C:4D:5E', 'https://admin:pw@db.example.com'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const textArb = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('planScan (profile prefilters) equals the plain composition of the detectors', () => {
  it('on random texts of digits, identifiers, e-mails, CJK and supplementary-plane characters', () => {
    const scan = planScan(registry);
    fc.assert(
      fc.property(textArb, (text) => {
        expect(scan(text)).toEqual(composed(text));
      }),
      { numRuns: 600 },
    );
  });

  it('with a subset of types and a confidence floor', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.subarray([...PII_TYPES], { minLength: 1 }),
        fc.constantFrom('possible', 'medium', 'high') as fc.Arbitrary<'possible' | 'medium' | 'high'>,
        (text, types, level) => {
          expect(scanText(text, registry, { types, minConfidence: level })).toEqual(
            composed(text, types, CONFIDENCE_ORDER[level]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

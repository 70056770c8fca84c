import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankCard, makeIdCard, makeUscc, SAMPLE_DIVISIONS } from './generate.js';
import { loadPiiDictionaries } from './load.js';
import {
  DEFAULT_POLICY,
  maskValue,
  pseudonymOf,
  type RedactionPolicy,
  redactText,
  type Strategy,
} from './redact.js';
import { createDetectors } from './registry.js';
import { scanText } from './scan.js';

const registry = createDetectors(loadPiiDictionaries());
const KEY = new TextEncoder().encode('test-key-not-secret');
const policy = (strategy: Strategy): RedactionPolicy => ({ ...DEFAULT_POLICY, default: { strategy } });
const redact = (text: string, p: RedactionPolicy) =>
  redactText(text, scanText(text, registry), { policy: p, key: KEY });

describe('de-identification strategies', () => {
  it('masks keeping prefix/suffix and separators', () => {
    expect(maskValue({ type: 'cn-mobile', value: '13812345678' })).toBe('138****5678');
    expect(maskValue({ type: 'cn-mobile', value: '138 1234 5678' })).toBe('138 **** 5678');
    expect(
      maskValue(
        { type: 'cn-mobile', value: '13812345678' },
        { strategy: 'mask', keepPrefix: 0, keepSuffix: 2 },
      ),
    ).toBe('*********78');
    expect(maskValue({ type: 'email', value: 'zhang.wei@example.com' })).toBe('z********@example.com');
    expect(maskValue({ type: 'person-name', value: '欧阳娜娜' })).toBe('欧***');
    expect(maskValue({ type: 'url-credentials', value: 'https://admin:pw@db.example.com/x' })).toBe(
      'https://***@db.example.com/x',
    );
    expect(
      maskValue({ type: 'address', value: '北京市海淀区中关村大街27号', facts: { region: '北京市' } }),
    ).toBe('北京市***********');
  });

  it('tags, generalises birth date to year and address to city', () => {
    const id = makeIdCard('110101', 1990, 3, 7, 1);
    expect(redact(`身份证 ${id}`, policy('tag'))).toBe('身份证 [身份证]');
    expect(redact(`身份证 ${id}`, policy('generalise'))).toBe('身份证 [身份证·1990年生]');
    expect(redact('地址：广东省深圳市南山区科技园路88号3栋502室', policy('generalise'))).toBe(
      '地址：广东省深圳市',
    );
  });

  it('pseudonymises with a key: stable across formats, different across keys', () => {
    const a = pseudonymOf('cn-mobile', '+86 138 1234 5678', KEY);
    expect(pseudonymOf('cn-mobile', '13812345678', KEY)).toBe(a);
    expect(pseudonymOf('cn-mobile', '13812345679', KEY)).not.toBe(a);
    expect(pseudonymOf('cn-mobile', '13812345678', new TextEncoder().encode('other'))).not.toBe(a);
    expect(a).toMatch(/^\[手机号#[0-9a-f]{12}\]$/);
    expect(a).not.toContain('1234');
  });

  it('leaves findings below minConfidence in place and keeps the rest of the text', () => {
    const text = '说明：联系人张伟 13812345678，床前明月光';
    const out = redact(text, { ...DEFAULT_POLICY, minConfidence: 'high' });
    expect(out).toBe('说明：联系人张* 138****5678，床前明月光');
  });

  it('round trip: no high-confidence PII survives any strategy (property)', () => {
    const piece = fc.oneof(
      fc
        .record({
          y: fc.integer({ min: 1940, max: 2015 }),
          s: fc.integer({ min: 0, max: 999 }),
          d: fc.constantFrom(...SAMPLE_DIVISIONS),
        })
        .map(({ y, s, d }) => `身份证号码${makeIdCard(d, y, 1 + (s % 12), 1 + (s % 28), s)}`),
      fc.stringMatching(/^\d{13}$/).map((b) => `银行卡 ${makeBankCard('622202', b, 19)}`),
      fc.stringMatching(/^1[3-9]\d{9}$/).map((m) => `手机 ${m}`),
      fc
        .array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 })
        .map((o) => `信用代码 ${makeUscc('91', '110108', [21, ...o])}`),
      fc.constantFrom(
        '联系人：李秀英',
        '住址：上海市徐汇区漕溪北路18号',
        'ops@example.cn',
        '10.0.0.8',
        '粤B·D12345',
      ),
      fc.constantFrom('床前明月光，', '疑是地上霜。', '举头望明月，'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Strategy>('mask', 'tag', 'pseudonym', 'generalise'),
        (parts, s) => {
          const out = redact(parts.join('，'), policy(s));
          expect(scanText(out, registry, { minConfidence: 'high' })).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('maskValue without a regex per character', () => {
  // the composition it replaced, kept here as the reference
  const SEP = /[\s\-·•.:@/]/;
  const reference = (v: string, prefix0: number, suffix: number): string => {
    const chars = [...v];
    const counted = chars.filter((c) => !SEP.test(c)).length;
    let prefix = prefix0;
    if (prefix + suffix >= counted) prefix = Math.max(0, Math.min(prefix, counted - suffix - 1));
    let seen = 0;
    return chars
      .map((c) => {
        if (SEP.test(c)) return c;
        const i = seen++;
        return i < prefix || i >= counted - suffix ? c : '*';
      })
      .join('');
  };
  it('masks exactly as the per-character regex did, white space and astral characters included', () => {
    const ch = fc.constantFrom(...('张三1 -·•.:@/\t\u3000\u00a0\u2005\ufeffaX𠀋😀'.match(/[\s\S]/gu) ?? []));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 20 }), fc.nat(4), fc.nat(4), (cs, p, x) => {
        const value = cs.join('');
        expect(
          maskValue({ type: 'cn-landline', value }, { strategy: 'mask', keepPrefix: p, keepSuffix: x }),
        ).toBe(reference(value, p, x));
      }),
    );
  });
  it('treats every UTF-16 code as the regex did', () => {
    for (let c = 0; c < 0x10000; c++) {
      const value = `ab${String.fromCharCode(c)}cd`;
      const want = reference(value, 1, 1);
      const got = maskValue(
        { type: 'cn-landline', value },
        { strategy: 'mask', keepPrefix: 1, keepSuffix: 1 },
      );
      if (got !== want) expect({ c, got }).toEqual({ c, got: want });
    }
  });
});

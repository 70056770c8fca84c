import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import type { FilingKindId } from '../kb/schema.js';
import { canonicalFilingNumber, numberIssues, validateFilingNumber } from './filing-number.js';

const kb = loadKb();
const kind = (id: FilingKindId) => kb.filingKinds.find((k) => k.id === id)!;
const check = (id: FilingKindId, raw: string) => validateFilingNumber(kind(id), raw);
const normalised = (id: FilingKindId, raw: string) => {
  const r = check(id, raw);
  return r.ok ? r.normalised : undefined;
};

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('algorithm filing numbers (网信算备 + 21 digits + 号)', () => {
  it('accepts the published example and its display forms, storing the canonical one', () => {
    const canonical = '网信算备110108823483901230031号';
    for (const raw of [
      canonical,
      '网信算备：110108823483901230031号',
      '备案号：网信算备110108823483901230031号',
      '网信算备110108823483901230031',
      fullWidth('网信算备110108823483901230031号'),
      ' 网信算备 110108823483901230031 号 ',
    ])
      expect(normalised('algorithm-filing', raw), raw).toBe(canonical);
  });

  it('property: any 21 digits in any display form normalise to the canonical number', () => {
    const form = fc.constantFrom(
      (d: string) => `网信算备${d}号`,
      (d: string) => `网信算备：${d}号`,
      (d: string) => `备案号：网信算备${d}号`,
      (d: string) => `网信算备${d}`,
      (d: string) => fullWidth(`网信算备${d}号`),
      (d: string) => `备案编号:网信算备 ${d} 号`,
    );
    fc.assert(
      fc.property(digits(21), form, (d, f) => {
        expect(normalised('algorithm-filing', f(d))).toBe(`网信算备${d}号`);
        // canonical is a fixed point
        expect(canonicalFilingNumber(`网信算备${d}号`)).toBe(`网信算备${d}号`);
      }),
    );
  });

  it('property: any other number of digits is rejected', () => {
    const len = fc.integer({ min: 1, max: 30 }).filter((n) => n !== 21);
    fc.assert(
      fc.property(len.chain(digits), (d) => {
        expect(check('algorithm-filing', `网信算备${d}号`).ok).toBe(false);
      }),
    );
  });
});

describe('generative-AI filing and registration numbers', () => {
  const shapes = [
    'Beijing-YunQue-20230821',
    'Beijing-DeepseekChat-202404280016',
    'Jiangsu-CarrotAI-202407030002',
    'Guangdong-Plaud-20251229S0027',
    'ZhongYangQiYe-ShuZhiRen-202501150003',
  ];
  it('accepts the published shapes for both kinds: the kind comes from the record', () => {
    for (const n of shapes) {
      expect(check('genai-filing', n).ok, n).toBe(true);
      expect(check('genai-registration', n).ok, n).toBe(true);
      expect(check('algorithm-filing', n).ok, n).toBe(false);
    }
    expect(check('genai-filing', '网信算备110108823483901230031号').ok).toBe(false);
  });

  it('rejects impossible dates and odd serials', () => {
    for (const n of [
      'Beijing-X-20231321',
      'Beijing-X-20230800',
      'Beijing-X-2023082',
      'Beijing-X-20230821S27',
      'beijing-X-20230821',
    ])
      expect(check('genai-filing', n).ok, n).toBe(false);
  });

  it('property: Province-Name-date[S]serial is accepted, with full-width digits and a label', () => {
    const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,12}$/);
    const province = fc.constantFrom('Beijing', 'Shanghai', 'Guangdong', 'Zhejiang', 'ZhongYangQiYe');
    const date = fc
      .date({ min: new Date('2023-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
    const serial = fc.option(
      fc.tuple(fc.boolean(), digits(4)).map(([s, d]) => `${s ? 'S' : ''}${d}`),
      { nil: '' },
    );
    fc.assert(
      fc.property(province, name, date, serial, (p, n, d, s) => {
        const canonical = `${p}-${n}-${d}${s}`;
        expect(normalised('genai-registration', canonical)).toBe(canonical);
        expect(normalised('genai-filing', `备案号：${fullWidth(canonical)}`)).toBe(canonical);
      }),
    );
  });
});

describe('numbers recorded in beian.yaml', () => {
  it('names the field of a number that does not fit the kind its place gives it', () => {
    const services = [
      {
        answers: { model: { source: 'third-party-api', filingNumber: 'Beijing-DeepseekChat-202404280016' } },
        algorithms: [{ filingNumber: '网信算备1101088234839012300号' }],
        registration: { number: 'Guangdong-Plaud-20251229S0027' },
      },
    ];
    expect(numberIssues(services, kb.filingKinds, 'beian.yaml')).toEqual([
      expect.objectContaining({ path: 'services[0].algorithms[0].filingNumber' }),
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDetectors,
  DEFAULT_POLICY,
  loadPiiDictionaries,
  makeBankCard,
  makeIdCard,
  planScan,
  SAMPLE_DIVISIONS,
} from '../../pii/index.js';
import { processBlock, type Scanner } from './process-block.js';

const registry = createDetectors(loadPiiDictionaries());
const highOnly = planScan(registry, { minConfidence: 'high' });
const all = planScan(registry);

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** values a record may hold, alone or inside Chinese text */
const value = fc.oneof(
  fc
    .record({
      div: fc.constantFrom(...SAMPLE_DIVISIONS),
      y: fc.integer({ min: 1950, max: 2005 }),
      s: fc.nat(999),
    })
    .map(({ div, y, s }) => makeIdCard(div, y, 1 + (s % 12), 1 + (s % 28), s)),
  fc.tuple(fc.constantFrom('3', '5', '8', '9'), digits(9)).map(([b, d]) => `1${b}${d}`),
  digits(13).map((d) => makeBankCard('622202', d, 19)),
  fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/).map((u) => `${u}@example.com`),
  fc.constantFrom(
    '联系人：张伟',
    '记者唐曜华表示',
    '北京市海淀区中关村大街27号3栋502室',
    '普通的一句话',
    '床前明月光',
  ),
);
const text = fc
  .array(fc.oneof(value, fc.constantFrom('，', '。', '手机', '身份证号：', '卡号', '邮箱 ', ' ', '的')), {
    maxLength: 8,
  })
  .map((p) => p.join(''));
/** a record with personal information in any field: nested, in arrays, as a number, as a key */
const record: fc.Arbitrary<Record<string, unknown>> = fc.record({
  id: fc.nat(),
  text,
  phone: fc.oneof(
    text,
    fc.tuple(fc.constantFrom('3', '8'), digits(9)).map(([b, d]) => Number(`1${b}${d}`)),
  ),
  meta: fc.record({ contact: text, tags: fc.array(text, { maxLength: 3 }) }),
  byPhone: fc.dictionary(value, fc.nat(), { maxKeys: 2 }),
});

/** every text in a parsed record: string leaves, integers, keys */
function texts(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      texts(x, out);
    }
  return out;
}

describe('redaction covers the whole record', () => {
  it('leaves no detectable value in any field, and no value found in the input appears raw in the output', () => {
    const scanner: Scanner = { registry, options: { redact: true, policy: DEFAULT_POLICY, findings: false } };
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        const input = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
        const r = processBlock(scanner, {
          kind: 'lines',
          file: 'r.jsonl',
          format: 'jsonl',
          encoding: 'utf8',
          firstLine: 1,
          bytes: new TextEncoder().encode(input),
        });
        expect(r.residualHigh).toBe(0);
        const lines = (r.out ?? '').split('\n').slice(0, -1);
        expect(lines).toHaveLength(records.length);
        for (const [i, line] of lines.entries()) {
          for (const t of texts(JSON.parse(line))) expect(highOnly(t)).toEqual([]);
          for (const t of texts(records[i]))
            for (const f of all(t)) if (f.confidence === 'high') expect(line).not.toContain(f.value);
        }
      }),
      {
        numRuns: 150,
        examples: [
          // seed 593 (1 run in ~250 at numRuns 150): an e-mail glued to digits shows no e-mail in the
          // value, so only the key's finding can mask it there; it was not shared with the values
          [
            [
              {
                id: 0,
                text: '',
                phone: '',
                meta: { contact: 'w3k@example.com110101195001010009', tags: [] },
                byPhone: { 'w3k@example.com': 0 },
              },
            ],
          ],
          // the other way: a key that shows nothing alone holds an ID card found in a value
          [
            [
              {
                id: 0,
                text: '身份证号：110101195001010009',
                phone: '',
                meta: { contact: '', tags: [] },
                byPhone: { 'w3k@example.com110101195001010009': 0 },
              },
            ],
          ],
        ],
      },
    );
  });
});

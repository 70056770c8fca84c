import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardChecksumOk, luhnOk, USCC_CHARS, usccChecksumOk } from './checksums.js';
import { makeBankCard, makeIdCard, makeUscc, mutateLast, SAMPLE_DIVISIONS } from './generate.js';
import { loadPiiDictionaries } from './load.js';
import { createDetectors } from './registry.js';
import { scanText } from './scan.js';

const registry = createDetectors(loadPiiDictionaries());
const CONTEXTS = ['', '用户资料：', '他说 ', '😀 '];

const idArb = fc
  .record({
    division: fc.constantFrom(...SAMPLE_DIVISIONS),
    date: fc.date({
      min: new Date('1930-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ division, date, seq }) =>
    makeIdCard(division, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), seq),
  );
const cardArb = fc
  .record({
    bin: fc.constantFrom('622202', '622848', '621700', '625965', '436742', '512345', '601100'),
    body: fc.stringMatching(/^\d{13}$/),
    length: fc.constantFrom(16 as const, 19 as const),
  })
  .map(({ bin, body, length }) => makeBankCard(bin, body, /^(62|4)/.test(bin) ? length : 16));
const usccArb = fc
  .record({
    head: fc.constantFrom('91', '92', '93', '12', '51', '52', 'Y1'),
    division: fc.constantFrom(...SAMPLE_DIVISIONS),
    org: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 }),
  })
  .map(({ head, division, org }) => makeUscc(head, division, [10 + ((org[0] ?? 0) % 21), ...org.slice(1)]));

describe('generated identifiers (property)', () => {
  it('every valid resident ID is found at high confidence, in any context', () => {
    fc.assert(
      fc.property(idArb, fc.constantFrom(...CONTEXTS), (id, ctx) => {
        expect(idCardChecksumOk(id)).toBe(true);
        const text = `${ctx}${id}。`;
        const hit = scanText(text, registry).find((f) => f.value === id);
        expect(hit?.type).toBe('cn-id-card');
        expect(hit?.confidence).toBe('high');
      }),
    );
  });

  it('a mutated ID check digit is "possible" or not reported', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 9 }), (id, shift) => {
        const bad = mutateLast(id, '0123456789X', shift);
        for (const f of registry['cn-id-card'].detect(`号码 ${bad}`)) expect(f.confidence).toBe('possible');
      }),
    );
  });

  it('every valid bank card is found at high confidence, grouped or not', () => {
    fc.assert(
      fc.property(cardArb, fc.boolean(), (card, grouped) => {
        expect(luhnOk(card)).toBe(true);
        const shown = grouped ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
        const hit = scanText(`卡号 ${shown}`, registry).find((f) => f.value === shown);
        expect(hit?.type).toBe('bank-card');
        expect(hit?.confidence).toBe('high');
      }),
    );
  });

  it('a mutated card check digit is "possible" or not reported', () => {
    fc.assert(
      fc.property(cardArb, fc.integer({ min: 0, max: 8 }), (card, shift) => {
        const bad = mutateLast(card, '0123456789', shift);
        for (const f of registry['bank-card'].detect(`卡号 ${bad}`)) expect(f.confidence).toBe('possible');
        expect(registry['bank-card'].detect(`见 ${bad}`)).toEqual([]);
      }),
    );
  });

  it('every valid USCC is found; a mutated check character is "possible" or not reported', () => {
    fc.assert(
      fc.property(usccArb, fc.integer({ min: 0, max: 29 }), (code, shift) => {
        expect(usccChecksumOk(code)).toBe(true);
        const hit = scanText(`统一社会信用代码 ${code}`, registry).find((f) => f.value === code);
        expect(hit?.type).toBe('cn-uscc');
        expect(hit?.confidence).toBe('high');
        const bad = mutateLast(code, USCC_CHARS, shift);
        expect(usccChecksumOk(bad)).toBe(false);
        for (const f of registry['cn-uscc'].detect(`信用代码 ${bad}`)) expect(f.confidence).toBe('possible');
      }),
    );
  });

  it('knows the published check characters', () => {
    expect(idCardChecksumOk('11010519491231002X')).toBe(true);
    expect(luhnOk('4111111111111111')).toBe(true);
    expect(luhnOk('4111111111111112')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankCard, makeIdCard } from '../generate.js';
import { loadPiiDictionaries } from '../load.js';
import { DEFAULT_POLICY, redactText } from '../redact.js';
import { createDetectors } from '../registry.js';
import { scanText } from '../scan.js';

// Identifiers written with no space between them, as they are in scraped text and in records
// whose fields were concatenated: an e-mail's top-level domain (letters only) ends where digits begin.
const registry = createDetectors(loadPiiDictionaries());
const spans = (text: string) =>
  scanText(text, registry).map((f) => [f.type, text.slice(f.start, f.end)] as const);

describe('an e-mail glued to a number', () => {
  it('finds both the e-mail and the ID number after it', () => {
    expect(spans('abc@163.com110101195001010009')).toEqual([
      ['email', 'abc@163.com'],
      ['cn-id-card', '110101195001010009'],
    ]);
  });

  it('finds a mobile and a bank card after an e-mail too', () => {
    const card = makeBankCard('622202', '1234567890123', 19);
    expect(spans(`联系邮箱w3k@example.com13812345678`)).toEqual([
      ['email', 'w3k@example.com'],
      ['cn-mobile', '13812345678'],
    ]);
    expect(spans(`卡号 user@mail.example.cn${card}`)).toEqual([
      ['email', 'user@mail.example.cn'],
      ['bank-card', card],
    ]);
  });

  it('leaves neither raw when redacted', () => {
    const text = '邮箱abc@163.com110101195001010009，请核对';
    const out = redactText(text, scanText(text, registry), { policy: DEFAULT_POLICY });
    expect(out).not.toContain('abc@163.com');
    expect(out).not.toContain('110101195001010009');
    expect(out).not.toMatch(/\d{8}/);
  });

  it('property: any e-mail then any valid ID number, both found whole', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
        fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
        fc.constantFrom('com', 'cn', 'net', 'org'),
        fc.integer({ min: 1950, max: 2005 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 998 }),
        (user, host, tld, y, m, d, seq) => {
          const email = `${user}@${host}.${tld}`;
          const id = makeIdCard('110105', y, m, d, seq);
          expect(spans(`${email}${id}`)).toEqual([
            ['email', email],
            ['cn-id-card', id],
          ]);
        },
      ),
    );
  });

  it('still reads letters glued before a number as a token, not as an e-mail end', () => {
    // no @: an order or serial token; the ID and card detectors keep refusing it
    expect(spans('SN110101195001010009').filter(([t]) => t === 'cn-id-card')).toEqual([]);
    expect(spans('abc.com110101195001010009').filter(([t]) => t === 'cn-id-card')).toEqual([]);
  });
});

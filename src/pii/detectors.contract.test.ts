import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, LOOK_ALIKES } from './detectors/examples.test-data.js';
import { loadPiiDictionaries } from './load.js';
import { createDetectors } from './registry.js';
import { confidenceOf, PII_TYPES } from './types.js';

const registry = createDetectors(loadPiiDictionaries());

/** The one contract every detector passes (ARCHITECTURE.md §6). */
describe.each(PII_TYPES)('detector contract: %s', (type) => {
  const detector = registry[type];
  const ex = EXAMPLES[type];

  it('is registered under its own type', () => {
    expect(detector.type).toBe(type);
  });

  it('finds every positive in context with exact UTF-16 offsets (after an astral emoji)', () => {
    for (const value of ex.positives) {
      for (const ctx of ex.contexts ?? ['']) {
        const text = `😀前文。${ctx}${value}，后文。`;
        const found = detector.detect(text).filter((f) => f.type === type);
        const hit = found.find((f) => text.slice(f.start, f.end) === value);
        expect(hit, `${type} should find ${value} in "${text}"`).toBeDefined();
        expect(hit?.start).toBe(text.indexOf(value));
        expect(hit?.value).toBe(value);
      }
    }
  });

  it('reports nothing on its negatives', () => {
    for (const value of ex.negatives) {
      const text = `说明：${value}。`;
      expect(detector.detect(text), `${type} on "${text}"`).toEqual([]);
    }
  });

  it('reports nothing on look-alikes (order numbers, timestamps, prices, ISBNs, verse)', () => {
    for (const text of LOOK_ALIKES) expect(detector.detect(text), `${type} on "${text}"`).toEqual([]);
  });

  it('returns nothing for empty text and is deterministic across calls (no regex state leaks)', () => {
    expect(detector.detect('')).toEqual([]);
    const text = `${ex.contexts?.[0] ?? ''}${ex.positives[0]} 与 ${ex.contexts?.[0] ?? ''}${ex.positives.at(-1)}`;
    const first = detector.detect(text);
    expect(detector.detect(text)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it('returns well-formed findings on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...ex.positives), (noise, value) => {
        const text = `${noise} ${ex.contexts?.[0] ?? ''}${value} ${noise}`;
        for (const f of detector.detect(text)) {
          expect(f.type).toBe(type);
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.value).toBe(text.slice(f.start, f.end));
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(1);
          expect(f.confidence).toBe(confidenceOf(f.score));
        }
      }),
      { numRuns: 60 },
    );
  });
});

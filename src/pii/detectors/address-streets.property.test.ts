import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STREET, streetMatches } from './address.js';

// every character the street expression reads (Han runs, modifiers, street words, what may not
// follow), plus digits, Latin and punctuation that end a run
const alphabet = [...'文汇长阳东西南北中一二三十大道街胡同路巷弄线站口局人子牌知时A1，'];
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

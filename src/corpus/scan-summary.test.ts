import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { emptyTally } from './audit.js';
import { summariseTally } from './scan-summary.js';

const kb = loadKb();
const opts = { fraction: 0.1, seed: 1, topKeywords: 2 };

describe('summariseTally', () => {
  it('fails an empty sample: no evidence is not a pass', () => {
    expect(summariseTally(kb, emptyTally(), opts).verdict).toBe('fail');
  });

  it('passes a clean sample and fails one over the KB limit', () => {
    const clean = { ...emptyTally(), records: 100, sample: { size: 100, flagged: 0 } };
    expect(summariseTally(kb, clean, opts).verdict).toBe('pass');
    const dirty = { ...emptyTally(), records: 100, sample: { size: 100, flagged: 50 } };
    const s = summariseTally(kb, dirty, opts);
    expect(s.verdict).toBe('fail');
    expect(s.sample.ci[0]).toBeLessThan(0.5);
    expect(s.sample.ci[1]).toBeGreaterThan(0.5);
  });

  it('keeps the top keywords by hits, ties by name', () => {
    const t = { ...emptyTally(), byKeyword: { b: 2, a: 2, c: 5 } };
    expect(summariseTally(kb, t, opts).topKeywords).toEqual([
      { keyword: 'c', hits: 5 },
      { keyword: 'a', hits: 2 },
    ]);
  });
});

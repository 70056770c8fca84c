import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { emptyTally } from './audit.js';
import { summariseTally } from './scan-summary.js';

const kb = loadKb();
const opts = { fraction: 0.1, seed: 1, topKeywords: 2 };

describe('summariseTally', () => {
  it('fails an empty input with the reason `empty`: no evidence is not a pass', () => {
    expect(summariseTally(kb, emptyTally(), opts)).toMatchObject({
      verdict: 'fail',
      verdictReasons: ['empty'],
    });
  });

  it('decides on the full scan, not the sample: a clean sample does not hide a dirty corpus', () => {
    const clean = { ...emptyTally(), records: 100, flagged: 1, sample: { size: 10, flagged: 0 } };
    expect(summariseTally(kb, clean, opts)).toMatchObject({ verdict: 'pass', verdictReasons: [] });
    const dirty = { ...emptyTally(), records: 100, flagged: 50, sample: { size: 10, flagged: 0 } };
    const s = summariseTally(kb, dirty, opts);
    expect(s).toMatchObject({ verdict: 'fail', verdictReasons: ['pass-rate'], threshold: { passRate: 0.5 } });
    expect(s.sample.rate).toBe(0);
  });

  it('fails when one source is over its maximum even if the whole corpus passes', () => {
    const t = {
      ...emptyTally(),
      records: 1000,
      flagged: 6,
      bySource: { forum: { records: 20, flagged: 6 }, news: { records: 980, flagged: 0 } },
    };
    const s = summariseTally(kb, t, opts);
    expect(s.threshold.passRate).toBeCloseTo(0.994);
    expect(s).toMatchObject({ verdict: 'fail', verdictReasons: ['source:forum'] });
    expect(s.sources.find((x) => x.source === 'forum')?.overThreshold).toBe(true);
  });

  it('keeps the top keywords by hits, ties by name', () => {
    const t = { ...emptyTally(), byKeyword: { b: 2, a: 2, c: 5 } };
    expect(summariseTally(kb, t, opts).topKeywords).toEqual([
      { keyword: 'c', hits: 5 },
      { keyword: 'a', hits: 2 },
    ]);
  });
});

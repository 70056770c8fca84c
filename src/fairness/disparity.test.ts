import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDisparity, DisparityAccumulator, type DisparityParams, exposureOf } from './disparity.js';
import { createRng } from './rng.js';

const params: DisparityParams = {
  diMin: 0.8,
  alpha: 0.05,
  minGroup: 30,
  eodMaxAbs: 0.1,
  exposureMin: 0.8,
  ciLevel: 0.95,
};

function fill(
  acc: DisparityAccumulator,
  group: string,
  n: number,
  positives: number,
  labelled = 0,
  tp = 0,
): void {
  for (let i = 0; i < n; i++) {
    const label = i < labelled;
    // the first `tp` labelled rows are positive, then the rest of the positives among the unlabelled
    const outcome = label ? i < tp : i - labelled < positives - tp;
    acc.add([group], outcome, label);
  }
}

describe('outcome disparity (hand-computed)', () => {
  it('SPD −0.3, DI 0.5 and EOD −0.4 for 30/100 vs 60/100 with TPR 20/50 vs 40/50', () => {
    const acc = new DisparityAccumulator(['gender']);
    fill(acc, 'A', 100, 60, 50, 40);
    fill(acc, 'B', 100, 30, 50, 20);
    const r = analyseDisparity(acc, params);
    const a = r.attributes[0]!;
    expect(a.reference).toBe('A');
    const by = (m: string) => a.comparisons.find((c) => c.metric === m)!;
    expect(by('statistical-parity').value).toBeCloseTo(-0.3, 12);
    expect(by('disparate-impact').value).toBeCloseTo(0.5, 12);
    expect(by('equal-opportunity').value).toBeCloseTo(-0.4, 12);
    expect(r.flags.map((f) => f.metric).sort()).toEqual(['disparate-impact', 'equal-opportunity']);
  });

  it('a DI of 0.9 is not flagged, however significant; small groups are never compared', () => {
    const acc = new DisparityAccumulator(['g']);
    fill(acc, 'A', 10000, 5000);
    fill(acc, 'B', 10000, 4500);
    fill(acc, 'tiny', 10, 0);
    const r = analyseDisparity(acc, params);
    expect(r.flags).toEqual([]);
    expect(r.attributes[0]!.groups.find((g) => g.group === 'tiny')!.small).toBe(true);
    expect(r.attributes[0]!.comparisons.some((c) => c.group === 'tiny')).toBe(false);
  });

  it('exposure: rank 1 weighs 1, rank 3 weighs 0.5; a group always ranked 3rd has exposure ratio 0.5', () => {
    expect(exposureOf(1)).toBe(1);
    expect(exposureOf(3)).toBe(0.5);
    const acc = new DisparityAccumulator(['region']);
    for (let i = 0; i < 50; i++) {
      acc.add(['north'], undefined, undefined, i % 2 === 0 ? 1 : 2);
      acc.add(['south'], undefined, undefined, i % 2 === 0 ? 3 : 7);
    }
    const r = analyseDisparity(acc, params);
    const e = r.attributes[0]!.comparisons.find((c) => c.metric === 'exposure')!;
    const north = (1 + 1 / Math.log2(3)) / 2;
    const south = (0.5 + 1 / 3) / 2;
    expect(e.value).toBeCloseTo(south / north, 12);
    expect(r.flags.map((f) => f.metric)).toEqual(['exposure']);
    const shares = r.attributes[0]!.groups.map((g) => g.exposureShare!);
    expect(shares[0]! + shares[1]!).toBeCloseTo(1, 12);
  });
});

function simulate(seed: number, rows: number, womenFactor: number): DisparityAccumulator {
  const rng = createRng(seed);
  const acc = new DisparityAccumulator(['gender', 'region']);
  for (let i = 0; i < rows; i++) {
    const woman = rng.next() < 0.5;
    const label = rng.next() < 0.6;
    const p = (label ? 0.8 : 0.2) * (woman ? womenFactor : 1);
    acc.add([woman ? 'F' : 'M', `R${rng.int(8)}`], rng.next() < p, label, 1 + rng.int(20));
  }
  return acc;
}

describe('outcome disparity (properties)', () => {
  it('identical outcome distributions → no flag, across attributes with many groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        expect(analyseDisparity(simulate(seed, 20000, 1), params).flags).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('a planted disparity (women approved at 0.6×) is flagged on gender only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const flags = analyseDisparity(simulate(seed, 20000, 0.6), params).flags;
        expect(flags.some((f) => f.metric === 'disparate-impact' && f.group === 'F')).toBe(true);
        expect(flags.every((f) => f.attribute === 'gender')).toBe(true);
      }),
      { numRuns: 10 },
    );
  });
});

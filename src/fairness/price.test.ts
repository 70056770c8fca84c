import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePrice, PriceAccumulator, type PriceParams } from './price.js';
import { createRng } from './rng.js';

const params: PriceParams = {
  alpha: 0.05,
  fdrQ: 0.05,
  minEffect: 0.01,
  minCells: 12,
  bootstrap: 400,
  permutations: 400,
  ciLevel: 0.95,
};
const run = (acc: PriceAccumulator, reference?: string) =>
  analysePrice(acc, params, { attribute: 'user_type', rng: createRng(7), reference });

describe('price discrimination (hand-computed)', () => {
  it('stratifies by item: 10% more on X, equal on Y → weighted effect 0.1·1/(1+4/3) = 3/70', () => {
    const acc = new PriceAccumulator();
    for (const p of [10, 10]) acc.add('X', p, 'new');
    for (const p of [11, 11]) acc.add('X', p, 'returning');
    for (const p of [20, 20, 20, 20]) acc.add('Y', p, 'new');
    for (const p of [20, 20]) acc.add('Y', p, 'returning');
    const r = run(acc, 'new');
    const c = r.comparisons[0]!;
    expect(c.cells).toBe(2);
    expect(c.effect).toBeCloseTo(3 / 70, 12);
    // no variance within groups: deterministic pricing, so the difference is certain
    expect(c.test).toBe('stratified-normal');
    expect(c.pValue).toBe(0);
    expect(r.flags).toHaveLength(1);
    expect(c.drivers.map((d) => d.item)).toEqual(['X']);
    expect(c.drivers[0]!.effect).toBeCloseTo(0.1, 12);
  });

  it('uses the pooled within-group variance: ref [9, 11], group [10, 12] → z = 0.1/√0.02, p = 0.4795', () => {
    const acc = new PriceAccumulator();
    acc.add('X', 9, 'new');
    acc.add('X', 11, 'new');
    acc.add('X', 10, 'returning');
    acc.add('X', 12, 'returning');
    const c = run(acc, 'new').comparisons[0]!;
    expect(c.effect).toBeCloseTo(0.1, 12);
    expect(c.pValue).toBeCloseTo(0.4795, 4);
    expect(c.flagged).toBe(false);
  });

  it('does not compare an item across windows: a price rise over time is not discrimination', () => {
    const acc = new PriceAccumulator(86_400_000);
    const day = 86_400_000;
    for (let d = 0; d < 20; d++) {
      // the price rises every day, and both groups pay the same price on the same day
      const price = 100 + d * 5;
      acc.add(`I${d % 4}`, price, 'new', d * day + 1000);
      acc.add(`I${d % 4}`, price, 'returning', d * day + 2000);
    }
    const r = run(acc, 'new');
    expect(r.comparisons[0]!.effect).toBe(0);
    expect(r.flags).toEqual([]);
  });

  it('picks the largest group as reference by default and reports every group', () => {
    const acc = new PriceAccumulator();
    for (let i = 0; i < 5; i++) acc.add('X', 10, 'a');
    for (let i = 0; i < 3; i++) acc.add('X', 10, 'b');
    const r = run(acc);
    expect(r.reference).toBe('a');
    expect(r.groups.map((g) => g.group)).toEqual(['a', 'b']);
  });
});

/** Simulated shop: `items` items with their own base price, two groups, 3% price noise. */
function simulate(seed: number, rows: number, upliftReturning: number): PriceAccumulator {
  const rng = createRng(seed);
  const base = Array.from({ length: 30 }, () => 10 + rng.next() * 500);
  const acc = new PriceAccumulator(86_400_000);
  for (let r = 0; r < rows; r++) {
    const i = rng.int(base.length);
    const returning = rng.next() < 0.5;
    const price = base[i]! * (returning ? 1 + upliftReturning : 1) * (1 + 0.03 * rng.normal());
    acc.add(`SKU${i}`, price, returning ? 'returning' : 'new', Math.floor(rng.next() * 7) * 86_400_000);
  }
  return acc;
}

describe('price discrimination (properties)', () => {
  it('identical price distributions across groups → no flag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const r = run(simulate(seed, 4000, 0), 'new');
        expect(r.flags).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('a planted 10% uplift for returning users is detected, and its interval holds 10%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const r = run(simulate(seed, 4000, 0.1), 'new');
        expect(r.flags).toHaveLength(1);
        const f = r.flags[0]!;
        expect(f.group).toBe('returning');
        expect(f.ci[0]).toBeLessThan(0.1 + 0.005);
        expect(f.ci[1]).toBeGreaterThan(0.1 - 0.005);
        expect(r.comparisons[0]!.drivers.length).toBeGreaterThan(20);
      }),
      { numRuns: 10 },
    );
  });

  it('is reproducible: the same seed gives the same intervals and p-values', () => {
    const a = run(simulate(3, 2000, 0.02), 'new');
    const b = run(simulate(3, 2000, 0.02), 'new');
    expect(a).toEqual(b);
  });
});

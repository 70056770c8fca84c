import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import {
  benjaminiHochberg,
  holm,
  Moments,
  newcombe,
  normalCdf,
  normalQuantile,
  quantileSorted,
  ratioInterval,
  twoProportionP,
  wilson,
} from './stats.js';

describe('statistics (hand-computed)', () => {
  it('Welford moments: mean 5, sample variance 32/7; combining equals one pass', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = new Moments();
    for (const x of xs) m.add(x);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 12);
    const a = new Moments();
    const b = new Moments();
    for (const x of xs.slice(0, 3)) a.add(x);
    for (const x of xs.slice(3)) b.add(x);
    const c = Moments.combine(a, b);
    expect(c.mean).toBeCloseTo(5, 12);
    expect(c.variance).toBeCloseTo(32 / 7, 12);
  });

  it('normal CDF and quantile', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('Benjamini–Hochberg: rejections and adjusted p-values', () => {
    const r = benjaminiHochberg([0.01, 0.04, 0.03, 0.005], 0.05);
    expect(r.rejected).toEqual([true, true, true, true]);
    expect(r.adjusted.map((x) => Number(x.toFixed(6)))).toEqual([0.02, 0.04, 0.04, 0.02]);
    expect(benjaminiHochberg([0.01, 0.02, 0.03, 0.5], 0.05).rejected).toEqual([true, true, true, false]);
    expect(benjaminiHochberg([0.2, 0.3], 0.05).rejected).toEqual([false, false]);
  });

  it("Holm's step-down", () => {
    expect(holm([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([true, false, false, true]);
  });

  it('Wilson 8/10 = [0.490, 0.943]; Newcombe 56/70 − 48/80 = [0.0524, 0.3339] (Newcombe 1998)', () => {
    const [lo, hi] = wilson(8, 10, 1.959964);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    const [a, b] = newcombe(56, 70, 48, 80, 1.959964);
    expect(a).toBeCloseTo(0.0524, 4);
    expect(b).toBeCloseTo(0.3339, 4);
  });

  it('Katz interval of a ratio of proportions, and the two-proportion test', () => {
    const [lo, hi] = ratioInterval(10, 100, 20, 100, 1.959964);
    expect(lo).toBeCloseTo(0.2466, 4); // 0.5·exp(−1.96·√0.13)
    expect(hi).toBeCloseTo(1.0136, 4);
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.00805, 4);
  });

  it('the seeded RNG is reproducible and roughly uniform / normal', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    const n = createRng(1);
    const zs = Array.from({ length: 20000 }, () => n.normal());
    const m = new Moments();
    for (const z of zs) m.add(z);
    expect(Math.abs(m.mean)).toBeLessThan(0.03);
    expect(m.variance).toBeGreaterThan(0.95);
    expect(m.variance).toBeLessThan(1.05);
  });
});

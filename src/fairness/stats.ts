/** Small, pure statistics used by the audits. Every function is checked by hand-computed tests. */

/** Streaming mean and sum of squared deviations (Welford): O(1) memory per group. */
export class Moments {
  n = 0;
  mean = 0;
  m2 = 0;

  add(x: number): void {
    this.n += 1;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  /** sample variance (n − 1); 0 below two values */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  static combine(a: Moments, b: Moments): Moments {
    const out = new Moments();
    out.n = a.n + b.n;
    if (out.n === 0) return out;
    const d = b.mean - a.mean;
    out.mean = a.mean + (d * b.n) / out.n;
    out.m2 = a.m2 + b.m2 + (d * d * a.n * b.n) / out.n;
    return out;
  }
}

/** Standard normal CDF (Zelen & Severo, A&S 26.2.17): absolute error < 7.5e-8, enough for p-values. */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p =
    d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

/** Two-sided p-value of a z statistic. */
export const twoSidedP = (z: number): number =>
  Number.isFinite(z) ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 0;

/** Inverse standard normal CDF (Acklam's algorithm, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** The z of a two-sided interval at `level` (0.95 → 1.959964). */
export const zFor = (level: number): number => normalQuantile(1 - (1 - level) / 2);

/** Percentile of an ascending array by linear interpolation (type 7, as R and numpy). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const lo = sorted[i] as number;
  const hi = sorted[Math.min(i + 1, n - 1)] as number;
  return lo + (h - i) * (hi - lo);
}

/** Percentile interval of bootstrap replicates. */
export function percentileInterval(replicates: Float64Array, level: number): [number, number] {
  const sorted = Float64Array.from(replicates).sort();
  const tail = (1 - level) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

/**
 * Benjamini–Hochberg step-up procedure: which hypotheses are rejected at FDR `q`, and the adjusted
 * p-values (q-values), in the input order.
 */
export function benjaminiHochberg(
  pValues: readonly number[],
  q: number,
): { rejected: boolean[]; adjusted: number[] } {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    adjusted[i] = running;
  }
  let cutoff = -1;
  order.forEach(({ p }, k) => {
    if (p <= ((k + 1) / m) * q) cutoff = k;
  });
  const rejected = new Array<boolean>(m).fill(false);
  for (let k = 0; k <= cutoff; k++) rejected[order[k]!.i] = true;
  return { rejected, adjusted };
}

/** Holm's step-down procedure: which hypotheses are rejected with family-wise error `alpha`. */
export function holm(pValues: readonly number[], alpha: number): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const rejected = new Array<boolean>(m).fill(false);
  for (let k = 0; k < m; k++) {
    const { p, i } = order[k]!;
    if (p >= alpha / (m - k)) break;
    rejected[i] = true;
  }
  return rejected;
}

/** Wilson score interval of a proportion x/n. */
export function wilson(x: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's hybrid score interval (method 10) for p1 − p2. */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z: number): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}

/**
 * Katz log interval for the ratio of two proportions (x1/n1)/(x2/n2); a zero count gets the usual
 * 0.5 continuity correction so the interval stays finite.
 */
export function ratioInterval(x1: number, n1: number, x2: number, n2: number, z: number): [number, number] {
  const c = x1 === 0 || x2 === 0 ? 0.5 : 0;
  const a = x1 + c;
  const b = x2 + c;
  const m1 = n1 + c;
  const m2 = n2 + c;
  const log = Math.log(a / m1 / (b / m2));
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / b - 1 / m2);
  return [Math.exp(log - z * se), Math.exp(log + z * se)];
}

/** Pooled two-proportion z-test, two-sided. */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return x1 / n1 === x2 / n2 ? 1 : 0;
  return twoSidedP((x1 / n1 - x2 / n2) / se);
}

/** Welch z-test of two means from their moments, two-sided. */
export function welchP(a: Moments, b: Moments): number {
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  if (se === 0) return a.mean === b.mean ? 1 : 0;
  return twoSidedP((a.mean - b.mean) / se);
}

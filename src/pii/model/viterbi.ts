/**
 * First-order Viterbi decoding over n positions and T tags: emission scores `em` (n × T, row-major),
 * transition scores `trans` (T × T, from × to) and start scores; `allowed(prev, t)` and
 * `allowedStart(t)` forbid tag pairs outright (BIO: an I- tag only continues its own span). Pure.
 */
export interface Lattice {
  n: number;
  tags: number;
  em: ArrayLike<number>;
  trans: ArrayLike<number>;
  start: ArrayLike<number>;
  /** allowed[prev * T + t] (0 = forbidden) */
  allowed: ArrayLike<number>;
  allowedStart: ArrayLike<number>;
}

/** The best path and its score (ties: the lower tag index wins, at every step). */
export function viterbi(l: Lattice): { path: Int32Array; score: number } {
  const { n, tags: T, em, trans, start, allowed, allowedStart } = l;
  const path = new Int32Array(n);
  if (n === 0) return { path, score: 0 };
  const delta = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++)
    delta[t] = allowedStart[t] ? (start[t] as number) + (em[t] as number) : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p * T + t]) continue;
        const v = (delta[(i - 1) * T + p] as number) + (trans[p * T + t] as number);
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * T + t] = best + (em[i * T + t] as number);
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++)
    if ((delta[(n - 1) * T + t] as number) > best) {
      best = delta[(n - 1) * T + t] as number;
      arg = t;
    }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + (path[i] as number)] as number;
  return { path, score: best };
}

/**
 * Max-marginals: out[i * T + t] = the score of the best path that has tag t at position i (forward
 * and backward max-product). The decoded path's own entries equal its score; the gap to the best
 * other tag at i is how firmly the model chose position i's tag.
 */
export function maxMarginals(l: Lattice): Float64Array {
  const { n, tags: T, em, trans, start, allowed, allowedStart } = l;
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  if (n === 0) return alpha;
  for (let t = 0; t < T; t++)
    alpha[t] = allowedStart[t] ? (start[t] as number) + (em[t] as number) : -Infinity;
  for (let i = 1; i < n; i++)
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      for (let p = 0; p < T; p++) {
        if (!allowed[p * T + t]) continue;
        const v = (alpha[(i - 1) * T + p] as number) + (trans[p * T + t] as number);
        if (v > best) best = v;
      }
      alpha[i * T + t] = best + (em[i * T + t] as number);
    }
  for (let i = n - 2; i >= 0; i--)
    for (let p = 0; p < T; p++) {
      let best = -Infinity;
      for (let t = 0; t < T; t++) {
        if (!allowed[p * T + t]) continue;
        const v =
          (trans[p * T + t] as number) + (em[(i + 1) * T + t] as number) + (beta[(i + 1) * T + t] as number);
        if (v > best) best = v;
      }
      beta[i * T + p] = best;
    }
  for (let k = 0; k < n * T; k++) alpha[k] = (alpha[k] as number) + (beta[k] as number);
  return alpha;
}

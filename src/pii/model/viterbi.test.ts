import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Lattice, maxMarginals, viterbi } from './viterbi.js';

/** Every path's score by enumeration (−∞ for a forbidden one). */
function allPaths(l: Lattice): Array<{ path: number[]; score: number }> {
  const out: Array<{ path: number[]; score: number }> = [];
  const walk = (path: number[]) => {
    if (path.length === l.n) {
      let s = 0;
      for (let i = 0; i < l.n; i++) {
        const t = path[i] as number;
        if (i === 0) s += l.allowedStart[t] ? (l.start[t] as number) : Number.NEGATIVE_INFINITY;
        else {
          const p = path[i - 1] as number;
          s += l.allowed[p * l.tags + t] ? (l.trans[p * l.tags + t] as number) : Number.NEGATIVE_INFINITY;
        }
        s += l.em[i * l.tags + t] as number;
      }
      out.push({ path: [...path], score: s });
      return;
    }
    for (let t = 0; t < l.tags; t++) walk([...path, t]);
  };
  walk([]);
  return out;
}

const score = fc.integer({ min: -20, max: 20 });
const lattices = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), tags: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, tags }) =>
    fc.record({
      n: fc.constant(n),
      tags: fc.constant(tags),
      em: fc.array(score, { minLength: n * tags, maxLength: n * tags }),
      trans: fc.array(score, { minLength: tags * tags, maxLength: tags * tags }),
      start: fc.array(score, { minLength: tags, maxLength: tags }),
      // tag 0 is always allowed everywhere, so some path exists (as O in BIO)
      allowed: fc
        .array(fc.integer({ min: 0, max: 1 }), { minLength: tags * tags, maxLength: tags * tags })
        .map((a) => a.map((v, k) => (k % tags === 0 ? 1 : v))),
      allowedStart: fc
        .array(fc.integer({ min: 0, max: 1 }), { minLength: tags, maxLength: tags })
        .map((a) => a.map((v, k) => (k === 0 ? 1 : v))),
    }),
  );

describe('viterbi', () => {
  it('finds a best path: the same score as enumerating every path, and a path that scores it', () => {
    fc.assert(
      fc.property(lattices, (l) => {
        const paths = allPaths(l);
        const best = Math.max(...paths.map((p) => p.score));
        const got = viterbi(l);
        expect(got.score).toBe(best);
        const own = paths.find((p) => p.path.join() === [...got.path].join());
        expect(own?.score).toBe(best);
      }),
    );
  });

  it('max-marginals equal the best enumerated path through each (position, tag)', () => {
    fc.assert(
      fc.property(lattices, (l) => {
        const paths = allPaths(l);
        const mm = maxMarginals(l);
        for (let i = 0; i < l.n; i++)
          for (let t = 0; t < l.tags; t++) {
            const through = paths.filter((p) => p.path[i] === t).map((p) => p.score);
            expect(mm[i * l.tags + t]).toBe(Math.max(...through));
          }
      }),
    );
  });

  it('an empty lattice decodes to an empty path', () => {
    const l: Lattice = {
      n: 0,
      tags: 2,
      em: [],
      trans: [0, 0, 0, 0],
      start: [0, 0],
      allowed: [1, 1, 1, 1],
      allowedStart: [1, 1],
    };
    expect(viterbi(l).path.length).toBe(0);
    expect(maxMarginals(l).length).toBe(0);
  });
});

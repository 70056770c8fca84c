import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickPartials } from './merge.js';

describe('pickPartials', () => {
  it('takes one result per shard whatever the retries and their order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.nat(19), fc.integer({ min: 1, max: 4 })), { maxLength: 40 }),
        fc.infiniteStream(fc.double()),
        (n, extra, rand) => {
          // every shard once (attempt 1 or later), plus retries, shuffled
          const parts = [
            ...Array.from({ length: n }, (_, s) => ({ shard: s, attempt: 1 + (s % 3), result: s })),
            ...extra.filter(([s]) => s < n).map(([s, a]) => ({ shard: s, attempt: a, result: s })),
          ];
          const r = [...rand.take(parts.length)];
          const shuffled = parts.map((p, i) => [r[i] as number, p] as const).sort((a, b) => a[0] - b[0]);
          const picked = pickPartials(
            shuffled.map(([, p]) => p),
            n,
          );
          expect(picked.missing).toEqual([]);
          expect(picked.results).toEqual(Array.from({ length: n }, (_, s) => s));
        },
      ),
    );
  });

  it('names the shards still missing', () => {
    expect(pickPartials([{ shard: 1, attempt: 1, result: 'x' }], 3)).toEqual({
      results: undefined,
      missing: [0, 2],
    });
  });
});

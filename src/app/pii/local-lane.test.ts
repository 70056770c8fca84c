import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapOrdered, type WorkerPool } from '../../corpus/pool.js';
import { withLocalLane } from './scan-part.js';

/** A pool of `size` fake workers answering after a random delay, recording how many each held. */
function fakePool(size: number, delays: number[]): WorkerPool<number, string> & { most: number } {
  let held = 0;
  let k = 0;
  const pool = {
    size,
    most: 0,
    run(input: number) {
      held++;
      pool.most = Math.max(pool.most, held);
      const delay = delays[k++ % delays.length] ?? 0;
      return new Promise<string>((ok) =>
        setTimeout(() => {
          held--;
          ok(`w${input}`);
        }, delay),
      );
    },
    close: async () => undefined,
  };
  return pool;
}

describe('withLocalLane', () => {
  it('keeps input order, uses both lanes, and never gives a worker more than two tasks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        async (workers, delays, n) => {
          const pool = fakePool(workers, delays);
          const lane = withLocalLane(pool, (i: number) => `l${i}`);
          expect(lane.size).toBe(workers + 1);
          const out: string[] = [];
          for await (const r of mapOrdered(lane, [...Array(n).keys()])) out.push(r);
          expect(out.map((r) => Number(r.slice(1)))).toEqual([...Array(n).keys()]);
          expect(pool.most).toBeLessThanOrEqual(workers * 2);
          // the caller takes a share once the workers hold two each
          if (n > workers * 2 + 2) expect(out.some((r) => r.startsWith('l'))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects the task whose local run throws, and only that one', async () => {
    const lane = withLocalLane(fakePool(1, [5]), (i: number) => {
      if (i === 2) throw new Error('bad block');
      return `l${i}`;
    });
    const runs = [0, 1, 2, 3].map((i) => lane.run(i));
    await expect(runs[2]).rejects.toThrow('bad block');
    await expect(runs[0]).resolves.toBe('w0');
    await expect(runs[3]).resolves.toBe('l3');
  });
});

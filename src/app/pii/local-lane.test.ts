import { describe, expect, it } from 'vitest';
import { mapOrdered } from '../../corpus/pool.js';
import { createLanePool, readAhead } from './scan-part.js';

const worker = new URL('../../../test/fixtures/corpus/tally-worker.ts', import.meta.url);
type Task = { i: number; fail?: boolean; ms?: number };
type Answer = { i: number; at: 'worker' | 'here' };

describe('createLanePool', () => {
  it('keeps input order and uses both the worker and the calling thread', async () => {
    const tally = new SharedArrayBuffer(8);
    const pool = createLanePool<Task, Answer, { tally: SharedArrayBuffer }>(worker, 2, { tally }, (t) => ({
      i: t.i,
      at: 'here',
    }));
    try {
      expect(pool.size).toBe(2);
      for (const n of [1, 7, 40]) {
        const out: Answer[] = [];
        for await (const r of mapOrdered(
          pool,
          Array.from({ length: n }, (_, i) => ({ i })),
        ))
          out.push(r);
        expect(out.map((r) => r.i)).toEqual([...Array(n).keys()]);
        if (n > 4) expect(new Set(out.map((r) => r.at))).toEqual(new Set(['worker', 'here']));
      }
    } finally {
      await pool.close();
    }
  });

  it('has posted the worker its next task before the calling thread starts one of its own', async () => {
    const tally = new SharedArrayBuffer(8);
    const received = new Int32Array(tally);
    let heldWhileBusy: number | undefined;
    let warm = 0;
    const pool = createLanePool<Task, Answer, { tally: SharedArrayBuffer }>(worker, 2, { tally }, (t) => {
      if (heldWhileBusy === undefined) {
        // the calling thread is busy here (a block takes it 0.1-1 s): the worker can only go on
        // with what it was posted before: wait (bounded) for it to have received two tasks
        const until = Date.now() + 3000;
        while (Atomics.load(received, 0) < warm + 2 && Date.now() < until) Atomics.wait(received, 1, 0, 5);
        heldWhileBusy = Atomics.load(received, 0) - warm;
      }
      return { i: t.i, at: 'here' };
    });
    try {
      await pool.run({ i: -1 }); // the worker is up (an idle pool posts to the worker first)
      warm = Atomics.load(received, 0);
      const out: Answer[] = [];
      for await (const r of mapOrdered(
        pool,
        Array.from({ length: 8 }, (_, i) => ({ i })),
      ))
        out.push(r);
      expect(out.map((r) => r.i)).toEqual([...Array(8).keys()]);
      // the one it was running and the one queued behind it (one only when the second waited in
      // the calling thread's queue: the worker then sat idle until the caller's block was done)
      expect(heldWhileBusy).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('rejects the task whose local run throws, and only that one', async () => {
    const pool = createLanePool<Task, Answer, { tally: SharedArrayBuffer }>(
      worker,
      2,
      { tally: new SharedArrayBuffer(8) },
      (t) => {
        if (t.i === 2) throw new Error('bad block');
        return { i: t.i, at: 'here' };
      },
    );
    try {
      await pool.run({ i: -1 });
      // the worker is posted the first two (and is busy with them), the calling thread takes the third
      const runs = [0, 1, 2, 3].map((i) => pool.run({ i, ...(i < 2 ? { ms: 300 } : {}) }));
      await expect(runs[2]).rejects.toThrow('bad block');
      await expect(runs[0]).resolves.toEqual({ i: 0, at: 'worker' });
      await expect(runs[1]).resolves.toEqual({ i: 1, at: 'worker' });
      await expect(runs[3]).resolves.toMatchObject({ i: 3 });
    } finally {
      await pool.close();
    }
  });
});

describe('readAhead', () => {
  /** a source that logs when each item is asked for and when it is closed */
  function source(n: number, log: string[], failAt?: number): AsyncIterable<number> {
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; i < n; i++) {
            log.push(`read ${i}`);
            await new Promise((r) => setTimeout(r, 1));
            if (i === failAt) throw new Error('cannot read');
            yield i;
          }
        } finally {
          log.push('closed');
        }
      },
    };
  }

  it('starts the next read before the consumer is done with the one it was given, in order', async () => {
    const log: string[] = [];
    for await (const i of readAhead(source(3, log))) log.push(`use ${i}`);
    // the source's end, too, is read ahead of the last item's use
    expect(log).toEqual(['read 0', 'read 1', 'use 0', 'read 2', 'use 1', 'closed', 'use 2']);
  });

  it('closes the source when the consumer stops early, and passes a read error on', async () => {
    const log: string[] = [];
    for await (const i of readAhead(source(5, log))) if (i === 1) break;
    expect(log.at(-1)).toBe('closed');
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const i of readAhead(source(5, [], 2))) seen.push(i);
      })(),
    ).rejects.toThrow('cannot read');
    expect(seen).toEqual([0, 1]);
  });
});

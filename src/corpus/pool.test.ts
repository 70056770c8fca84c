import { describe, expect, it } from 'vitest';
import { createPool, mapOrdered } from './pool.js';

const worker = new URL('../../test/fixtures/corpus/count-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('runs tasks on threads, transfers buffers, and keeps input order', async () => {
    const pool = createPool<{ bytes: Uint8Array }, { n: number; factor: number }>(worker, {
      size: 2,
      workerData: { factor: 7 },
    });
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => ({ bytes: new Uint8Array((i * 37) % 11) }));
      const sizes = inputs.map((x) => x.bytes.length);
      const out: number[] = [];
      for await (const r of mapOrdered(pool, inputs, {
        maxInFlight: 3,
        transfer: (x) => [x.bytes.buffer as ArrayBuffer],
      })) {
        expect(r.factor).toBe(7);
        out.push(r.n);
      }
      expect(out).toEqual(sizes);
    } finally {
      await pool.close();
    }
  });

  it('rejects a task whose handler throws, and keeps serving', async () => {
    const pool = createPool<{ bytes: Uint8Array; fail?: boolean }, { n: number }>(worker, {
      size: 1,
      workerData: { factor: 1 },
    });
    try {
      await expect(pool.run({ bytes: new Uint8Array(1), fail: true })).rejects.toThrow('asked to fail');
      expect((await pool.run({ bytes: new Uint8Array(3) })).n).toBe(3);
    } finally {
      await pool.close();
    }
  });
});
